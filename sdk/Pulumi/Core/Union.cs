using System;
using System.Collections.Generic;

namespace Pulumi
{
    /// <summary>A value that is either a <typeparamref name="T0"/> or a <typeparamref name="T1"/>.</summary>
    public readonly struct Union<T0, T1> : IEquatable<Union<T0, T1>>, IUnion
    {
        private readonly T0 _value0;
        private readonly T1 _value1;
        private readonly int _index;

        private Union(int index, T0 value0 = default!, T1 value1 = default!)
        {
            _index = index;
            _value0 = value0;
            _value1 = value1;
        }

        public object Value => _index switch
        {
            0 => _value0!,
            1 => _value1!,
            _ => throw new InvalidOperationException(),
        };

        public bool IsT0 => _index == 0;
        public bool IsT1 => _index == 1;

        public T0 AsT0 => _index == 0 ? _value0 : throw new InvalidOperationException($"Cannot return as T0 as result is T{_index}");
        public T1 AsT1 => _index == 1 ? _value1 : throw new InvalidOperationException($"Cannot return as T1 as result is T{_index}");

        public static implicit operator Union<T0, T1>(T0 t) => new Union<T0, T1>(0, value0: t);
        public static implicit operator Union<T0, T1>(T1 t) => new Union<T0, T1>(1, value1: t);

        public static Union<T0, T1> FromT0(T0 input) => input;
        public static Union<T0, T1> FromT1(T1 input) => input;

        public Union<TResult, T1> MapT0<TResult>(Func<T0, TResult> mapFunc)
            => _index == 0 ? mapFunc(AsT0) : Union<TResult, T1>.FromT1(AsT1);

        public Union<T0, TResult> MapT1<TResult>(Func<T1, TResult> mapFunc)
            => _index == 1 ? mapFunc(AsT1) : Union<T0, TResult>.FromT0(AsT0);

        public Union<TResult0, TResult1> Bimap<TResult0, TResult1>(Func<T0, TResult0> mapFunc0, Func<T1, TResult1> mapFunc1)
            => _index == 0 ? Union<TResult0, TResult1>.FromT0(mapFunc0(AsT0)) : Union<TResult0, TResult1>.FromT1(mapFunc1(AsT1));

        public void Switch(Action<T0> f0, Action<T1> f1)
        {
            if (_index == 0) f0(_value0);
            else if (_index == 1) f1(_value1);
            else throw new InvalidOperationException();
        }

        public TResult Match<TResult>(Func<T0, TResult> f0, Func<T1, TResult> f1)
            => _index switch
            {
                0 => f0(_value0),
                1 => f1(_value1),
                _ => throw new InvalidOperationException(),
            };

        public bool TryPickT0(out T0 value, out T1 remainder)
        {
            value = IsT0 ? AsT0 : default!;
            remainder = IsT0 ? default! : AsT1;
            return IsT0;
        }

        public bool TryPickT1(out T1 value, out T0 remainder)
        {
            value = IsT1 ? AsT1 : default!;
            remainder = IsT1 ? default! : AsT0;
            return IsT1;
        }

        public bool Equals(Union<T0, T1> other)
            => _index == other._index && _index switch
            {
                0 => EqualityComparer<T0>.Default.Equals(_value0, other._value0),
                1 => EqualityComparer<T1>.Default.Equals(_value1, other._value1),
                _ => false,
            };

        public override bool Equals(object? obj) => obj is Union<T0, T1> other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(_index, _value0, _value1);

        // The real Union wraps OneOf<T0, T1>, whose ToString is "<full type name>: <value>".
        public override string ToString() => _index switch
        {
            0 => $"{typeof(T0).FullName}: {_value0?.ToString()}",
            1 => $"{typeof(T1).FullName}: {_value1?.ToString()}",
            _ => throw new InvalidOperationException("Unexpected index, which indicates a problem in the OneOf codegen."),
        };

        public static bool operator ==(Union<T0, T1> left, Union<T0, T1> right) => left.Equals(right);
        public static bool operator !=(Union<T0, T1> left, Union<T0, T1> right) => !left.Equals(right);
    }

    internal interface IUnion
    {
        object Value { get; }
    }

    /// <summary>Helpers for outputs of unions.</summary>
    public static class OutputExtensions
    {
        public static Output<T> GetAt<T>(this Output<System.Collections.Immutable.ImmutableArray<T>> array, Input<int> index)
            => Output.Tuple(array, index.ToOutput()).Apply(v => v.Item2 >= 0 && v.Item2 < v.Item1.Length ? v.Item1[v.Item2] : default!);

        public static Output<T> First<T>(this Output<System.Collections.Immutable.ImmutableArray<T>> array)
            => array.Apply(a => a[0]);

        public static Output<int> Length<T>(this Output<System.Collections.Immutable.ImmutableArray<T>> array)
            => array.Apply(a => a.Length);

        public static Output<bool> IsT0<T0, T1>(this Output<Union<T0, T1>> union) => union.Apply(v => v.IsT0);
        public static Output<bool> IsT1<T0, T1>(this Output<Union<T0, T1>> union) => union.Apply(v => v.IsT1);
        public static Output<T0> AsT0<T0, T1>(this Output<Union<T0, T1>> union) => union.Apply(v => v.AsT0);
        public static Output<T1> AsT1<T0, T1>(this Output<Union<T0, T1>> union) => union.Apply(v => v.AsT1);
        public static Output<object> Value<T0, T1>(this Output<Union<T0, T1>> union) => union.Apply(v => v.Value);
    }

    /// <summary>An output whose value is supplied later.</summary>
    public sealed class DeferredOutput<T>
    {
        private readonly System.Threading.Tasks.TaskCompletionSource<OutputData<T>> _source = new(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _resolved;

        public DeferredOutput() => Output = new Output<T>(_source.Task);

        public Output<T> Output { get; }

        public void Resolve(Output<T> output)
        {
            if (_resolved)
                throw new InvalidOperationException("Deferred output has already been resolved");
            _resolved = true;
            output.DataTask.ContinueWith(t =>
            {
                if (t.IsFaulted) _source.TrySetException(t.Exception!.InnerExceptions);
                else if (t.IsCanceled) _source.TrySetCanceled();
                else _source.TrySetResult(t.Result);
            }, System.Threading.Tasks.TaskScheduler.Default);
        }
    }
}
