using System.Diagnostics;
using System.Text.Json;

namespace BreastCancer.Bench;

/// <summary>
/// <c>measure KEY RUNS [OUT]</c>: our side of one <see cref="ComparisonRow"/>, in a process of its own so that its peak
/// memory is the row's: the setup, one warm-up run (JIT, ML.NET's first use), then RUNS timed runs. Writes the peer's
/// input to <see cref="ComparisonRow.PeerInput"/> and prints a <see cref="RowTiming"/> as JSON, the only line on stdout.
/// </summary>
internal static class MeasureCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is < 2 or > 3 || ComparisonRows.Find(args[0]) is not { } row || !int.TryParse(args[1], out var runs) || runs < 1)
        {
            Console.Error.WriteLine($"bench measure: usage: measure KEY RUNS [OUT], RUNS ≥ 1, KEY one of {string.Join(", ", ComparisonRows.All.Select(r => r.Key))}");
            return 2;
        }

        var output = args.Count == 3 ? args[2] : Path.Combine("bench", "out");
        Directory.CreateDirectory(output);
        var work = row.Prepare(BenchData.Load());
        var outcome = work();
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            outcome = work();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        if (outcome.PeerInput is { } input)
        {
            File.WriteAllText(row.PeerInput(output), JsonSerializer.Serialize(input));
        }

        Console.WriteLine(JsonSerializer.Serialize(new RowTiming(seconds, outcome.Accuracy, outcome.RocAuc, outcome.Detail)));
        return 0;
    }
}
