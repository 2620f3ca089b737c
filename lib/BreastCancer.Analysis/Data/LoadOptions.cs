namespace BreastCancer.Analysis.Data;

/// <summary>What the caller declares about a file beyond what its content shows.</summary>
public sealed record LoadOptions
{
    /// <summary>
    /// Label values other than <c>M</c>/<c>B</c> that the file uses, each mapped to whether it means malignant
    /// (e.g. <c>{"malignant": true, "benign": false}</c> or <c>{"1": true, "0": false}</c>); matched ignoring case.
    /// Without a declaration any other label is an error: the loader never guesses which value is the positive class.
    /// </summary>
    public IReadOnlyDictionary<string, bool> LabelAliases { get; init; } = new Dictionary<string, bool>();

    /// <summary>The data set the file must hold, or null to accept whichever its columns show.</summary>
    public DataSetKind? ExpectedKind { get; init; }

    /// <summary>The defaults: labels M/B only, either data set.</summary>
    public static LoadOptions Default { get; } = new();
}
