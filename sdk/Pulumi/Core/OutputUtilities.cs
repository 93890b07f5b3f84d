using System;
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi.Utilities
{
    /// <summary>Reads output internals, for tests and debugging.</summary>
    public static class OutputUtilities
    {
        /// <summary>The value, or the default value when it is not known (never hangs).</summary>
        public static Task<T> GetValueAsync<T>(Output<T> output) => output.GetValueAsync(whenUnknown: default!);

        public static async Task<bool> GetIsKnownAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).IsKnown;

        public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).Resources;

        public static Output<T> CreateUnknown<T>(T value) => Output<T>.CreateUnknown(value);

        public static Output<T> CreateUnknown<T>(Func<Task<T>> valueFactory) => Output<T>.CreateUnknown(valueFactory);

        public static Output<T> WithDependency<T>(Output<T> output, Resource resource)
        {
            // As the real OutputUtilities.WithDependency: both arguments are checked.
            if (output is null)
                throw new ArgumentNullException(nameof(output));
            if (resource is null)
                throw new ArgumentNullException(nameof(resource));

            async Task<OutputData<T>> GetData()
            {
                var data = await output.DataTask.ConfigureAwait(false);
                return new OutputData<T>(data.Resources.Add(resource), data.Value, data.IsKnown, data.IsSecret);
            }

            return new Output<T>(GetData());
        }
    }
}
