using System.Collections.Immutable;
using System.Text;

namespace Infra.Plan;

/// <summary>
/// A <see cref="PlanDiff"/> as Markdown for a pull-request comment (<c>plan --against FILE --format markdown</c>):
/// protected resources touched first, a summary per cloud and per component, then the replaced, updated,
/// added and removed resources with every changed property.
/// </summary>
/// <remarks>
/// "Replaced" means the resource's URN changes while its type and name stay: its parent changed, and
/// without an alias Pulumi creates the new one and deletes the old. Replacements a provider decides
/// (a property that forces a new resource) need the provider's diff; the real <c>pulumi preview</c>
/// comment shows those where credentials exist. The comment starts with a marker naming the stack, so
/// the workflow finds and updates its own comment on every push.
/// </remarks>
public static class PlanMarkdown
{
    /// <summary>The hidden first line that identifies the comment of <paramref name="stack"/>.</summary>
    public static string Marker(string stack) => $"<!-- infra-plan:{stack} -->";

    /// <summary>Renders <paramref name="diff"/> of <paramref name="stack"/>.</summary>
    public static string Render(string stack, PlanDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var replaced = diff.Changed.Where(c => c.Changes.Any(x => x.Path == "(parent)")).ToImmutableArray();
        var updated = diff.Changed.Where(c => c.Changes.All(x => x.Path != "(parent)")).ToImmutableArray();
        var text = new StringBuilder();
        text.AppendLine(Marker(stack));
        text.AppendLine($"### Offline plan of `{stack}` against the base branch");
        text.AppendLine();
        if (diff.IsEmpty)
        {
            text.AppendLine("No changes: the same resources with the same inputs.");
            return text.ToString();
        }

        text.AppendLine($"**{replaced.Length} to replace, {updated.Length} to update, {diff.Added.Length} to add, {diff.Removed.Length} to remove.**");
        text.AppendLine();

        var protectedTouched = diff.Changed.Where(c => c.Before.Protect || c.After.Protect).Select(c => ("changed", c.After))
            .Concat(diff.Removed.Where(r => r.Protect).Select(r => ("removed", r)))
            .ToList();
        if (protectedTouched.Count > 0)
        {
            text.AppendLine("> [!WARNING]");
            text.AppendLine($"> **{protectedTouched.Count} protected resource{(protectedTouched.Count == 1 ? "" : "s")} touched** (Pulumi refuses to delete or replace them while protected):");
            foreach (var (how, r) in protectedTouched)
                text.AppendLine($"> - {how}: `{r.Type}` **{Escape(r.Name)}**");
            text.AppendLine();
        }

        var rows = replaced.Select(c => (Kind: "replace", Resource: c.After))
            .Concat(updated.Select(c => (Kind: "update", Resource: c.After)))
            .Concat(diff.Added.Select(r => (Kind: "add", Resource: r)))
            .Concat(diff.Removed.Select(r => (Kind: "remove", Resource: r)))
            .ToList();
        Summary(text, "Cloud", rows.GroupBy(r => Cloud(r.Resource)));
        Summary(text, "Component", rows.GroupBy(r => r.Resource.Parent is { } parent ? $"`{parent.Split("::")[0]}` {Escape(parent.Split("::")[1])}" : "(stack)"));

        Section(text, "Replaced", replaced.Select(c => (c.After, c.Changes)));
        Section(text, "Updated", updated.Select(c => (c.After, c.Changes)));
        Section(text, "Added", diff.Added.Select(r => (r, ImmutableArray<InputChange>.Empty)));
        Section(text, "Removed", diff.Removed.Select(r => (r, ImmutableArray<InputChange>.Empty)));
        return text.ToString();
    }

    private static void Summary(StringBuilder text, string by, IEnumerable<IGrouping<string, (string Kind, PlannedResource Resource)>> groups)
    {
        text.AppendLine($"| {by} | replace | update | add | remove |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Count(string kind) => group.Count(r => r.Kind == kind);
            text.AppendLine($"| {group.Key} | {Count("replace")} | {Count("update")} | {Count("add")} | {Count("remove")} |");
        }

        text.AppendLine();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<(PlannedResource Resource, ImmutableArray<InputChange> Changes)> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
            return;
        text.AppendLine($"<details{(title is "Replaced" or "Removed" ? " open" : "")}><summary>{title} ({list.Count})</summary>");
        text.AppendLine();
        foreach (var (resource, changes) in list)
        {
            text.AppendLine($"- `{resource.Type}` **{Escape(resource.Name)}**{(resource.Protect ? " (protected)" : "")}");
            foreach (var change in changes)
                text.AppendLine($"  - `{change.Path}`: `{Code(PlanRenderer.Show(change.Before))}` → `{Code(PlanRenderer.Show(change.After))}`");
        }

        text.AppendLine();
        text.AppendLine("</details>");
        text.AppendLine();
    }

    private static string Cloud(PlannedResource resource) => resource.Package switch
    {
        "aws" => "AWS",
        "azure" => "Azure",
        "kubernetes" => "Kubernetes",
        "random" => "Random",
        "infra" => "Components",
        var other => other,
    };

    // Markdown-significant characters in names; backticks cannot be escaped inside code spans, so they become quotes.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Code(string text)
    {
        var line = text.Replace('`', '\'').Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length > 200 ? line[..197] + "..." : line;
    }
}
