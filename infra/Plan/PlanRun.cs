using System.Collections.Immutable;
using Pulumi;

namespace Infra.Plan;

/// <summary>A finished plan run: the plan, the resource objects the program created (stack first),
/// and the mocks that recorded it.</summary>
public sealed record PlanRun(StackPlan Plan, ImmutableArray<Resource> Resources, RecordingMocks Mocks);
