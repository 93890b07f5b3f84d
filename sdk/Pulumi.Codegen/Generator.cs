using Pulumi.Codegen.Emit;
using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen;

/// <summary>What was generated, for the build log.</summary>
public sealed record GenerationSummary(int Resources, int Functions, int Methods, int InputClasses, int OutputClasses, int Enums, int Files);

/// <summary>
/// Produces every generated file for one package: support files, the provider, the selected resources
/// and functions, and the object and enum types they reach. Paths are relative and '/'-separated.
/// </summary>
public sealed class Generator
{
    private readonly GeneratorContext _context;
    private readonly TokenList _selection;
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);
    private int _inputClasses;
    private int _outputClasses;

    public Generator(PackageDef package, TokenList selection, string version)
    {
        _selection = selection;
        var functions = selection.Functions.Concat(selection.Methods.Select(m => m.Function)).ToList();
        _context = new GeneratorContext(package, new TypeUsage(package, selection.Resources, functions), version);
    }

    public IReadOnlyDictionary<string, string> Files => _files;

    public GenerationSummary Run()
    {
        var support = new SupportEmitter(_context);
        Add("Utilities.cs", [], support.EmitUtilities);
        if (_context.Package.Config.Count > 0)
        {
            Add("Config/Config.cs", ["System", "System.Collections.Immutable"], support.EmitConfig);
        }

        var resources = new ResourceEmitter(_context);
        foreach (var resource in _selection.Resources.Prepend(_context.Package.Provider))
        {
            var methods = _selection.Methods.Where(m => m.Owner == resource).Select(m => (m.Name, m.Function)).ToList();
            Add(MemberPath(resource.Token, Naming.ResourceName(resource)), CodeWriter.StandardUsings,
                w => resources.Emit(w, resource, methods));
        }

        var functions = new FunctionEmitter(_context);
        foreach (var function in _selection.Functions)
        {
            Add(MemberPath(function.Token, Naming.TokenToName(function.Token)), CodeWriter.StandardUsings,
                w => functions.Emit(w, function));
        }

        EmitObjectTypes();
        var enumCount = EmitEnums();

        return new GenerationSummary(_selection.Resources.Count, _selection.Functions.Count, _selection.Methods.Count,
            _inputClasses, _outputClasses, enumCount, _files.Count);
    }

    private void EmitObjectTypes()
    {
        var naming = _context.Naming;
        var types = _context.Types;
        var inputs = new InputClassEmitter(_context);
        var outputs = new OutputClassEmitter(_context);

        // Kubernetes resource args share a namespace with input types; a type never replaces them.
        var resourceArgs = naming.IsKubernetes
            ? _selection.Resources.Select(r => naming.TokenToNamespace(r.Token, "Inputs") + "." + Naming.ResourceName(r) + "Args").ToHashSet()
            : [];

        foreach (var (type, inputShape, details) in _context.Usage.ObjectShapes)
        {
            var moduleNamespace = naming.ModuleNamespace(naming.ModuleOf(type.Token));
            var tokenName = Naming.TokenToName(type.Token);

            if (details.InputType)
            {
                var name = types.TypeName(type, inputShape, state: false, input: true, args: inputShape);
                var ns = naming.TokenToNamespace(type.Token, "Inputs");
                if (!resourceArgs.Contains(ns + "." + name))
                {
                    var baseClass = !inputShape && details.PlainType ? "InvokeArgs" : "ResourceArgs";
                    var properties = type.Properties(inputShape ? ObjectShape.Input : ObjectShape.PlainInput);
                    var file = $"{Folder(moduleNamespace)}Inputs/{tokenName}{(inputShape ? "Args" : "")}.cs";
                    AddTypeFile(file, ns, w => inputs.Emit(w, new InputClass(name, baseClass, properties,
                        Args: inputShape, State: false, IsProviderArgs: false, ModuleNamespace: moduleNamespace)));
                    _inputClasses++;
                }
            }

            if (details.StateType)
            {
                var file = $"{Folder(moduleNamespace)}Inputs/{tokenName}GetArgs.cs";
                AddTypeFile(file, naming.TokenToNamespace(type.Token, "Inputs"), w => inputs.Emit(w, new InputClass(
                    tokenName + "GetArgs", "ResourceArgs", type.Properties(ObjectShape.Input),
                    Args: true, State: true, IsProviderArgs: false, ModuleNamespace: moduleNamespace)));
                _inputClasses++;
            }

            if (details.OutputType)
            {
                var name = types.TypeName(type, inputShape, state: false, input: false, args: false);
                var file = $"{Folder(moduleNamespace)}Outputs/{name}.cs";
                AddTypeFile(file, naming.TokenToNamespace(type.Token, "Outputs"),
                    w => outputs.Emit(w, name, type.Properties(ObjectShape.Output), moduleNamespace));
                _outputClasses++;
            }
        }
    }

    private int EmitEnums()
    {
        var byModule = _context.Usage.Enums.GroupBy(e => _context.Naming.ModuleNamespace(_context.Naming.ModuleOf(e.Token)));
        var count = 0;
        foreach (var module in byModule.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var enums = module.ToList();
            count += enums.Count;
            Add($"{Folder(module.Key)}Enums.cs", EnumEmitter.Usings, w =>
            {
                using (w.Block($"namespace {module.Key}"))
                {
                    EnumEmitter.Emit(w, enums);
                }
            });
        }
        return count;
    }

    private void AddTypeFile(string path, string ns, Action<CodeWriter> body) =>
        Add(path, CodeWriter.StandardUsings, w =>
        {
            using (w.Block($"namespace {ns}"))
            {
                w.Line();
                body(w);
            }
        });

    private void Add(string path, IEnumerable<string> usings, Action<CodeWriter> body)
    {
        var writer = new CodeWriter().Header(usings);
        body(writer);
        if (!_files.TryAdd(path, writer.ToString()))
        {
            throw new InvalidOperationException($"two generated files share the path '{path}'");
        }
    }

    private string MemberPath(string token, string className) =>
        $"{Folder(_context.Naming.ModuleNamespace(_context.Naming.ModuleOf(token)))}{className}.cs";

    /// <summary>The folder of a namespace, with a trailing '/' unless it is the package root.</summary>
    private string Folder(string ns)
    {
        var folder = _context.Folder(ns);
        return folder.Length == 0 ? "" : folder + "/";
    }
}
