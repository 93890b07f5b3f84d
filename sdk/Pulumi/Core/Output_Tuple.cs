using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi
{
    public static partial class Output
    {
        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2)
            => OutputTuple.Combine<T1, T2, int, int, int, int, int, int>(item1, item2, 0, 0, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2));

        public static Output<(T1, T2)> Tuple<T1, T2>(Output<T1> item1, Output<T2> item2)
            => OutputTuple.Combine<T1, T2, int, int, int, int, int, int>((Input<T1>)item1, (Input<T2>)item2, 0, 0, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2));

        public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Input<T1> item1, Input<T2> item2, Input<T3> item3)
            => OutputTuple.Combine<T1, T2, T3, int, int, int, int, int>(item1, item2, item3, 0, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3));

        public static Output<(T1, T2, T3)> Tuple<T1, T2, T3>(Output<T1> item1, Output<T2> item2, Output<T3> item3)
            => OutputTuple.Combine<T1, T2, T3, int, int, int, int, int>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, 0, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3));

        public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4)
            => OutputTuple.Combine<T1, T2, T3, T4, int, int, int, int>(item1, item2, item3, item4, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4));

        public static Output<(T1, T2, T3, T4)> Tuple<T1, T2, T3, T4>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4)
            => OutputTuple.Combine<T1, T2, T3, T4, int, int, int, int>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, (Input<T4>)item4, 0, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4));

        public static Output<(T1, T2, T3, T4, T5)> Tuple<T1, T2, T3, T4, T5>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, int, int, int>(item1, item2, item3, item4, item5, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5));

        public static Output<(T1, T2, T3, T4, T5)> Tuple<T1, T2, T3, T4, T5>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, int, int, int>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, (Input<T4>)item4, (Input<T5>)item5, 0, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5));

        public static Output<(T1, T2, T3, T4, T5, T6)> Tuple<T1, T2, T3, T4, T5, T6>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5, Input<T6> item6)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, int, int>(item1, item2, item3, item4, item5, item6, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6));

        public static Output<(T1, T2, T3, T4, T5, T6)> Tuple<T1, T2, T3, T4, T5, T6>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5, Output<T6> item6)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, int, int>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, (Input<T4>)item4, (Input<T5>)item5, (Input<T6>)item6, 0, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6));

        public static Output<(T1, T2, T3, T4, T5, T6, T7)> Tuple<T1, T2, T3, T4, T5, T6, T7>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5, Input<T6> item6, Input<T7> item7)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, T7, int>(item1, item2, item3, item4, item5, item6, item7, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6, v.Item7));

        public static Output<(T1, T2, T3, T4, T5, T6, T7)> Tuple<T1, T2, T3, T4, T5, T6, T7>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5, Output<T6> item6, Output<T7> item7)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, T7, int>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, (Input<T4>)item4, (Input<T5>)item5, (Input<T6>)item6, (Input<T7>)item7, 0).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6, v.Item7));

        public static Output<(T1, T2, T3, T4, T5, T6, T7, T8)> Tuple<T1, T2, T3, T4, T5, T6, T7, T8>(Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4, Input<T5> item5, Input<T6> item6, Input<T7> item7, Input<T8> item8)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, T7, T8>(item1, item2, item3, item4, item5, item6, item7, item8).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6, v.Item7, v.Item8));

        public static Output<(T1, T2, T3, T4, T5, T6, T7, T8)> Tuple<T1, T2, T3, T4, T5, T6, T7, T8>(Output<T1> item1, Output<T2> item2, Output<T3> item3, Output<T4> item4, Output<T5> item5, Output<T6> item6, Output<T7> item7, Output<T8> item8)
            => OutputTuple.Combine<T1, T2, T3, T4, T5, T6, T7, T8>((Input<T1>)item1, (Input<T2>)item2, (Input<T3>)item3, (Input<T4>)item4, (Input<T5>)item5, (Input<T6>)item6, (Input<T7>)item7, (Input<T8>)item8).Apply(v => (v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6, v.Item7, v.Item8));

    }

    internal static class OutputTuple
    {
        public static Output<(T1, T2, T3, T4, T5, T6, T7, T8)> Combine<T1, T2, T3, T4, T5, T6, T7, T8>(
            Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4,
            Input<T5> item5, Input<T6> item6, Input<T7> item7, Input<T8> item8)
            => new Output<(T1, T2, T3, T4, T5, T6, T7, T8)>(CombineAsync(item1, item2, item3, item4, item5, item6, item7, item8));

        private static async Task<OutputData<(T1, T2, T3, T4, T5, T6, T7, T8)>> CombineAsync<T1, T2, T3, T4, T5, T6, T7, T8>(
            Input<T1> item1, Input<T2> item2, Input<T3> item3, Input<T4> item4,
            Input<T5> item5, Input<T6> item6, Input<T7> item7, Input<T8> item8)
        {
            var resources = ImmutableHashSet.CreateBuilder<Resource>();
            var isKnown = true;
            var isSecret = false;
            (T1, T2, T3, T4, T5, T6, T7, T8) tuple = default;
            tuple.Item1 = Take(await ((Output<T1>)item1).DataTask.ConfigureAwait(false));
            tuple.Item2 = Take(await ((Output<T2>)item2).DataTask.ConfigureAwait(false));
            tuple.Item3 = Take(await ((Output<T3>)item3).DataTask.ConfigureAwait(false));
            tuple.Item4 = Take(await ((Output<T4>)item4).DataTask.ConfigureAwait(false));
            tuple.Item5 = Take(await ((Output<T5>)item5).DataTask.ConfigureAwait(false));
            tuple.Item6 = Take(await ((Output<T6>)item6).DataTask.ConfigureAwait(false));
            tuple.Item7 = Take(await ((Output<T7>)item7).DataTask.ConfigureAwait(false));
            tuple.Item8 = Take(await ((Output<T8>)item8).DataTask.ConfigureAwait(false));
            return new OutputData<(T1, T2, T3, T4, T5, T6, T7, T8)>(resources.ToImmutable(), tuple, isKnown, isSecret);

            X Take<X>(OutputData<X> data)
            {
                resources.UnionWith(data.Resources);
                (isKnown, isSecret) = OutputData.Combine(data, isKnown, isSecret);
                return data.Value;
            }
        }
    }
}
