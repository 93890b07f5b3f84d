using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>
/// Emits one resource file — the resource class, its <c>XArgs</c> and (Terraform-based providers)
/// <c>XState</c> — as pulumi-language-dotnet's <c>genResource</c> does. Also used for the provider.
/// </summary>
public sealed class ResourceEmitter(GeneratorContext context)
{
    private const string OptionsType = "CustomResourceOptions";

    private readonly InputClassEmitter _inputs = new(context);
    private readonly OutputClassEmitter _outputs = new(context);

    /// <param name="w">Target writer (header already written).</param>
    /// <param name="resource">The resource or the provider.</param>
    /// <param name="methods">The resource's methods selected in tokens.txt (name → function).</param>
    public void Emit(CodeWriter w, ResourceDef resource, IReadOnlyList<(string Name, FunctionDef Function)> methods)
    {
        var naming = context.Naming;
        var className = Naming.ResourceName(resource);
        var ns = naming.ModuleNamespace(naming.ModuleOf(resource.Token));
        var kubernetesArgs = naming.IsKubernetes && !resource.IsProvider;

        var argsClassName = kubernetesArgs
            ? naming.TokenToNamespace(resource.Token, "Inputs") + "." + className + "Args"
            : className + "Args";
        var argsOptional = naming.IsKubernetes || resource.InputProperties.All(p => !p.IsRequired);
        var argsType = argsOptional ? argsClassName + "?" : argsClassName;
        var hasConstInputs = resource.InputProperties.Any(p => p.ConstValue is not null);

        using (w.Block($"namespace {ns}"))
        {
            using (OpenResourceClass(w, resource, className))
            {
                EmitOutputProperties(w, resource, ns);

                var token = resource.IsProvider ? context.Package.Name : resource.Token;
                var argsValue = hasConstInputs ? "MakeArgs(args)" : $"args ?? new {argsClassName}()";
                w.Line($"public {className}(string name, {argsType} args{(argsOptional ? " = null" : "")}, {OptionsType}? options = null)");
                w.Line($"    : base({Literals.String(token)}, name, {argsValue}, MakeResourceOptions(options, \"\"))");
                w.Line("{");
                w.Line("}");

                if (context.Package.CSharp.DictionaryConstructors)
                {
                    // Used by the Kubernetes YAML/Helm helpers to register objects from parsed manifests.
                    w.Line($"internal {className}(string name, ImmutableDictionary<string, object?> dictionary, {OptionsType}? options = null)");
                    w.Line($"    : base({Literals.String(token)}, name, new DictionaryResourceArgs(dictionary), MakeResourceOptions(options, \"\"))");
                    w.Line("{");
                    w.Line("}");
                }

                if (!resource.IsProvider)
                {
                    var stateParameter = resource.StateInputs is null ? "" : $"{className}State? state = null, ";
                    w.Line();
                    w.Line($"private {className}(string name, Input<string> id, {stateParameter}{OptionsType}? options = null)");
                    w.Line($"    : base({Literals.String(token)}, name, {(resource.StateInputs is null ? "null" : "state")}, MakeResourceOptions(options, id))");
                    w.Line("{");
                    w.Line("}");
                }

                if (hasConstInputs)
                {
                    EmitMakeArgs(w, resource, argsType, argsClassName);
                }
                EmitMakeResourceOptions(w, resource);

                if (!resource.IsProvider)
                {
                    var stateParameter = resource.StateInputs is null ? "" : $"{className}State? state = null, ";
                    var stateArgument = resource.StateInputs is null ? "" : "state, ";
                    w.Line();
                    using (w.Block($"public static {className} Get(string name, Input<string> id, {stateParameter}{OptionsType}? options = null)"))
                    {
                        w.Line($"return new {className}(name, id, {stateArgument}options);");
                    }
                }

                foreach (var (name, function) in methods)
                {
                    EmitMethod(w, className, name, function);
                }
            }

            if (!kubernetesArgs)
            {
                EmitArgsTypes(w, resource, className, ns, methods);
            }
        }

        // Kubernetes keeps resource args beside the other input types, not beside the resource.
        if (kubernetesArgs)
        {
            using (w.Block($"namespace {naming.TokenToNamespace(resource.Token, "Inputs")}"))
            {
                EmitArgsTypes(w, resource, className, ns, methods);
            }
        }
    }

    private void EmitArgsTypes(CodeWriter w, ResourceDef resource, string className, string ns,
        IReadOnlyList<(string Name, FunctionDef Function)> methods)
    {
        w.Line();
        _inputs.Emit(w, new InputClass(className + "Args", "ResourceArgs", resource.InputProperties,
            Args: true, State: false, IsProviderArgs: resource.IsProvider, ModuleNamespace: ns));

        if (resource.StateInputs is { } state)
        {
            w.Line();
            _inputs.Emit(w, new InputClass(className + "State", "ResourceArgs", state,
                Args: true, State: true, IsProviderArgs: false, ModuleNamespace: ns));
        }

        foreach (var (name, function) in methods)
        {
            EmitMethodTypes(w, className, name, function, ns);
        }
    }

    private IDisposable OpenResourceClass(CodeWriter w, ResourceDef resource, string className)
    {
        var baseType = resource.IsProvider ? "global::Pulumi.ProviderResource"
            : context.Naming.IsKubernetes ? "KubernetesResource"
            : "global::Pulumi.CustomResource";
        if (Literals.Obsolete(resource.DeprecationMessage) is { } obsolete)
        {
            w.Line(obsolete);
        }
        w.Line($"[{context.ResourceTypeAttribute}({Literals.String(resource.Token)})]");
        return w.Block($"public partial class {className} : {baseType}");
    }

    private void EmitOutputProperties(CodeWriter w, ResourceDef resource, string ns)
    {
        var typeContext = new TypeContext(ns, "Outputs", Input: false);
        foreach (var property in resource.Properties)
        {
            var type = context.Naming.IsKubernetes ? TypeMapper.RequiredType(property) : property.Type;
            var text = context.Types.TypeString(type, typeContext);
            if (resource.IsProvider && !IsPrimitive(property.Type))
            {
                // Provider outputs come back as strings, whatever their declared type.
                text = property.IsRequired ? "string" : "string?";
            }
            w.Line($"[Output({Literals.String(property.WireName)})]");
            w.Line($"public Output<{text}> {Naming.PropertyName(property)} {{ get; private set; }} = null!;");
            w.Line();
        }
    }

    private static void EmitMakeArgs(CodeWriter w, ResourceDef resource, string argsType, string argsClassName)
    {
        w.Line();
        using (w.Block($"private static {argsType} MakeArgs({argsType} args)"))
        {
            w.Line($"args ??= new {argsClassName}();");
            foreach (var property in resource.InputProperties.Where(p => p.ConstValue is not null))
            {
                w.Line($"args.{Naming.PropertyName(property)} = {Literals.Primitive(property.ConstValue!.Value)};");
            }
            w.Line("return args;");
        }
    }

    private static void EmitMakeResourceOptions(CodeWriter w, ResourceDef resource)
    {
        w.Line();
        using (w.Block($"private static {OptionsType} MakeResourceOptions({OptionsType}? options, Input<string>? id)"))
        {
            using (w.Block($"var defaultOptions = new {OptionsType}", close: "};"))
            {
                w.Line("Version = Utilities.Version,");
                WriteList(w, "Aliases", resource.Aliases.Select(a => $"new global::Pulumi.Alias {{ Type = {Literals.String(a)} }}"));
                WriteList(w, "AdditionalSecretOutputs", resource.Properties.Where(p => p.Secret).Select(p => Literals.String(p.WireName)));
                WriteList(w, "ReplaceOnChanges", resource.Properties.Where(p => p.WillReplaceOnChanges).Select(p => Literals.String(p.WireName)));
            }
            w.Line($"var merged = {OptionsType}.Merge(defaultOptions, options);");
            w.Line("// Override the ID if one was specified for consistency with other language SDKs.");
            w.Line("merged.Id = id ?? merged.Id;");
            w.Line("return merged;");
        }
    }

    private static void WriteList(CodeWriter w, string property, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }
        using (w.Block($"{property} =", close: "},"))
        {
            foreach (var item in list)
            {
                w.Line(item + ",");
            }
        }
    }

    /// <summary>A resource method, invoked through <c>Deployment.Instance.Call</c>.</summary>
    private static void EmitMethod(CodeWriter w, string className, string methodName, FunctionDef function)
    {
        var name = Naming.Title(methodName);
        var arguments = MethodArguments(function);
        var typeParameter = function.Outputs is null ? "" : $"<{className}{name}Result>";
        var returnType = function.Outputs is null ? "void" : $"global::Pulumi.Output{typeParameter}";

        var parameter = "";
        var argsValue = "CallArgs.Empty";
        if (arguments.Count > 0)
        {
            var optional = arguments.All(p => !p.IsRequired);
            parameter = $"{className}{name}Args{(optional ? "? args = null" : " args")}";
            argsValue = $"args ?? new {className}{name}Args()";
        }

        w.Line();
        if (Literals.Obsolete(function.DeprecationMessage) is { } obsolete)
        {
            w.Line(obsolete);
        }
        w.Line($"public {returnType} {name}({parameter})");
        w.Line($"    => global::Pulumi.Deployment.Instance.Call{typeParameter}({Literals.String(function.Token)}, {argsValue}, this);");
    }

    private void EmitMethodTypes(CodeWriter w, string className, string methodName, FunctionDef function, string ns)
    {
        var name = Naming.Title(methodName);
        var arguments = MethodArguments(function);
        if (arguments.Count > 0)
        {
            w.Line();
            _inputs.Emit(w, new InputClass($"{className}{name}Args", "CallArgs", arguments,
                Args: true, State: false, IsProviderArgs: false, ModuleNamespace: ns));
        }
        if (function.Outputs is { } outputs)
        {
            w.Line();
            _outputs.Emit(w, $"{className}{name}Result", outputs, ns);
        }
    }

    /// <summary>A method's own arguments: its input-shaped inputs without <c>__self__</c>.</summary>
    private static List<PropertyDef> MethodArguments(FunctionDef function) =>
        function.InputsInputShape?.Where(p => p.WireName != "__self__").ToList() ?? [];

    private static bool IsPrimitive(TypeRef type) => TypeMapper.Unwrap(type) is PrimitiveRef;
}
