using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>The Platt-calibrated RBF SVM pipeline fitted on the study's training rows, shared by the Kernel SHAP tests.</summary>
public sealed class StudyRbfSvm
{
    public FittedPipeline Model { get; } = ModelCatalogue.RbfSvm.Pipeline().Fit(StudyRows.Training, StudyRows.TrainingLabels, seed: 1);
}
