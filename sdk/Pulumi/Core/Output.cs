using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>Static helpers that create and combine <see cref="Output{T}"/> values.</summary>
    public static partial class Output
    {
        public static Output<T> Create<T>(T value) => Create(Task.FromResult(value));

        public static Output<T> Create<T>(Task<T> value) => Output<T>.Create(value);

        public static Output<T> CreateSecret<T>(T value) => CreateSecret(Task.FromResult(value));

        public static Output<T> CreateSecret<T>(Task<T> value) => Output<T>.CreateSecret(value);

        public static Output<T> CreateSecret<T>(Output<T> value) => Output<T>.CreateSecret(value);

        /// <summary>A copy of <paramref name="output"/> that is not marked secret.</summary>
        public static Output<T> Unsecret<T>(Output<T> output) => output.WithIsSecret(false);

        /// <summary>Whether <paramref name="output"/> is marked secret.</summary>
        public static async Task<bool> IsSecretAsync<T>(Output<T> output)
        {
            var data = await output.DataTask.ConfigureAwait(false);
            return data.IsSecret;
        }

        public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs)
            => Output<T>.All(ImmutableArray.CreateRange(inputs));

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs)
            => Output<T>.All(ImmutableArray.CreateRange(inputs));

        public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs)
            => All(outputs.AsEnumerable());

        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs)
            => Output<T>.All(ImmutableArray.CreateRange(outputs.Select(o => (Input<T>)o)));

        /// <summary>Formats <paramref name="formattableString"/> once every output in its holes is
        /// known, with the invariant culture.</summary>
        public static Output<string> Format(FormattableString formattableString)
        {
            var arguments = formattableString.GetArguments();
            var inputs = new Input<object?>[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
                inputs[i] = ToObjectOutput(arguments[i]);

            return All(inputs).Apply(values =>
                string.Format(CultureInfo.InvariantCulture, formattableString.Format, values.ToArray()));
        }

        internal static Output<object?> ToObjectOutput(object? value)
        {
            var output = value switch
            {
                IInput input => input.ToOutput(),
                IOutput o => o,
                _ => null,
            };
            if (output is null)
                return Create(value);
            return new Output<object?>(output.GetDataAsync());
        }

        internal static Output<ImmutableArray<T>> Concat<T>(Output<ImmutableArray<T>> values1, Output<ImmutableArray<T>> values2)
            => Tuple(values1, values2).Apply(t => t.Item1.IsDefault ? t.Item2 : t.Item1.AddRange(t.Item2.IsDefault ? ImmutableArray<T>.Empty : t.Item2));

        /// <summary>Serialises the value with System.Text.Json; nested outputs are awaited, and any
        /// unknown one makes the result unknown.</summary>
        public static Output<string> JsonSerialize<T>(Output<T> value, JsonSerializerOptions? options = null)
        {
            if (value == null)
                throw new ArgumentNullException(nameof(value));

            async Task<OutputData<string>> GetData()
            {
                var result = await value.DataTask.ConfigureAwait(false);
                if (!result.IsKnown)
                    return new OutputData<string>(result.Resources, "", false, result.IsSecret);

                // Converters cannot await, so resolve every nested output first, then serialise with
                // their values in hand.
                var collector = new OutputJsonConverter(null);
                var collectOptions = options == null ? new JsonSerializerOptions() : new JsonSerializerOptions(options);
                collectOptions.Converters.Add(collector);
                JsonSerializer.Serialize(result.Value, collectOptions);
                var resolved = new Dictionary<object, OutputData<object?>>(ReferenceEqualityComparer.Instance);
                foreach (var nested in collector.Seen)
                    resolved[nested] = await nested.GetDataAsync().ConfigureAwait(false);

                var writer = new OutputJsonConverter(resolved);
                var writeOptions = options == null ? new JsonSerializerOptions() : new JsonSerializerOptions(options);
                writeOptions.Converters.Add(writer);
                var json = JsonSerializer.Serialize(result.Value, writeOptions);

                var resources = result.Resources.Union(resolved.Values.SelectMany(d => d.Resources));
                var isSecret = result.IsSecret || resolved.Values.Any(d => d.IsSecret);
                if (resolved.Values.Any(d => !d.IsKnown))
                    return new OutputData<string>(resources, "", false, isSecret);
                return new OutputData<string>(resources, json, true, isSecret);
            }

            return new Output<string>(GetData());
        }

        /// <summary>Deserialises a JSON string output with System.Text.Json.</summary>
        public static Output<T> JsonDeserialize<T>(Output<string> json, JsonSerializerOptions? options = null)
        {
            if (json == null)
                throw new ArgumentNullException(nameof(json));

            async Task<OutputData<T>> GetData()
            {
                var result = await json.DataTask.ConfigureAwait(false);
                if (!result.IsKnown)
                    return new OutputData<T>(result.Resources, default!, false, result.IsSecret);
                var value = JsonSerializer.Deserialize<T>(result.Value, options);
                return new OutputData<T>(result.Resources, value!, true, result.IsSecret);
            }

            return new Output<T>(GetData());
        }
    }

    /// <summary>
    /// A value that becomes available once the resources it comes from are created, carrying
    /// whether it is known (not during a preview of a new resource), whether it is secret, and the
    /// resources it depends on.
    /// </summary>
    public sealed class Output<T> : IOutput
    {
        internal Task<OutputData<T>> DataTask { get; }

        internal Output(Task<OutputData<T>> dataTask)
        {
            DataTask = dataTask;
            Deployment.TrackTask(dataTask);
        }

        internal async Task<T> GetValueAsync(T whenUnknown)
        {
            var data = await DataTask.ConfigureAwait(false);
            return data.IsKnown ? data.Value : whenUnknown;
        }

        async Task<ImmutableHashSet<Resource>> IOutput.GetResourcesAsync()
            => (await DataTask.ConfigureAwait(false)).Resources;

        async Task<OutputData<object?>> IOutput.GetDataAsync()
            => await DataTask.ConfigureAwait(false);

        public static Output<T> Create(Task<T> value) => Create(value, isSecret: false);

        internal static Output<T> CreateSecret(Task<T> value) => Create(value, isSecret: true);

        internal static Output<T> CreateSecret(Output<T> value)
        {
            if (value == null)
                throw new ArgumentNullException(nameof(value));
            return value.WithIsSecret(true);
        }

        internal Output<T> WithIsSecret(bool isSecret)
        {
            async Task<OutputData<T>> GetData()
            {
                var data = await DataTask.ConfigureAwait(false);
                return new OutputData<T>(data.Resources, data.Value, data.IsKnown, isSecret);
            }

            return new Output<T>(GetData());
        }

        private static Output<T> Create(Task<T> value, bool isSecret)
        {
            if (value == null)
                throw new ArgumentNullException(nameof(value));

            async Task<OutputData<T>> GetData()
                => new OutputData<T>(ImmutableHashSet<Resource>.Empty, await value.ConfigureAwait(false), true, isSecret);

            return new Output<T>(GetData());
        }

        internal static Output<T> Unknown(T value)
            => new Output<T>(Task.FromResult(new OutputData<T>(ImmutableHashSet<Resource>.Empty, value, false, false)));

        internal static Output<T> CreateUnknown(T value) => Unknown(value);

        // As the real Output<T>.CreateUnknown: an Apply on an unknown output, so the factory never runs.
        internal static Output<T> CreateUnknown(Func<Task<T>> valueFactory)
            => Unknown(default!).Apply(_ => valueFactory());

        public Output<U> Apply<U>(Func<T, U> func) => Apply(t => Output.Create(func(t)));

        public Output<U> Apply<U>(Func<T, Task<U>> func) => Apply(t => Output.Create(func(t)));

        public Output<U> Apply<U>(Func<T, Input<U>?> func) => Apply(t => func(t).ToOutput());

        /// <summary>Transforms the value once it is known. The callback does not run for an unknown
        /// value (in preview or update); the result is then unknown too.</summary>
        public Output<U> Apply<U>(Func<T, Output<U>?> func) => new Output<U>(ApplyHelperAsync(DataTask, func));

        public Output<ValueTuple> Apply(Func<T, Task> func)
            => Apply(async t =>
            {
                await func(t).ConfigureAwait(false);
                return default(ValueTuple);
            });

        public Output<U> UntypedApply<U>(Func<object?, Output<U>> func) => Apply(t => func(t));

        private static async Task<OutputData<U>> ApplyHelperAsync<U>(Task<OutputData<T>> dataTask, Func<T, Output<U>?> func)
        {
            var data = await dataTask.ConfigureAwait(false);
            var resources = data.Resources;

            // As pulumi-dotnet sdk/Pulumi/Core/Output.cs (since v3.62.0, PR #258 "allow unknown values
            // during up for apply"): the callback never runs for an unknown value, in preview or update.
            if (!data.IsKnown)
                return new OutputData<U>(resources, default!, false, data.IsSecret);

            var inner = func(data.Value);
            if (inner == null)
                return new OutputData<U>(resources, default!, data.IsKnown, data.IsSecret);

            var innerData = await inner.DataTask.ConfigureAwait(false);
            return new OutputData<U>(
                data.Resources.Union(innerData.Resources), innerData.Value,
                data.IsKnown && innerData.IsKnown, data.IsSecret || innerData.IsSecret);
        }

        internal static Output<ImmutableArray<T>> All(ImmutableArray<Input<T>> inputs)
            => new Output<ImmutableArray<T>>(AllHelperAsync(inputs));

        private static async Task<OutputData<ImmutableArray<T>>> AllHelperAsync(ImmutableArray<Input<T>> inputs)
        {
            var resources = ImmutableHashSet.CreateBuilder<Resource>();
            var values = ImmutableArray.CreateBuilder<T>(inputs.Length);
            var isKnown = true;
            var isSecret = false;
            foreach (var input in inputs)
            {
                var data = await ((Output<T>)input).DataTask.ConfigureAwait(false);
                values.Add(data.Value);
                resources.UnionWith(data.Resources);
                (isKnown, isSecret) = OutputData.Combine(data, isKnown, isSecret);
            }

            return new OutputData<ImmutableArray<T>>(resources.ToImmutable(), values.MoveToImmutable(), isKnown, isSecret);
        }

        public override string ToString()
        {
            var message = string.Join(Environment.NewLine,
                "Calling [ToString] on an [Output<T>] is not supported.",
                "",
                "To get the value of an Output<T> as an Output<string> consider:",
                "1. o.Apply(v => $\"prefix{v}suffix\")",
                "2. Output.Format($\"prefix{hostname}suffix\");",
                "",
                "See https://www.pulumi.com/docs/concepts/inputs-outputs for more details.");

            var flag = Environment.GetEnvironmentVariable("PULUMI_ERROR_OUTPUT_STRING");
            if (flag == "1" || string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(message);

            // As the real Output<T>.ToString: the warning always goes to Log (so outside a deployment this
            // throws, like Deployment.Instance), and only the returned text carries the final notice.
            Log.Warn(message);
            return string.Join(Environment.NewLine, message, "This function may throw in a future version of Pulumi.");
        }
    }

    /// <summary>Collects nested outputs during a first serialisation pass and writes their
    /// resolved values during the second.</summary>
    internal sealed class OutputJsonConverter : System.Text.Json.Serialization.JsonConverterFactory
    {
        private readonly Dictionary<object, OutputData<object?>>? _resolved;

        public OutputJsonConverter(Dictionary<object, OutputData<object?>>? resolved) => _resolved = resolved;

        public List<IOutput> Seen { get; } = new();

        public override bool CanConvert(Type typeToConvert)
            => typeToConvert.IsGenericType &&
               (typeToConvert.GetGenericTypeDefinition() == typeof(Output<>) || typeToConvert.GetGenericTypeDefinition() == typeof(Input<>));

        public override System.Text.Json.Serialization.JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
            => (System.Text.Json.Serialization.JsonConverter)Activator.CreateInstance(
                typeof(Inner<>).MakeGenericType(typeToConvert), this)!;

        private sealed class Inner<TOutput> : System.Text.Json.Serialization.JsonConverter<TOutput>
        {
            private readonly OutputJsonConverter _parent;

            public Inner(OutputJsonConverter parent) => _parent = parent;

            public override TOutput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
                => throw new NotSupportedException("Output values cannot be deserialised.");

            public override void Write(Utf8JsonWriter writer, TOutput value, JsonSerializerOptions options)
            {
                var output = value is IInput input ? input.ToOutput() : (IOutput)value!;
                if (_parent._resolved == null)
                {
                    _parent.Seen.Add(output);
                    writer.WriteNullValue();
                    return;
                }

                var data = _parent._resolved.TryGetValue(output, out var d) ? d : output.GetDataAsync().GetAwaiter().GetResult();
                if (!data.IsKnown || data.Value == null)
                    writer.WriteNullValue();
                else
                    JsonSerializer.Serialize(writer, data.Value, data.Value.GetType(), options);
            }
        }
    }
}
