namespace BreastCancer.Analysis.Pipeline;

/// <summary>
/// A step of a modelling pipeline that learns from training rows only (an imputer, a scaler, later a selector):
/// <see cref="Fit"/> sees the training fold's rows and labels and nothing else; the fitted step then transforms any
/// rows, training or held out, with what it learned.
/// </summary>
public interface IFeatureStep
{
    /// <summary>A short name for tables and charts, e.g. <c>median imputation</c>.</summary>
    string Name { get; }

    /// <summary>Learns the step's parameters from the training rows (one array of features per row).</summary>
    IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels);
}

/// <summary>A step fitted on training rows, ready to transform rows it may never have seen.</summary>
public interface IFittedFeatureStep
{
    /// <summary>The rows transformed; the input is left as it was.</summary>
    double[][] Transform(IReadOnlyList<double[]> rows);
}
