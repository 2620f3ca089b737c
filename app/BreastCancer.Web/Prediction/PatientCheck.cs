namespace BreastCancer.Web.Prediction;

/// <summary>The outcome of validating one patient.</summary>
/// <param name="Values">The 30 values in the card's feature order, or null when any is wrong (the errors say which).</param>
/// <param name="Warnings">The values outside their training range, when those are warnings rather than errors.</param>
/// <param name="Case">The tumour's case number, when the request gave one (<see cref="CaseNumber"/>).</param>
public sealed record PatientCheck(double[]? Values, IReadOnlyList<RangeWarning> Warnings, string? Case = null);
