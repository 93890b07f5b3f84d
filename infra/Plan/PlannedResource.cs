using System.Collections.Immutable;

namespace Infra.Plan;

/// <summary>One resource a stack would create, as the engine would receive it.</summary>
/// <param name="Type">Type token, e.g. <c>aws:lb/loadBalancer:LoadBalancer</c>.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Parent">Key (<c>type::name</c>) of the parent, or null below the stack.</param>
/// <param name="Inputs">Inputs as the engine sees them: numbers as doubles, lists, maps, strings, bools.</param>
/// <param name="Provider">Explicit provider reference, or empty for the default provider.</param>
/// <param name="Custom">False for components.</param>
public sealed record PlannedResource(
    string Type,
    string Name,
    string? Parent,
    ImmutableSortedDictionary<string, object?> Inputs,
    string Provider,
    bool Custom)
{
    /// <summary>Whether <c>pulumi destroy</c> and replacements are refused (the Protect option, inherited from parents).</summary>
    public bool Protect { get; init; }

    /// <summary>Inputs whose changes deploys ignore (the IgnoreChanges option).</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    /// <summary>Inputs whose changes replace the resource instead of updating it (the ReplaceOnChanges option).</summary>
    public ImmutableArray<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Keys (<c>type::name</c>) of the resources this one waits for (the DependsOn option).</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Identity within a plan.</summary>
    public string Key => $"{Type}::{Name}";

    /// <summary>Type token of the parent, or null below the stack.</summary>
    public string? ParentType => Parent?.Split("::")[0];

    /// <summary>Logical name of the parent, or null below the stack.</summary>
    public string? ParentName => Parent?.Split("::")[1];

    /// <summary>First segment of the type token: aws, azure, kubernetes, random, infra or pulumi.</summary>
    public string Package => Type.Split(':')[0];
}
