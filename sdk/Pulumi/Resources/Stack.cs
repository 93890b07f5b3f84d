using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>The root of a program's resources; its public [Output] properties are the stack outputs.</summary>
    public class Stack : ComponentResource
    {
        internal const string RootPulumiStackTypeName = "pulumi:pulumi:Stack";

        internal Output<IDictionary<string, object?>> Outputs { get; private set; } = Output.Create<IDictionary<string, object?>>(ImmutableDictionary<string, object?>.Empty);

        public Stack(StackOptions? options = null)
            : base(RootPulumiStackTypeName, $"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}", ConvertOptions(options))
        {
            Deployment.InternalInstance.Stack = this;
        }

        internal void RegisterPropertyOutputs()
        {
            var properties = GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.DeclaringType != typeof(Stack) && p.DeclaringType != typeof(ComponentResource) && p.DeclaringType != typeof(Resource))
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
                .Where(p => p.Attribute != null)
                .Select(p => (Name: p.Attribute!.Name ?? p.Property.Name, p.Property, Value: p.Property.GetValue(this)))
                .ToList();

            var nulls = properties.Where(p => p.Value == null).Select(p => p.Name).ToList();
            if (nulls.Count > 0)
                throw new RunException($"Output(s) '{string.Join(", ", nulls)}' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.");

            var wrongType = properties.Where(p => p.Value is not IOutput).Select(p => p.Name).ToList();
            if (wrongType.Count > 0)
                throw RunException.OutputsHaveIncorrectType(wrongType);

            var dictionary = properties.ToDictionary(p => p.Name, p => p.Value);
            RegisterOutputs(dictionary!);
            Outputs = Output.Create<IDictionary<string, object?>>(dictionary!);
        }

        internal void RegisterReturnedOutputs(IDictionary<string, object?> outputs)
        {
            var immutable = outputs.ToImmutableDictionary();
            Outputs = Output.Create<IDictionary<string, object?>>(immutable);
            RegisterOutputs(immutable);
        }

        private static ComponentResourceOptions? ConvertOptions(StackOptions? options)
        {
            if (options == null)
                return null;
            return new ComponentResourceOptions
            {
                ResourceTransformations = options.ResourceTransformations,
                ResourceTransforms = options.ResourceTransforms,
            };
        }
    }

    /// <summary>Arguments of a <see cref="StackReference"/>.</summary>
    public sealed class StackReferenceArgs : ResourceArgs
    {
        [Input("name", required: true)]
        public Input<string>? Name { get; set; }
    }

    /// <summary>What a stack output holds and whether it is secret.</summary>
    public sealed class StackReferenceOutputDetails
    {
        public object? Value { get; set; }
        public object? SecretValue { get; set; }
    }

    /// <summary>Reads the outputs of another stack.</summary>
    public class StackReference : CustomResource
    {
        [Output("name")]
        public Output<string> Name { get; private set; } = null!;

        [Output("outputs")]
        public Output<ImmutableDictionary<string, object>> Outputs { get; private set; } = null!;

        [Output("secretOutputNames")]
        public Output<ImmutableArray<string>> SecretOutputNames { get; private set; } = null!;

        public StackReference(string name, StackReferenceArgs? args = null, CustomResourceOptions? options = null)
            : base("pulumi:pulumi:StackReference", name,
                new StackReferenceArgs { Name = args?.Name ?? name },
                CustomResourceOptions.Merge(options, new CustomResourceOptions { Id = args?.Name ?? name }))
        {
        }

        public Output<object?> GetOutput(Input<string> name)
        {
            var value = Output.Tuple(name.ToOutput(), Outputs).Apply(v => v.Item2.TryGetValue(v.Item1, out var result) ? result : null);
            return IsSecretOutputName(name).Apply(isSecret => isSecret ? Output.CreateSecret(value) : value);
        }

        public Output<object> RequireOutput(Input<string> name)
        {
            var value = Output.Tuple(name.ToOutput(), Name, Outputs).Apply(v =>
                v.Item3.TryGetValue(v.Item1, out var result)
                    ? result
                    : throw new KeyNotFoundException($"Required output '{v.Item1}' does not exist on stack '{v.Item2}'."));
            return IsSecretOutputName(name).Apply(isSecret => isSecret ? Output.CreateSecret(value) : value);
        }

        public async Task<object?> GetValueAsync(Input<string> name)
            => await GetOutput(name).GetValueAsync(whenUnknown: null).ConfigureAwait(false);

        public async Task<object> RequireValueAsync(Input<string> name)
            => await RequireOutput(name).GetValueAsync(whenUnknown: null!).ConfigureAwait(false);

        public async Task<StackReferenceOutputDetails> GetOutputDetailsAsync(string name)
        {
            var output = GetOutput(name);
            var data = await output.DataTask.ConfigureAwait(false);
            return data.IsSecret
                ? new StackReferenceOutputDetails { SecretValue = data.Value }
                : new StackReferenceOutputDetails { Value = data.Value };
        }

        private Output<bool> IsSecretOutputName(Input<string> name)
            => Output.Tuple(name.ToOutput(), SecretOutputNames).Apply(v => v.Item2.Contains(v.Item1)); // throws like the real one when the state lacks secretOutputNames
    }
}
