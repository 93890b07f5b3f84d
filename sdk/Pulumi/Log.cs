using System;

namespace Pulumi
{
    /// <summary>Logging to the engine. Under the mock engine only errors are observable: each one
    /// fails the run with a <see cref="RunException"/>.</summary>
    public static class Log
    {
        public static void Debug(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => _ = Deployment.InternalInstance; // needs a run, like the real logger; otherwise not observable

        public static void Info(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => _ = Deployment.InternalInstance; // needs a run, like the real logger; otherwise not observable

        public static void Warn(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => Deployment.InternalInstance.Warnings.Enqueue(message);

        public static void Error(string message, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => Deployment.InternalInstance.LogError(message);

        public static void Exception(Exception exception, Resource? resource = null, int? streamId = null, bool? ephemeral = null)
            => Error(exception.ToString(), resource, streamId, ephemeral);
    }

    /// <summary>An error that is reported by its message alone (no stack trace).</summary>
    public class RunException : Exception
    {
        public RunException(string message) : base(message)
        {
        }

        public RunException(string message, Exception? innerException) : base(message, innerException)
        {
        }

        public static RunException OutputsHaveIncorrectType(System.Collections.Generic.IEnumerable<string> outputAttributeNames)
            => new RunException($"Output(s) '{string.Join(", ", outputAttributeNames)}' have incorrect type. [Output] attributed properties must be instances of Output<T>.");
    }

    /// <summary>An error about a specific resource.</summary>
    public class ResourceException : Exception
    {
        internal Resource? Resource { get; }
        internal bool HideStack { get; }

        public ResourceException(string message, Resource? resource, bool hideStack = false) : base(message)
        {
            Resource = resource;
            HideStack = hideStack;
        }
    }

    /// <summary>An error raised while logging.</summary>
    public class LogException : Exception
    {
        public LogException(Exception exception) : base("Error occurred during logging: " + exception.Message, exception)
        {
        }
    }
}
