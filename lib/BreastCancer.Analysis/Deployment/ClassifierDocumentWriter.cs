using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// The <see cref="ClassifierDocument"/> of a fitted classifier, read from its <see cref="ClassifierForm"/>: an ML.NET
/// model is stored as ML.NET's own model file (<see cref="MlNetModel"/>, found on the way), a Platt calibration as its
/// slope and offset around the document of the classifier it calibrates, the exact RBF SVM as its support vectors, the
/// random forest as its trees. One writer per classifier written.
/// </summary>
internal sealed class ClassifierDocumentWriter : IClassifierFormVisitor<ClassifierDocument>
{
    /// <summary>The ML.NET model the document refers to (<see cref="ClassifierDocument.UsesMlNetModel"/>), once written; null when there is none.</summary>
    public MlNetForm? MlNetModel { get; private set; }

    /// <inheritdoc />
    public ClassifierDocument VisitMlNet(MlNetForm form)
    {
        MlNetModel = form;
        return new MlNetDocument();
    }

    /// <inheritdoc />
    public ClassifierDocument VisitPlatt(PlattForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new PlattCalibratedDocument(form.Inner.Accept(this), form.Platt.Slope, form.Platt.Offset);
    }

    /// <inheritdoc />
    public ClassifierDocument VisitRbfSvm(RbfSvmForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var svm = form.Machine;
        return new RbfSvmDocument(svm.SupportVectors, svm.DualCoefficients, svm.Rho, svm.Gamma);
    }

    /// <inheritdoc />
    public ClassifierDocument VisitForest(ForestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ForestDocument.From(form.Forest);
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: a model file does not store a constant.</exception>
    public ClassifierDocument VisitConstant(ConstantForm form) => throw NotStored("the majority-class baseline");

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: a model file stores only the forms above.</exception>
    public ClassifierDocument VisitOpaque(OpaqueForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        throw NotStored(form.Description);
    }

    private static NotSupportedException NotStored(string what) =>
        new($"{what} cannot be saved: a model file stores ML.NET models, the exact RBF SVM and the random forest, calibrated by Platt scaling only or not at all");
}
