namespace BreastCancer.Analysis.Modeling;

/// <summary>Something computed from a classifier's <see cref="ClassifierForm"/>, one method for each form.</summary>
/// <typeparam name="TResult">What is computed.</typeparam>
public interface IClassifierFormVisitor<out TResult>
{
    /// <summary>The same probability for every row.</summary>
    TResult VisitConstant(ConstantForm form);

    /// <summary>The exact RBF support vector machine.</summary>
    TResult VisitRbfSvm(RbfSvmForm form);

    /// <summary>An ML.NET model.</summary>
    TResult VisitMlNet(MlNetForm form);

    /// <summary>A random forest whose probability is the mean of its trees' leaf values.</summary>
    TResult VisitForest(ForestForm form);

    /// <summary>A Platt calibration of another form's decision score.</summary>
    TResult VisitPlatt(PlattForm form);

    /// <summary>A classifier known only by its own <see cref="IFittedClassifier.PredictProbability"/>.</summary>
    TResult VisitOpaque(OpaqueForm form);
}
