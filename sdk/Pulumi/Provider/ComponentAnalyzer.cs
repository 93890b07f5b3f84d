using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Pulumi.Experimental.Provider
{
    /// <summary>
    /// Infers a package schema from component resource classes by reflection: each component's args
    /// class gives its inputs, the component's own <see cref="OutputAttribute"/> members its outputs.
    /// </summary>
    /// <remarks>
    /// Mirrors pulumi/pulumi-dotnet sdk/Pulumi/Provider/ComponentAnalyzer.cs at v3.112.1 (package
    /// name/namespace validation, <see cref="FindComponentType"/>, inherited members since PR #930):
    /// the same accepted shapes, mappings, token names and exception messages, because the real
    /// provider host serves exactly what this class returns.
    /// Like the real one it knows no descriptions, enums, unions or resource references.
    /// </remarks>
    public sealed class ComponentAnalyzer
    {
        private readonly Metadata metadata;

        // Keyed by the short type name (Args suffix removed); a placeholder goes in before a type is
        // analysed so that self- and mutually recursive types terminate.
        private readonly Dictionary<string, ComplexTypeSpec> typeDefinitions = new();

        private ComponentAnalyzer(Metadata metadata)
        {
            this.metadata = metadata;
        }

        /// <summary>
        /// Generates the schema of every non-abstract <see cref="ComponentResource"/> type in
        /// <paramref name="assembly"/>, public or not.
        /// </summary>
        /// <param name="metadata">The package metadata including name (required), version and display name (optional)</param>
        /// <param name="assembly">The assembly containing component resource types to analyze</param>
        /// <returns>A PackageSpec containing the complete schema for all components and their types</returns>
        public static PackageSpec GenerateSchema(Metadata metadata, Assembly assembly)
        {
            var types = FindComponentTypes(assembly).ToArray();
            return GenerateSchema(metadata, types);
        }

        /// <summary>
        /// Generates the schema of the given component types.
        /// </summary>
        /// <param name="metadata">The package metadata including name (required), version and display name (optional)</param>
        /// <param name="componentTypes">The component resource types to analyze</param>
        /// <returns>A PackageSpec containing the complete schema for all components and their types</returns>
        /// <exception cref="ArgumentException">The metadata is invalid, no type is given, or a type has a shape the schema cannot express.</exception>
        public static PackageSpec GenerateSchema(Metadata metadata, params Type[] componentTypes)
        {
            if (metadata?.Name == null || string.IsNullOrWhiteSpace(metadata.Name))
            {
                throw new ArgumentException("Package name cannot be empty or whitespace", nameof(metadata));
            }

            if (!Regex.IsMatch(metadata.Name, "^[a-zA-Z][-a-zA-Z0-9_]*$"))
            {
                throw new ArgumentException(
                    "Package name must start with a letter and contain only letters, numbers, hyphens, and underscores",
                    nameof(metadata));
            }

            if (metadata.Namespace != null && !Regex.IsMatch(metadata.Namespace, "^[a-z][-a-z0-9]*$"))
            {
                throw new ArgumentException(
                    "Namespace must start with a letter and contain only lowercase letters, numbers and hyphens",
                    nameof(metadata));
            }

            if (componentTypes.Length == 0)
            {
                throw new ArgumentException("At least one component type must be provided");
            }

            var analyzer = new ComponentAnalyzer(metadata);
            var components = new Dictionary<string, ResourceSpec>();
            foreach (var type in componentTypes)
            {
                if (!typeof(ComponentResource).IsAssignableFrom(type))
                {
                    throw new ArgumentException($"Type {type.Name} must inherit from ComponentResource");
                }

                // Keyed by the simple name, as the real analyzer does: two components with the same
                // name in different namespaces silently collapse into one resource.
                components[type.Name] = analyzer.AnalyzeComponent(type);
            }

            return BuildPackage(metadata, components, analyzer.typeDefinitions);
        }

        /// <summary>
        /// Finds a component type by its simple name, first among <paramref name="componentTypes"/>,
        /// then among the component types of <paramref name="assembly"/>.
        /// </summary>
        public static Type? FindComponentType(string name, Assembly assembly, Type[]? componentTypes = null)
        {
            var componentType = componentTypes?.FirstOrDefault(t => t.Name == name);
            if (componentType == null)
            {
                componentType = FindComponentTypes(assembly).FirstOrDefault(t => t.Name == name);
            }

            return componentType;
        }

        private static IEnumerable<Type> FindComponentTypes(Assembly assembly)
            => assembly.GetTypes().Where(t => typeof(ComponentResource).IsAssignableFrom(t) && !t.IsAbstract);

        private static PackageSpec BuildPackage(
            Metadata metadata,
            Dictionary<string, ResourceSpec> components,
            Dictionary<string, ComplexTypeSpec> typeDefinitions)
        {
            // Every generated SDK is told to respect the schema's version rather than its own.
            var settings = new Dictionary<string, object> { ["respectSchemaVersion"] = true };
            var languages = new Dictionary<string, ImmutableSortedDictionary<string, object>>();
            foreach (var language in new[] { "nodejs", "python", "csharp", "java", "go" })
            {
                languages.Add(language, ImmutableSortedDictionary.CreateRange(settings));
            }

            // Everything lives in the "index" module: the analyzer has no notion of modules.
            var resources = new Dictionary<string, ResourceSpec>();
            foreach (var (componentName, component) in components)
            {
                resources.Add($"{metadata.Name}:index:{componentName}", component);
            }

            var types = new Dictionary<string, ComplexTypeSpec>();
            foreach (var (typeName, type) in typeDefinitions)
            {
                types.Add($"{metadata.Name}:index:{typeName}", type);
            }

            return new PackageSpec
            {
                Name = metadata.Name,
                Version = metadata.Version ?? "",
                Namespace = metadata.Namespace ?? "",
                DisplayName = metadata.DisplayName ?? metadata.Name,
                Language = languages.ToImmutableSortedDictionary(),
                Resources = resources.ToImmutableSortedDictionary(),
                Types = types.ToImmutableSortedDictionary(),
            };
        }

        private ResourceSpec AnalyzeComponent(Type componentType)
        {
            var argsType = GetArgsType(componentType);
            var inputs = AnalyzeType(argsType);
            var outputs = AnalyzeType(componentType);
            return new ResourceSpec(inputs.Properties, inputs.Required, outputs.Properties, outputs.Required);
        }

        // The constructor the provider calls: (name, args, options). Only the arity and the types of
        // the last two parameters are checked; the first is taken on trust.
        private static Type GetArgsType(Type componentType)
        {
            return componentType.GetConstructors()
                .Where(c => c.GetParameters().Length == 3)
                .Where(c => typeof(ResourceArgs).IsAssignableFrom(c.GetParameters()[1].ParameterType))
                .Where(c => typeof(ComponentResourceOptions).IsAssignableFrom(c.GetParameters()[2].ParameterType))
                .Select(c => c.GetParameters()[1].ParameterType)
                .FirstOrDefault()
                ?? throw new ArgumentException(
                    $"Component {componentType.Name} must have a constructor with exactly three parameters: " +
                    "a string name, a parameter that extends ResourceArgs, and ComponentResourceOptions");
        }

        private sealed record TypeAnalysis(Dictionary<string, PropertySpec> Properties, HashSet<string> Required);

        private TypeAnalysis AnalyzeType(Type type)
        {
            var properties = new Dictionary<string, PropertySpec>();
            var required = new HashSet<string>();

            // Public instance fields and properties, inherited ones included (a base args class's
            // inputs, a base component's outputs; pulumi-dotnet PR #930, since v3.102.1), except those
            // declared by Pulumi's own base classes (Resource.Urn, CustomResource.Id, ...). Every member
            // found must carry a named [Input] or [Output].
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m is FieldInfo or PropertyInfo)
                .Where(m => !IsPulumiBaseType(m.DeclaringType));
            foreach (var member in members)
            {
                var schemaName = GetSchemaPropertyName(member);
                properties[schemaName] = AnalyzeProperty(member);
                if (!IsOptionalProperty(member))
                {
                    required.Add(schemaName);
                }
            }

            return new TypeAnalysis(properties, required);
        }

        private static Type MemberType(MemberInfo member) => member switch
        {
            PropertyInfo property => property.PropertyType,
            FieldInfo field => field.FieldType,
            _ => throw new ArgumentException($"Unsupported member type: {member.GetType()}"),
        };

        private PropertySpec AnalyzeProperty(MemberInfo member)
        {
            var isOutput = member.GetCustomAttribute<OutputAttribute>() != null;
            var spec = AnalyzeTypeParameter(MemberType(member), $"{member.DeclaringType?.Name}.{member.Name}", isOutput);
            return new PropertySpec
            {
                Type = spec.Type,
                Ref = spec.Ref,
                Plain = spec.Plain,
                Items = spec.Items,
                AdditionalProperties = spec.AdditionalProperties,
            };
        }

        private static bool IsOptionalProperty(MemberInfo member)
        {
            var memberType = MemberType(member);

            // An input is required exactly when its attribute says so, whatever its C# nullability.
            var input = member.GetCustomAttribute<InputAttribute>();
            if (input != null)
            {
                return !input.IsRequired;
            }

            if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(Output<>))
            {
                var valueType = memberType.GetGenericArguments()[0];
                if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(Nullable<>))
                {
                    return true;
                }

                // The real analyzer treats a reference-typed output as optional when the member
                // carries any compiler NullableAttribute. The compiler omits that attribute when the
                // member's annotations match the enclosing NullableContext, so Output<string?> is
                // optional and Output<string> required only in the usual (non-nullable) context.
                if (!valueType.IsValueType)
                {
                    return member.CustomAttributes.Any(a =>
                        a.AttributeType.FullName == "System.Runtime.CompilerServices.NullableAttribute");
                }

                return false;
            }

            // Plain (non-Output) outputs are never required.
            return true;
        }

        private static string GetSchemaPropertyName(MemberInfo member)
        {
            var input = member.GetCustomAttribute<InputAttribute>();
            if (input != null && !string.IsNullOrEmpty(input.Name))
            {
                return input.Name;
            }

            var output = member.GetCustomAttribute<OutputAttribute>();
            if (output != null && !string.IsNullOrEmpty(output.Name))
            {
                return output.Name;
            }

            // Also reached by an [Output] without a name: the schema needs an explicit wire name.
            throw new ArgumentException($"Property {member.Name} has no Input or Output attribute");
        }

        private TypeSpec AnalyzeTypeParameter(Type type, string context, bool isOutput)
        {
            // Plain unless wrapped in Input<T>/InputList<T>/InputMap<T>; outputs are never plain.
            var builtin = GetBuiltinTypeName(type);
            if (builtin != null)
            {
                return TypeSpec.CreateBuiltin(builtin, !isOutput);
            }

            var special = GetSpecialTypeRef(type);
            if (special != null)
            {
                return TypeSpec.CreateReference(special, !isOutput);
            }

            if (typeof(CustomResource).IsAssignableFrom(type))
            {
                throw new ArgumentException(
                    $"Resource references are not supported yet: found type '{type.Name}' for '{context}'");
            }

            if (type.IsArray)
            {
                return TypeSpec.CreateArray(AnalyzeTypeParameter(type.GetElementType()!, context, isOutput));
            }

            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var arguments = type.GetGenericArguments();

                if (definition == typeof(Output<>))
                {
                    if (!isOutput)
                    {
                        throw new ArgumentException($"Output<T> can only be used for output properties: {context}");
                    }

                    return AnalyzeTypeParameter(arguments[0], context, true);
                }

                if (definition == typeof(Input<>))
                {
                    if (isOutput)
                    {
                        throw new ArgumentException($"Input<T> can only be used for input properties: {context}");
                    }

                    // Only the outer level loses "plain": Input<List<string>> keeps plain items.
                    return AnalyzeTypeParameter(arguments[0], context, false) with { Plain = null };
                }

                if (definition == typeof(InputMap<>))
                {
                    if (isOutput)
                    {
                        throw new ArgumentException($"InputMap<T> can only be used for input properties: {context}");
                    }

                    return TypeSpec.CreateDictionary(AnalyzeTypeParameter(arguments[0], context, false) with { Plain = null });
                }

                if (definition == typeof(InputList<>))
                {
                    if (isOutput)
                    {
                        throw new ArgumentException($"InputList<T> can only be used for input properties: {context}");
                    }

                    return TypeSpec.CreateArray(AnalyzeTypeParameter(arguments[0], context, false) with { Plain = null });
                }

                if (definition == typeof(Nullable<>))
                {
                    return AnalyzeTypeParameter(arguments[0], context, isOutput);
                }

                // Exactly these four collection shapes: ImmutableArray, IEnumerable, ImmutableDictionary
                // and the like fall through to the "not supported" error below.
                if (definition == typeof(List<>) || definition == typeof(IList<>))
                {
                    return TypeSpec.CreateArray(AnalyzeTypeParameter(arguments[0], context, isOutput));
                }

                if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
                {
                    if (arguments[0] != typeof(string))
                    {
                        throw new ArgumentException(
                            $"Dictionary keys must be strings, got '{arguments[0].Name}' for '{context}'");
                    }

                    return TypeSpec.CreateDictionary(AnalyzeTypeParameter(arguments[1], context, isOutput));
                }
            }

            // Any other class or struct outside System.* becomes an object type of the package.
            if (!type.IsInterface && !type.IsPrimitive && type != typeof(string)
                && !(type.Namespace?.StartsWith("System", StringComparison.Ordinal) ?? false))
            {
                var typeName = GetTypeName(type);
                var typeRef = $"#/types/{metadata.Name}:index:{typeName}";
                if (!typeDefinitions.ContainsKey(typeName))
                {
                    typeDefinitions[typeName] = ComplexTypeSpec.CreateObject(new(), new());
                    var analysis = AnalyzeType(type);
                    typeDefinitions[typeName] = ComplexTypeSpec.CreateObject(analysis.Properties, analysis.Required);
                }

                return TypeSpec.CreateReference(typeRef, !isOutput);
            }

            throw new ArgumentException($"Type '{type.FullName}' is not supported as a parameter type");
        }

        // The base classes whose members never enter a schema, as in the real analyzer.
        private static bool IsPulumiBaseType(Type? type)
            => type == typeof(Resource)
               || type == typeof(ComponentResource)
               || type == typeof(CustomResource)
               || type == typeof(ResourceArgs);

        // FooArgs and Foo share the token pkg:index:Foo; whichever is met first defines it.
        private static string GetTypeName(Type type)
        {
            var name = type.Name;
            return name.EndsWith("Args", StringComparison.Ordinal) ? name[..^4] : name;
        }

        private static string? GetBuiltinTypeName(Type type)
        {
            if (type == typeof(string))
                return BuiltinTypeSpec.String;
            if (type == typeof(int) || type == typeof(long))
                return BuiltinTypeSpec.Integer;
            if (type == typeof(double) || type == typeof(float))
                return BuiltinTypeSpec.Number;
            if (type == typeof(bool))
                return BuiltinTypeSpec.Boolean;
            return null;
        }

        // Exact types only: a FileArchive or StringAsset property is analysed as an object type.
        private static string? GetSpecialTypeRef(Type type)
        {
            if (type == typeof(Archive))
                return "pulumi.json#/Archive";
            if (type == typeof(Asset))
                return "pulumi.json#/Asset";
            if (type == typeof(object))
                return "pulumi.json#/Any";
            return null;
        }
    }
}
