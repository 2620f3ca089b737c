namespace BreastCancer.Analysis.Data;

/// <summary>How serious a finding is: an error stops loading, a warning is kept on the data set.</summary>
public enum Severity
{
    /// <summary>Kept on the loaded data set for the reader to see.</summary>
    Warning,

    /// <summary>The file cannot be loaded as it is.</summary>
    Error,
}

/// <summary>One thing found wrong with a file.</summary>
/// <param name="Severity">Error (loading fails) or warning (kept on the data set).</param>
/// <param name="File">The file, as given to the loader.</param>
/// <param name="Line">The physical line in the file, 1-based, or null for a finding about the whole file.</param>
/// <param name="Column">The column's header (or 1-based position when the file has no header), or null.</param>
/// <param name="Value">The offending text as it stands in the file, or null.</param>
/// <param name="Message">What is wrong and why.</param>
public sealed record ValidationFinding(Severity Severity, string File, int? Line, string? Column, string? Value, string Message)
{
    /// <summary>The finding as one line: <c>file:line: column 'c': value 'v': message</c>.</summary>
    public override string ToString() =>
        $"{File}{(Line is { } line ? $":{line}" : "")}: {Severity.ToString().ToLowerInvariant()}: "
        + (Column is null ? "" : $"column '{Column}': ")
        + (Value is null ? "" : $"value '{Value}': ")
        + Message;
}

/// <summary>Everything the loader found in one file, errors and warnings, in file order.</summary>
/// <param name="File">The file, as given to the loader.</param>
/// <param name="Findings">The findings in the order they were found.</param>
public sealed record ValidationReport(string File, IReadOnlyList<ValidationFinding> Findings)
{
    /// <summary>The findings that stop loading.</summary>
    public IReadOnlyList<ValidationFinding> Errors => [.. Findings.Where(f => f.Severity == Severity.Error)];

    /// <summary>The findings kept on the loaded data set.</summary>
    public IReadOnlyList<ValidationFinding> Warnings => [.. Findings.Where(f => f.Severity == Severity.Warning)];

    /// <summary>True when nothing stops loading.</summary>
    public bool IsValid => Findings.All(f => f.Severity != Severity.Error);

    /// <summary>The report as text, one finding a line.</summary>
    public override string ToString() =>
        Findings.Count == 0 ? $"{File}: no findings" : string.Join('\n', Findings.Select(f => f.ToString()));
}

/// <summary>Loading failed; <see cref="Report"/> holds every finding, errors and warnings.</summary>
public sealed class DataValidationException : Exception
{
    /// <summary>Creates the exception for a report with at least one error.</summary>
    public DataValidationException(ValidationReport report)
        : base(Describe(report)) => Report = report;

    /// <summary>Every finding of the file.</summary>
    public ValidationReport Report { get; }

    private static string Describe(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = report.Errors;
        const int shown = 20;
        var lines = errors.Take(shown).Select(e => e.ToString());
        var more = errors.Count > shown ? $"\n… and {errors.Count - shown} more errors" : "";
        return $"{report.File} cannot be loaded: {errors.Count} error{(errors.Count == 1 ? "" : "s")}\n{string.Join('\n', lines)}{more}";
    }
}
