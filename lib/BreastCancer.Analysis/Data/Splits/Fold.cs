namespace BreastCancer.Analysis.Data.Splits;

/// <summary>One fold of a cross-validation: the rows to train on and the rows to test on, by row index.</summary>
/// <param name="Repeat">Which repetition the fold belongs to, 0-based.</param>
/// <param name="Index">The fold's number within its repetition, 0-based.</param>
/// <param name="Train">Row indices to fit on, ascending.</param>
/// <param name="Test">Row indices to score, ascending; disjoint from <paramref name="Train"/>.</param>
public sealed record Fold(int Repeat, int Index, IReadOnlyList<int> Train, IReadOnlyList<int> Test);
