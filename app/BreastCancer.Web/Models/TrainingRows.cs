namespace BreastCancer.Web.Models;

/// <summary>The rows a model was trained on: the training rows of WDBC's split, then the rows added when it was retrained.</summary>
/// <param name="Rows">Every row, in the card's feature order.</param>
/// <param name="Malignant">Each row's diagnosis: true for malignant.</param>
/// <param name="SplitRows">How many of the rows, the first ones, are WDBC's; the rest are added rows.</param>
/// <param name="Cases">Each row's case (the tumour an added row was measured from, when the clinic named it); null for WDBC's rows and unnamed ones.</param>
public sealed record TrainingRows(IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Malignant, int SplitRows, IReadOnlyList<string?> Cases)
{
    /// <summary>Where row <paramref name="row"/> (0-based) comes from, in words: <c>training row 12</c> or <c>added row 3</c>, counted from 1.</summary>
    public string Describe(int row) => row < SplitRows ? $"training row {row + 1}" : $"added row {row - SplitRows + 1}";
}
