using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Split-conformal prediction sets for the binary classifier (Vovk, Gammerman &amp; Shafer 2005, Algorithmic Learning
/// in a Random World, inductive conformal predictors; Angelopoulos &amp; Bates 2021, "A gentle introduction to conformal prediction and
/// distribution-free uncertainty quantification", arXiv:2107.07511, section 1). The conformity score of a case with
/// label y is s = 1 − p̂(y), p̂(malignant) the model's probability and p̂(benign) = 1 − p̂(malignant). On n
/// calibration cases not used to fit the model, q̂ is the ⌈(n + 1)(1 − α)⌉-th smallest score (the ⌈(n + 1)(1 − α)⌉/n
/// empirical quantile, "higher" interpolation), +∞ when ⌈(n + 1)(1 − α)⌉ &gt; n (α &lt; 1/(n + 1)); the set of a new
/// case is {y : 1 − p̂(y) ≤ q̂}. If the new case and the calibration cases are exchangeable, the set holds its true
/// label with probability at least 1 − α, and (scores without ties) at most 1 − α + 1/(n + 1) (paper, theorem 1 in
/// section 1, the upper bound proved in appendix D). The guarantee is marginal, over cases, not for each patient.
/// </summary>
/// <param name="Alpha">The error level α, 0–1: the set misses the true label for at most this share of cases.</param>
/// <param name="CalibrationSize">n, the calibration cases.</param>
/// <param name="Quantile">q̂, a score in [0, 1], or +∞ when n is too small for α.</param>
public sealed record ConformalClassifier(double Alpha, int CalibrationSize, double Quantile)
{
    /// <summary>
    /// The classifier calibrated on <paramref name="probabilities"/> of malignancy (0–1) for cases whose diagnoses are
    /// <paramref name="labels"/> (true = malignant), at error level <paramref name="alpha"/>. The probabilities must come
    /// from a model that did not see these cases, e.g. out-of-fold probabilities of the training rows.
    /// ⌈(n + 1)(1 − α)⌉ is computed in decimal arithmetic so that e.g. n = 19, α = 0.05 gives exactly 19.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a probability is outside 0–1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not strictly between 0 and 1.</exception>
    public static ConformalClassifier Calibrate(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double alpha)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (alpha is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "the error level α must be between 0 and 1");
        }

        if (probabilities.Count != labels.Count || probabilities.Count == 0)
        {
            throw new ArgumentException($"{probabilities.Count} calibration probabilities for {labels.Count} labels: calibration needs one label per probability, at least one", nameof(labels));
        }

        var scores = new double[probabilities.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            if (probabilities[i] is not (>= 0 and <= 1))
            {
                throw new ArgumentException($"calibration probability {i} is {probabilities[i]}, not in [0, 1]", nameof(probabilities));
            }

            scores[i] = Score(probabilities[i], labels[i]);
        }

        Array.Sort(scores);
        var n = scores.Length;
        var rank = (int)Math.Ceiling((n + 1) * (1 - (decimal)alpha));
        return new ConformalClassifier(alpha, n, rank > n ? double.PositiveInfinity : scores[rank - 1]);
    }

    /// <summary>
    /// The classifier calibrated on the out-of-fold probabilities of <paramref name="pipeline"/> on its own training rows
    /// (<paramref name="folds"/> stratified folds, seeded): each row scored by the pipeline fitted on the other folds, so
    /// no score comes from a model that saw its case. The sets are then used with the pipeline fitted on all the rows,
    /// which is cross-conformal rather than split-conformal prediction (Vovk 2015, "Cross-conformal predictors"): its
    /// coverage is close to 1 − α in practice but guaranteed only approximately, since the final model differs a little
    /// from each fold's (Barber et al. 2021, "Predictive inference with the jackknife+", bound 1 − 2α).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not strictly between 0 and 1.</exception>
    public static ConformalClassifier CrossValidated(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, double alpha, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(labels);
        var probabilities = new double[labels.Count];
        foreach (var fold in CrossValidation.Run(pipeline, rows, labels, StratifiedGroupKFold.Split(labels, null, folds, seed), seed).Folds)
        {
            for (var t = 0; t < fold.Rows.Count; t++)
            {
                probabilities[fold.Rows[t]] = fold.Probabilities[t];
            }
        }

        return Calibrate(probabilities, labels, alpha);
    }

    /// <summary>The nonconformity score 1 − p̂(label) of a case with probability of malignancy <paramref name="probability"/>: 1 − p for malignant, p for benign, 0–1.</summary>
    public static double Score(double probability, bool malignant) => malignant ? 1 - probability : probability;

    /// <summary>The prediction set of a case whose probability of malignancy is <paramref name="probability"/> (0–1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside 0–1.</exception>
    public PredictionSet Set(double probability)
    {
        if (probability is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability is 0–1");
        }

        return new PredictionSet(Score(probability, false) <= Quantile, Score(probability, true) <= Quantile);
    }
}
