namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// How a fitted classifier computes its probability, told by the classifier itself (<see cref="IFittedClassifier.Form"/>):
/// a constant, an RBF support vector machine, an ML.NET model, a random forest of the library's own trees, a Platt
/// calibration of another form, or a classifier that can only be called. Whatever scores, saves or explains a classifier reads its form through an
/// <see cref="IClassifierFormVisitor{TResult}"/>, which must handle every form, instead of testing the classifier's
/// class; a new classifier names the form it has, and a new form is a new method of the visitor that every reader
/// then has to implement.
/// </summary>
public abstract record ClassifierForm
{
    /// <summary>Calls the method of <paramref name="visitor"/> for this form.</summary>
    public abstract TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor);
}
