namespace Pulumi.Kubernetes
{
    /// <summary>
    /// Base class of every Kubernetes resource class (hand-written in the real package too, not generated).
    /// Only this assembly can derive from it: its constructors are internal.
    /// </summary>
    public abstract class KubernetesResource : CustomResource
    {
        internal KubernetesResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
            : base(type, name, args, MakeResourceOptions(options))
        {
        }

        private static CustomResourceOptions MakeResourceOptions(CustomResourceOptions? options)
        {
            var defaults = new CustomResourceOptions
            {
                Version = Utilities.Version,
            };
            return CustomResourceOptions.Merge(defaults, options);
        }
    }
}
