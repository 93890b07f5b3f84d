using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen;

/// <summary>How one shape of an object type is used by the selected members (Pulumi's <c>typeDetails</c>).</summary>
public sealed class TypeDetails
{
    /// <summary>Emit an output class (<c>Outputs.X</c>, or <c>Outputs.XResult</c> when <see cref="PlainType"/>).</summary>
    public bool OutputType { get; set; }

    /// <summary>Emit an input class (<c>Inputs.XArgs</c>).</summary>
    public bool InputType { get; set; }

    /// <summary>Emit a state class (<c>Inputs.XGetArgs</c>) for a resource's <c>XState</c>.</summary>
    public bool StateType { get; set; }

    /// <summary>Used by a function's plain args or its result.</summary>
    public bool PlainType { get; set; }

    /// <summary>Used by a function's <c>XInvokeArgs</c>: the input class is named <c>XInputArgs</c>.</summary>
    public bool UsedInFunctionOutputVersionInputs { get; set; }
}

/// <summary>
/// Walks the selected resources and functions (plus the provider) and records, for every object type
/// they reach, which C# classes must exist — the same analysis as <c>generateModuleContextMap</c>.
/// </summary>
public sealed class TypeUsage
{
    private readonly Dictionary<(ObjectTypeDef Type, bool InputShape), TypeDetails> _details = [];
    private readonly HashSet<EnumTypeDef> _enums = [];

    public TypeUsage(PackageDef package, IReadOnlyList<ResourceDef> resources, IReadOnlyList<FunctionDef> functions)
    {
        foreach (var resource in resources.Prepend(package.Provider))
        {
            Visit(resource.Properties, ObjectShape.Output, d => d.OutputType = true);
            Visit(resource.InputProperties, ObjectShape.Input, d => d.InputType = true);
            if (resource.StateInputs is { } state)
            {
                Visit(state, ObjectShape.Input, d => d.InputType = d.StateType = true);
            }
        }

        foreach (var function in functions)
        {
            if (function.Inputs is { } inputs)
            {
                Visit(inputs, ObjectShape.PlainInput, d => d.InputType = d.PlainType = true);
                Visit(function.InputsInputShape!, ObjectShape.Input, d => d.InputType = d.UsedInFunctionOutputVersionInputs = true);
            }
            if (function.Outputs is { } outputs)
            {
                Visit(outputs, ObjectShape.Output, d => d.OutputType = d.PlainType = true);
            }
        }
    }

    /// <summary>Every reached object shape, in token order (plain shape before input shape).</summary>
    public IEnumerable<(ObjectTypeDef Type, bool InputShape, TypeDetails Details)> ObjectShapes =>
        _details.OrderBy(e => e.Key.Type.Token, StringComparer.Ordinal).ThenBy(e => e.Key.InputShape)
            .Select(e => (e.Key.Type, e.Key.InputShape, e.Value));

    public IEnumerable<EnumTypeDef> Enums => _enums.OrderBy(e => e.Token, StringComparer.Ordinal);

    public TypeDetails Details(ObjectTypeDef type, bool inputShape) =>
        _details.TryGetValue((type, inputShape), out var details) ? details : new TypeDetails();

    private void Visit(IReadOnlyList<PropertyDef> properties, ObjectShape shape, Action<TypeDetails> mark)
    {
        var seen = new HashSet<(ObjectTypeDef, bool)>();
        foreach (var property in properties)
        {
            VisitType(property.Type, shape, mark, seen);
        }
    }

    private void VisitType(TypeRef type, ObjectShape shape, Action<TypeDetails> mark, HashSet<(ObjectTypeDef, bool)> seen)
    {
        switch (type)
        {
            case InputRef input:
                VisitType(input.Element, shape, mark, seen);
                break;
            case OptionalRef optional:
                VisitType(optional.Element, shape, mark, seen);
                break;
            case ArrayRef array:
                VisitType(array.Element, shape, mark, seen);
                break;
            case MapRef map:
                VisitType(map.Element, shape, mark, seen);
                break;
            case UnionRef union:
                foreach (var element in union.Elements)
                {
                    VisitType(element, shape, mark, seen);
                }
                break;
            case EnumRef enumRef:
                _enums.Add(enumRef.Type);
                break;
            case ObjectRef obj:
                var key = (obj.Type, obj.InputShape);
                if (!seen.Add(key))
                {
                    return;
                }
                if (!_details.TryGetValue(key, out var details))
                {
                    details = new TypeDetails();
                    _details.Add(key, details);
                }
                mark(details);
                // Nested properties keep the shape of the reference (input shape stays input shape).
                var nestedShape = obj.InputShape ? ObjectShape.Input : shape;
                foreach (var property in obj.Type.Properties(nestedShape))
                {
                    VisitType(property.Type, nestedShape, mark, seen);
                }
                break;
        }
    }
}
