using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>
/// Emits one function file, as pulumi-language-dotnet's <c>genFunction</c> does: a static class with
/// <c>InvokeAsync</c> (plain <c>XArgs</c>) and two <c>Invoke</c> overloads (<c>XInvokeArgs</c> with
/// <c>InvokeOptions</c> or <c>InvokeOutputOptions</c>), followed by the args and <c>XResult</c> classes.
/// </summary>
public sealed class FunctionEmitter(GeneratorContext context)
{
    private readonly InputClassEmitter _inputs = new(context);
    private readonly OutputClassEmitter _outputs = new(context);

    public void Emit(CodeWriter w, FunctionDef function)
    {
        var name = Naming.TokenToName(function.Token);
        var ns = context.Naming.ModuleNamespace(context.Naming.ModuleOf(function.Token));
        var token = Literals.String(function.Token);
        var result = function.Outputs is null ? "" : $"<{name}Result>";
        var allOptional = function.Inputs?.All(p => !p.IsRequired) ?? true;
        var hasInputs = function.Inputs is { Count: > 0 };

        using (w.Block($"namespace {ns}"))
        {
            if (Literals.Obsolete(function.DeprecationMessage) is { } obsolete)
            {
                w.Line(obsolete);
            }
            using (w.Block($"public static class {name}"))
            {
                var argsParameter = function.Inputs is null ? "" : $"{name}Args{(allOptional ? "? args = null" : " args")}, ";
                var argsValue = function.Inputs is null ? "InvokeArgs.Empty" : $"args ?? new {name}Args()";
                w.Line($"public static Task{result} InvokeAsync({argsParameter}InvokeOptions? options = null)");
                w.Line($"    => global::Pulumi.Deployment.Instance.InvokeAsync{result}({token}, {argsValue}, options.WithDefaults());");

                if (function.Outputs is not null)
                {
                    var invokeArgsValue = hasInputs ? $"args ?? new {name}InvokeArgs()" : "InvokeArgs.Empty";
                    var optionalParameter = hasInputs ? $"{name}InvokeArgs{(allOptional ? "? args = null" : " args")}, " : "";
                    // The InvokeOutputOptions overload needs a required args parameter to stay distinguishable.
                    var requiredParameter = hasInputs ? $"{name}InvokeArgs args, " : "";

                    w.Line();
                    w.Line($"public static Output{result} Invoke({optionalParameter}InvokeOptions? options = null)");
                    w.Line($"    => global::Pulumi.Deployment.Instance.Invoke{result}({token}, {invokeArgsValue}, options.WithDefaults());");
                    w.Line();
                    w.Line($"public static Output{result} Invoke({requiredParameter}InvokeOutputOptions options)");
                    w.Line($"    => global::Pulumi.Deployment.Instance.Invoke{result}({token}, {invokeArgsValue}, options.WithDefaults());");
                }
            }

            if (function.Inputs is { } inputs)
            {
                w.Line();
                _inputs.Emit(w, new InputClass(name + "Args", "InvokeArgs", inputs,
                    Args: false, State: false, IsProviderArgs: false, ModuleNamespace: ns));
            }
            if (hasInputs && function.Outputs is not null)
            {
                w.Line();
                _inputs.Emit(w, new InputClass(name + "InvokeArgs", "InvokeArgs", function.InputsInputShape!,
                    Args: true, State: false, IsProviderArgs: false, ModuleNamespace: ns));
            }
            if (function.Outputs is { } outputs)
            {
                w.Line();
                _outputs.Emit(w, name + "Result", outputs, ns);
            }
        }
    }
}
