using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>A value given to a resource: a plain value or an <see cref="Output{T}"/>.</summary>
    public class Input<T> : IInput
    {
        private protected Output<T> _outputValue;

        private protected Input(Output<T> outputValue)
            => _outputValue = outputValue ?? throw new ArgumentNullException(nameof(outputValue));

        public static implicit operator Input<T>(T value) => Output.Create(value);

        public static implicit operator Input<T>(Output<T> value) => new Input<T>(value);

        public static implicit operator Output<T>(Input<T> input) => input._outputValue;

        IOutput IInput.ToOutput() => _outputValue;
    }

    /// <summary>Extensions that let an <see cref="Input{T}"/> be transformed like an output.</summary>
    public static class InputExtensions
    {
        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, U> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Task<U>> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Input<U>?> func) => input.ToOutput().Apply(func);

        public static Output<U> Apply<T, U>(this Input<T>? input, Func<T, Output<U>?> func) => input.ToOutput().Apply(func);

        /// <summary>The input as an output; a null input becomes an output of the default value.</summary>
        public static Output<T> ToOutput<T>(this Input<T>? input) => input ?? Output.Create(default(T)!);
    }

    /// <summary>A list of inputs; sync enumeration is not supported (values may not be known yet).</summary>
    public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable, IAsyncEnumerable<Input<T>>
    {
        public InputList() : this(Output.Create(ImmutableArray<T>.Empty))
        {
        }

        private InputList(Output<ImmutableArray<T>> values) : base(values)
        {
        }

        public void Add(params Input<T>[] inputs)
            => _outputValue = Output.Concat(_outputValue, Output.All(inputs));

        public void Add(InputList<T> inputs) => AddRange(inputs);

        public void AddRange(InputList<T> inputs)
            => _outputValue = Output.Concat(_outputValue, inputs._outputValue);

        /// <summary>A new list with this list's items followed by <paramref name="other"/>'s; this list is unchanged.</summary>
        public InputList<T> Concat(InputList<T> other)
            => new InputList<T>(Output.Concat(_outputValue, other._outputValue));

        internal InputList<T> Clone() => new InputList<T>(_outputValue);

        public static implicit operator InputList<T>(T value) => ImmutableArray.Create<Input<T>>(value);

        public static implicit operator InputList<T>(T[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

        public static implicit operator InputList<T>(List<T> values) => ImmutableArray.CreateRange(values);

        public static implicit operator InputList<T>(ImmutableArray<T> values) => values.Select(v => (Input<T>)v).ToImmutableArray();

        public static implicit operator InputList<T>(Output<T> value) => ImmutableArray.Create<Input<T>>(value);

        public static implicit operator InputList<T>(Output<T>[] values) => ImmutableArray.CreateRange(values.Select(v => (Input<T>)v));

        public static implicit operator InputList<T>(List<Output<T>> values) => ImmutableArray.CreateRange(values);

        public static implicit operator InputList<T>(ImmutableArray<Output<T>> values) => values.Select(v => (Input<T>)v).ToImmutableArray();

        public static implicit operator InputList<T>(Input<T> value) => ImmutableArray.Create(value);

        public static implicit operator InputList<T>(Input<T>[] values) => ImmutableArray.CreateRange(values);

        public static implicit operator InputList<T>(List<Input<T>> values) => ImmutableArray.CreateRange(values);

        public static implicit operator InputList<T>(ImmutableArray<Input<T>> values) => new InputList<T>(Output.All(values));

        public static implicit operator InputList<T>(Output<T[]> values) => values.Apply(a => ImmutableArray.CreateRange(a));

        public static implicit operator InputList<T>(Output<List<T>> values) => values.Apply(a => ImmutableArray.CreateRange(a));

        public static implicit operator InputList<T>(Output<IEnumerable<T>> values) => values.Apply(a => ImmutableArray.CreateRange(a));

        public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new InputList<T>(values);

        IEnumerator IEnumerable.GetEnumerator()
            => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

        public async IAsyncEnumerator<Input<T>> GetAsyncEnumerator(CancellationToken cancellationToken)
        {
            var data = await _outputValue.DataTask.ConfigureAwait(false);
            foreach (var value in data.Value.IsDefault ? ImmutableArray<T>.Empty : data.Value)
                yield return value;
        }
    }

    /// <summary>Adds union members to an <see cref="InputList{T}"/> of unions.</summary>
    public static class InputListExtensions
    {
        public static void Add<T0, T1>(this InputList<Union<T0, T1>> inputList, Input<T0> value)
            => inputList.Add(value.ToOutput().Apply(v => (Union<T0, T1>)v));

        public static void Add<T0, T1>(this InputList<Union<T0, T1>> inputList, Input<T1> value)
            => inputList.Add(value.ToOutput().Apply(v => (Union<T0, T1>)v));
    }

    /// <summary>A string-keyed map of inputs; sync enumeration is not supported.</summary>
    public sealed class InputMap<V> : Input<ImmutableDictionary<string, V>>, IEnumerable, IAsyncEnumerable<Input<KeyValuePair<string, V>>>
    {
        public InputMap() : this(Output.Create(ImmutableDictionary<string, V>.Empty))
        {
        }

        private InputMap(Output<ImmutableDictionary<string, V>> values) : base(values)
        {
        }

        public void Add(string key, Input<V> value)
        {
            var inputDictionary = (Input<ImmutableDictionary<string, V>>)_outputValue;
            _outputValue = Output.Tuple(inputDictionary, value)
                .Apply(x =>
                {
                    if (x.Item1.TryGetValue(key, out var existing))
                    {
                        if (Equals(existing, x.Item2))
                            return x.Item1;
                        throw new ArgumentException($"Key '{key}' already exists in the map with a different value.");
                    }
                    return x.Item1.Add(key, x.Item2);
                });
        }

        public void Add(InputMap<V> values) => AddRange(values);

        public void AddRange(InputMap<V> values)
        {
            var inputDictionary = (Input<ImmutableDictionary<string, V>>)_outputValue;
            _outputValue = Output.Tuple(inputDictionary, (Input<ImmutableDictionary<string, V>>)values._outputValue)
                .Apply(x => x.Item1.AddRange(x.Item2));
        }

        public Input<V> this[string key]
        {
            set => Add(key, value);
        }

        /// <summary>A map with the entries of both; <paramref name="second"/> wins on equal keys.</summary>
        public static InputMap<V> Merge(InputMap<V> first, InputMap<V> second)
        {
            var output = Output.Tuple(first._outputValue, second._outputValue)
                .Apply(dicts =>
                {
                    var builder = ImmutableDictionary.CreateBuilder<string, V>();
                    foreach (var (k, v) in dicts.Item1)
                        builder[k] = v;
                    foreach (var (k, v) in dicts.Item2)
                        builder[k] = v;
                    return builder.ToImmutable();
                });
            return new InputMap<V>(output);
        }

        public static implicit operator InputMap<V>(Dictionary<string, V> values) => Output.Create(values);

        public static implicit operator InputMap<V>(ImmutableDictionary<string, V> values) => Output.Create(values);

        public static implicit operator InputMap<V>(Output<Dictionary<string, V>> values)
            => values.Apply(d => ImmutableDictionary.CreateRange(d));

        public static implicit operator InputMap<V>(Output<IDictionary<string, V>> values)
            => values.Apply(d => ImmutableDictionary.CreateRange(d));

        public static implicit operator InputMap<V>(Output<ImmutableDictionary<string, V>> values)
            => new InputMap<V>(values);

        IEnumerator IEnumerable.GetEnumerator()
            => throw new NotSupportedException($"A {GetType().FullName} cannot be synchronously enumerated. Use {nameof(GetAsyncEnumerator)} instead.");

        public async IAsyncEnumerator<Input<KeyValuePair<string, V>>> GetAsyncEnumerator(CancellationToken cancellationToken)
        {
            var data = await _outputValue.DataTask.ConfigureAwait(false);
            foreach (var value in data.Value)
                yield return value;
        }
    }

    /// <summary>Adds union members to an <see cref="InputMap{V}"/> of unions.</summary>
    public static class InputMapExtensions
    {
        public static void Add<T0, T1>(this InputMap<Union<T0, T1>> inputMap, string key, Input<T0> value)
            => inputMap.Add(key, value.ToOutput().Apply(v => (Union<T0, T1>)v));

        public static void Add<T0, T1>(this InputMap<Union<T0, T1>> inputMap, string key, Input<T1> value)
            => inputMap.Add(key, value.ToOutput().Apply(v => (Union<T0, T1>)v));
    }

    /// <summary>An input that is one of two types.</summary>
    public sealed class InputUnion<T0, T1> : Input<Union<T0, T1>>
    {
        public InputUnion() : this(Output.Create(default(Union<T0, T1>)))
        {
        }

        private InputUnion(Output<Union<T0, T1>> oneOf) : base(oneOf)
        {
        }

        public static implicit operator InputUnion<T0, T1>(Union<T0, T1> value) => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(T0 value) => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(T1 value) => Output.Create(value);

        public static implicit operator InputUnion<T0, T1>(Input<T0> value) => value.ToOutput();

        public static implicit operator InputUnion<T0, T1>(Input<T1> value) => value.ToOutput();

        public static implicit operator InputUnion<T0, T1>(Output<Union<T0, T1>> value) => new InputUnion<T0, T1>(value);

        public static implicit operator InputUnion<T0, T1>(Output<T0> value) => new InputUnion<T0, T1>(value.Apply(v => Union<T0, T1>.FromT0(v)));

        public static implicit operator InputUnion<T0, T1>(Output<T1> value) => new InputUnion<T0, T1>(value.Apply(v => Union<T0, T1>.FromT1(v)));
    }

    /// <summary>A JSON value input.</summary>
    public sealed class InputJson : Input<System.Text.Json.JsonElement>
    {
        public InputJson() : this(Output.Create(default(System.Text.Json.JsonElement)))
        {
        }

        private InputJson(Output<System.Text.Json.JsonElement> value) : base(value)
        {
        }

        public static implicit operator InputJson(string json)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        public static implicit operator InputJson(System.Text.Json.JsonDocument document) => document.RootElement.Clone();

        public static implicit operator InputJson(System.Text.Json.JsonElement element) => new InputJson(Output.Create(element));

        public static implicit operator InputJson(Output<string> json)
            => new InputJson(json.Apply(j =>
            {
                using var document = System.Text.Json.JsonDocument.Parse(j);
                return document.RootElement.Clone();
            }));

        public static implicit operator InputJson(Output<System.Text.Json.JsonDocument> document)
            => new InputJson(document.Apply(d => d.RootElement.Clone()));

        public static implicit operator InputJson(Output<System.Text.Json.JsonElement> element) => new InputJson(element);
    }
}
