using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi.Testing
{
    /// <summary>Answers resource registrations and invokes during <see cref="Deployment.TestAsync{TStack}(IMocks, TestOptions?)"/>.</summary>
    public interface IMocks
    {
        /// <summary>Returns the id and the output state of a new resource.</summary>
        Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

        /// <summary>Returns the result of an invoke; must be dictionary-shaped.</summary>
        Task<object> CallAsync(MockCallArgs args);

        /// <summary>Receives the outputs a component or stack registers.</summary>
        Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;
    }

    /// <summary>What a mock learns about a resource registration.</summary>
    public class MockResourceArgs
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public ImmutableDictionary<string, object> Inputs { get; set; } = null!;
        public string? Provider { get; set; }
        public string? Id { get; set; }
    }

    /// <summary>What a mock learns about an invoke.</summary>
    public class MockCallArgs
    {
        public string? Token { get; set; }
        public ImmutableDictionary<string, object> Args { get; set; } = null!;
        public string? Provider { get; set; }
    }

    /// <summary>Outputs registered by a component or the stack.</summary>
    public class MockRegisterResourceOutputsRequest
    {
        public readonly string Urn;
        public readonly ImmutableDictionary<string, Output<object?>> Outputs;

        public MockRegisterResourceOutputsRequest(string urn, ImmutableDictionary<string, Output<object?>> outputs)
        {
            Urn = urn;
            Outputs = outputs;
        }
    }

    /// <summary>Names and mode of a test run. Defaults: project "project", stack "stack",
    /// organization "organization", preview.</summary>
    public class TestOptions
    {
        public string? ProjectName { get; set; }
        public string? StackName { get; set; }
        public string? OrganizationName { get; set; }
        public string? RootDirectory { get; set; }
        public bool? IsPreview { get; set; }
    }

    /// <summary>Mocks that echo inputs as state and fail every invoke.</summary>
    public class EmptyMocks : IMocks
    {
        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
            => Task.FromResult<(string?, object)>((null, args.Inputs));

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args);
    }
}
