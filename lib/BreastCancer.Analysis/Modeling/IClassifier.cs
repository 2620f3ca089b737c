namespace BreastCancer.Analysis.Modeling;

/// <summary>A learning algorithm for the diagnosis: fitted on training rows, it gives each row a probability of malignancy.</summary>
public interface IClassifier
{
    /// <summary>A short name for tables and charts.</summary>
    string Name { get; }

    /// <summary>Fits on the rows (complete, already transformed) and labels (true = malignant) with the given seed.</summary>
    IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed);
}

/// <summary>A fitted classifier.</summary>
public interface IFittedClassifier
{
    /// <summary>The probability that each row is malignant, 0–1.</summary>
    double[] PredictProbability(IReadOnlyList<double[]> rows);
}
