using Infra.Components.Common;
using Pulumi.Experimental.Provider;

// Serves every ComponentResource in Infra.Components under the package name "infra" (tokens
// infra:index:<Component>). The assembly is named explicitly because the components live in a
// library, not in this executable, and the package name because the host would otherwise derive
// "components" from the assembly name Infra.Components.
await ComponentProviderHost.Serve(args, typeof(SpecProblem).Assembly, "infra");
