namespace BreastCancer.Web.Models;

/// <summary>A training patient the form can fill in as an example.</summary>
/// <param name="Key">The key in the form's link, <c>benign</c> or <c>malignant</c>.</param>
/// <param name="Description">What the example is, in words.</param>
/// <param name="Values">Its 30 measurements in the card's feature order.</param>
public sealed record ExamplePatient(string Key, string Description, IReadOnlyList<double> Values);
