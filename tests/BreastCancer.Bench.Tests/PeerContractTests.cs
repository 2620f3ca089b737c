using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

/// <summary>
/// A row's two sides end to end, as <c>bench all</c> runs them: our side's work writes the peer's input, the peer's
/// <c>bench/peer/rows.py</c> (Debian's python3-sklearn) reads it and prints a <see cref="RowTiming"/>. On identical
/// folds the two must agree on the figures where the models are the same model: L2 logistic regression (λ₂ = 1 is
/// scikit-learn's C = 1) and notebook 06's SVM grid (the same exact SVM, so the same best setting and score).
/// </summary>
public class PeerContractTests
{
    [Theory]
    [InlineData("cv:logistic_l2", 1e-3)]
    [InlineData("grid:svm", 1e-4)]
    public void ThePeerReadsOurInputAndAgreesOnTheFolds(string key, double tolerance)
    {
        var row = ComparisonRows.Find(key) ?? throw new InvalidOperationException($"no row {key}");
        var ours = row.Prepare(BenchData.Load())();
        var input = Path.Combine(Path.GetTempPath(), $"bench-contract-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(input, JsonSerializer.Serialize(ours.PeerInput));
            var peer = RunPeer(key, input);

            Assert.Single(peer.Seconds);
            Assert.True(peer.Seconds[0] > 0);
            Assert.Equal(ours.Accuracy.HasValue, peer.Accuracy.HasValue);
            if (ours.Accuracy is { } accuracy)
            {
                Assert.Equal(accuracy, peer.Accuracy!.Value, tolerance);
            }

            Assert.Equal(ours.RocAuc!.Value, peer.RocAuc!.Value, tolerance);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void AnUnknownRowIsRefusedByName()
    {
        var input = Path.Combine(Path.GetTempPath(), $"bench-contract-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, """{ "x": [[1.0]], "y": [true], "folds": [] }""");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => RunPeer("cv:no_such_model", input));

            Assert.Contains("no_such_model", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The peer's side of row <paramref name="key"/>, run and read as <c>bench all</c> runs and reads it (GNU time, <see cref="RowTiming.Read"/>).</summary>
    private static RowTiming RunPeer(string key, string input)
    {
        var rows = Path.Combine(Path.GetDirectoryName(DataFiles.Folder)!, "bench", "peer", "rows.py");
        return RowTiming.Read(MeasuredProcess.Run(Peer.Python, [rows, key, input, "1"]).EnsureSuccess($"rows.py {key}"), key);
    }
}
