using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Web.Models;

namespace BreastCancer.Bench;

/// <summary>
/// The input from which the peer's serving and batch scripts (<c>bench/peer/serve.py</c>, <c>score.py</c>) fit their
/// model: the study's training rows, the feature names, scikit-learn's C for our default model (C = 1/λ₂) and our
/// model card's decision threshold.
/// </summary>
internal static class PeerModel
{
    /// <summary>Writes <c>OUT/serve.json</c> and returns its full path.</summary>
    public static string Write(BenchData data, double threshold, string output)
    {
        var file = Path.GetFullPath(Path.Combine(output, "serve.json"));
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            x = data.X,
            y = data.Y,
            names = FeatureCatalog.WdbcFeatures,
            c = 1.0 / DefaultModel.Model.Hyperparameters["l2"],
            threshold,
        }));
        return file;
    }
}
