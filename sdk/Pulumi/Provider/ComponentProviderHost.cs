using System;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Pulumi.Experimental.Provider
{
    /// <summary>
    /// Serves the component resources of an assembly as a Pulumi component provider, so that other
    /// languages can <c>pulumi package add</c> them. See <see cref="Serve(string[], Assembly?, string?)"/>.
    /// </summary>
    /// <remarks>
    /// Mirrors pulumi/pulumi-dotnet sdk/Pulumi/Provider/ComponentProviderHost.cs. The real host starts
    /// a gRPC provider server for the Pulumi engine; this offline stand-in has no engine and no server,
    /// so it reports that and sets a non-zero exit code. The schema it would serve is exactly
    /// <see cref="ComponentAnalyzer.GenerateSchema(Metadata, Assembly)"/> of the same metadata.
    /// </remarks>
    public static class ComponentProviderHost
    {
        private const string NoEngineMessage =
            "This component provider was built with the offline Pulumi SDK (PulumiSdk=offline), which has no engine to serve it to.\n" +
            "  To check the package schema it would serve:  run the tests (ComponentAnalyzer.GenerateSchema over the same assembly)\n" +
            "  To serve it for real:                        build with the real Pulumi packages (PulumiSdk=nuget, the default)\n" +
            "                                               and let the Pulumi CLI start it (`pulumi package add <dir>`, `pulumi package get-schema <dir>`).";

        /// <summary>
        /// Serves the component provider. It discovers all component types in the given assembly and serves them
        /// automatically as a component provider, including GetSchema and Construct methods.
        /// </summary>
        /// <param name="args">The command-line arguments</param>
        /// <param name="componentAssembly">The assembly containing component types (default: the calling assembly)</param>
        /// <param name="packageName">Optional package name (defaults to the kebab-cased last segment of the assembly name)</param>
        /// <returns>
        /// Offline: a completed task, after writing why nothing is served to standard error and setting
        /// <see cref="Environment.ExitCode"/> to 1, so a <c>Main</c> returning this task exits non-zero.
        /// </returns>
        public static Task Serve(string[] args, Assembly? componentAssembly = null, string? packageName = null)
        {
            var assembly = componentAssembly ?? Assembly.GetCallingAssembly();

            // Same defaults as the real host, so argument mistakes fail here as they would there:
            // namespace and package come from the assembly name, the version is pinned to 0.0.0.
            var (parsedNamespace, parsedPackage) = ParseAssemblyName(assembly.GetName().Name);
            packageName = packageName ?? parsedPackage ?? throw new ArgumentNullException(nameof(packageName));
            var metadata = new Metadata(Name: packageName, Namespace: parsedNamespace, Version: "0.0.0");

            Console.Error.WriteLine(
                $"Component package '{metadata.Name}' (namespace '{metadata.Namespace ?? ""}', version {metadata.Version}) " +
                $"from assembly {assembly.GetName().Name} was not served.");
            Console.Error.WriteLine(NoEngineMessage);
            Environment.ExitCode = 1;
            return Task.CompletedTask;
        }

        /// <summary>
        /// Splits an assembly name into (namespace, package): <c>Foo.Bar.Baz</c> gives ("foo", "baz"),
        /// <c>Baz</c> gives (null, "baz"), both kebab-cased; null gives (null, null).
        /// </summary>
        internal static (string? namespaceName, string? packageName) ParseAssemblyName(string? assemblyName)
        {
            if (assemblyName == null)
            {
                return (null, null);
            }

            var parts = assemblyName.Split('.');
            if (parts.Length < 2)
            {
                return (null, Kebaberize(assemblyName));
            }

            return (Kebaberize(parts[0]), Kebaberize(parts[^1]));
        }

        // Humanizer's Kebaberize (Underscore, then '_' to '-'), which the real host calls; reproduced
        // here because the offline SDK takes no package dependencies.
        private static string Kebaberize(string input)
        {
            var underscored = Regex.Replace(input, @"([\p{Lu}]+)([\p{Lu}][\p{Ll}])", "$1_$2");
            underscored = Regex.Replace(underscored, @"([\p{Ll}\d])([\p{Lu}])", "$1_$2");
            underscored = Regex.Replace(underscored, @"[-\s]", "_");
            return underscored.ToLower(System.Globalization.CultureInfo.CurrentCulture).Replace('_', '-');
        }
    }
}
