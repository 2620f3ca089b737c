namespace BreastCancer.Analysis.Data.Consistency;

/// <summary>The outcome of one physical-consistency check over a data set.</summary>
/// <param name="Name">A short name, e.g. <c>area ≈ π·radius² (mean)</c>.</param>
/// <param name="Rule">The relation checked, in words, with the reference it comes from.</param>
/// <param name="Tolerance">How the tolerance was set (estimated from the data, or exact) and its value.</param>
/// <param name="Typical">The typical observed/expected ratio (median over rows), or null for an exact rule.</param>
/// <param name="RowsChecked">Rows the rule could be checked on (rows missing a value it needs are skipped).</param>
/// <param name="Violations">The rows outside the tolerance, by how much, worst first.</param>
public sealed record ConsistencyResult(string Name, string Rule, string Tolerance, double? Typical, int RowsChecked, IReadOnlyList<ConsistencyViolation> Violations)
{
    /// <summary>True when no row breaks the rule.</summary>
    public bool Passed => Violations.Count == 0;
}

/// <summary>A row that breaks a consistency rule.</summary>
/// <param name="Row">The row index in the data set.</param>
/// <param name="Line">The row's line in the source file.</param>
/// <param name="Observed">The observed value (or ratio) of the rule.</param>
/// <param name="Expected">What the rule expects (the typical ratio, or the bound).</param>
/// <param name="Deviation">How far outside: robust standard deviations from the typical ratio, or the amount by which a bound is crossed.</param>
public sealed record ConsistencyViolation(int Row, int Line, double Observed, double Expected, double Deviation);

/// <summary>All consistency checks of one data set.</summary>
/// <param name="Source">The data set's file.</param>
/// <param name="Results">One result per check.</param>
public sealed record ConsistencyReport(string Source, IReadOnlyList<ConsistencyResult> Results)
{
    /// <summary>Rows breaking at least one rule, by row index, ascending.</summary>
    public IReadOnlyList<int> RowsWithViolations => [.. Results.SelectMany(r => r.Violations.Select(v => v.Row)).Distinct().Order()];
}
