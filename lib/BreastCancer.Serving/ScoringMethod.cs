using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving;

/// <summary>How a <see cref="PipelineScorer"/> computes a row's probability, from fastest to slowest.</summary>
public enum ScoringMethod
{
    /// <summary>
    /// Every step and the classifier computed directly, without ML.NET's data views: imputation, standardisation and
    /// selection, then an ML.NET linear model (logistic regression, the linear SVM), the exact RBF SVM or the baseline,
    /// and a Platt calibration of any of them. Well under a microsecond per row for a linear model.
    /// </summary>
    Direct,

    /// <summary>The steps computed directly, the ML.NET model (a tree ensemble) through pooled ML.NET prediction engines: microseconds per row.</summary>
    PredictionEngine,

    /// <summary>The steps computed directly, the classifier through its own <see cref="IFittedClassifier.PredictProbability"/> once per call (an isotonic calibration, say).</summary>
    Classifier,

    /// <summary>The whole pipeline through <see cref="FittedPipeline.PredictProbability"/> once per call: a step that combines features (k-nearest-neighbour imputation, engineered features).</summary>
    Pipeline,
}
