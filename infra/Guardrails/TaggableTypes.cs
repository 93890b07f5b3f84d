using System.Collections.Immutable;
using System.Reflection;
using Pulumi;

namespace Infra.Guardrails;

/// <summary>
/// Which resource types take tags, read from the provider SDKs themselves: a type is taggable when its
/// resource class (<see cref="ResourceTypeAttribute"/>) takes args with a <c>tags</c> input. Works alike
/// for the real packages and the offline ones, which are generated from the same schemas.
/// </summary>
public static class TaggableTypes
{
    private static readonly Lazy<ImmutableHashSet<string>> Types = new(() =>
        Scan(typeof(Pulumi.Aws.Provider).Assembly).Union(Scan(typeof(Pulumi.Azure.Provider).Assembly)));

    /// <summary>Whether resources of <paramref name="type"/> (a type token) take a <c>tags</c> input.</summary>
    public static bool IsTaggable(string type) => Types.Value.Contains(type);

    private static ImmutableHashSet<string> Scan(Assembly assembly)
    {
        var taggable = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }
        foreach (var type in types)
        {
            if (!typeof(CustomResource).IsAssignableFrom(type) || type.GetCustomAttribute<ResourceTypeAttribute>(inherit: true) is not { } token)
                continue;
            var args = type.GetConstructors().SelectMany(c => c.GetParameters())
                .Select(p => p.ParameterType).FirstOrDefault(t => typeof(ResourceArgs).IsAssignableFrom(t));
            // The input's wire name is the attribute's first constructor argument (its Name is internal to the SDK).
            // Collections carry the attribute on a private backing field (_tags), scalars on the property.
            if (args?.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(p => p.GetCustomAttributesData()
                    .Any(a => a.AttributeType == typeof(InputAttribute) && a.ConstructorArguments.Count > 0 && Equals(a.ConstructorArguments[0].Value, "tags"))) == true)
                taggable.Add(token.Type);
        }
        return taggable.ToImmutable();
    }
}
