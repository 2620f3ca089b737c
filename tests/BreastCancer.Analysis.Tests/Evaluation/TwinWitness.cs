using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Evaluation;

/// <summary>
/// A classifier that counts the predictions it makes of a row equal, value for value, to one it was trained on. Fed
/// rows that come in exact twins (one tumour measured twice), it counts every time a model was asked about a tumour
/// whose twin it had seen: the fitted steps before it transform both alike, so twins stay equal. It predicts a
/// logistic function of the first value, so that thresholds and metrics have something to work on.
/// </summary>
internal sealed class TwinWitness : IClassifier
{
    private int _predictions;
    private int _seenBefore;

    /// <summary>Rows predicted, over every fitted model.</summary>
    public int Predictions => _predictions;

    /// <summary>Of them, rows equal to a row the predicting model was trained on.</summary>
    public int SeenBefore => _seenBefore;

    public string Name => "twin witness";

    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) =>
        new Fitted(this, [.. rows.Select(Key)]);

    private static string Key(double[] row) => string.Join(',', row.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private sealed class Fitted(TwinWitness witness, HashSet<string> trainedOn) : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows)
        {
            Interlocked.Add(ref witness._predictions, rows.Count);
            Interlocked.Add(ref witness._seenBefore, rows.Count(r => trainedOn.Contains(Key(r))));
            return [.. rows.Select(r => 1 / (1 + Math.Exp(-r[0])))];
        }
    }
}
