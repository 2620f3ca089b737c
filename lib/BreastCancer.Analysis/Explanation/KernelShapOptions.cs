namespace BreastCancer.Analysis.Explanation;

/// <summary>How <see cref="KernelShap"/> explains a model. The defaults explain a probability with at most <see cref="DefaultMaxCoalitions"/> coalitions per row.</summary>
public sealed record KernelShapOptions
{
    private readonly int? _maxCoalitions;
    private readonly int? _workers;

    /// <summary>
    /// The scale the values add up on (default <see cref="ShapOutputSpace.Probability"/>).
    /// <see cref="ShapOutputSpace.Probability"/> and <see cref="ShapOutputSpace.Margin"/> take the model's output as it
    /// is (shap's <c>link="identity"</c>); <see cref="ShapOutputSpace.LogOdds"/> takes the logit ln(v / (1 − v)) of each
    /// coalition's expected output v, a probability in (0, 1) (shap's <c>link="logit"</c>).
    /// </summary>
    public ShapOutputSpace OutputSpace { get; init; } = ShapOutputSpace.Probability;

    /// <summary>
    /// The most coalitions evaluated per explained row, at least 2; null (the default) for
    /// <see cref="DefaultMaxCoalitions"/> of the row's varying features. When all 2^M − 2 non-trivial coalitions fit, all are used and the
    /// values are exact; otherwise at least M are needed for the regression to be determined. The model is evaluated on
    /// (coalitions × background rows + 1) rows per explained row.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 2.</exception>
    public int? MaxCoalitions
    {
        get => _maxCoalitions;
        init => _maxCoalitions = value is null or >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxCoalitions), value, "a budget of fewer than 2 coalitions cannot estimate any SHAP value; use at least 2 (2·M + 2048 by default)");
    }

    /// <summary>
    /// The budget used when <see cref="MaxCoalitions"/> is null: shap's <c>"auto"</c>, 2·M + 2048 coalitions for M
    /// varying features (2108 for WDBC's 30). The model is evaluated on coalitions × background rows per explained row:
    /// measured on two cores, 100 WDBC rows against a 100-row background took 26 s for the calibrated RBF SVM (on its
    /// standardised inputs) with its masked rows built and evaluated (16.6 CPU s against 7.4 with its outputs from
    /// distance differences, <see cref="RbfMaskedModel"/>, in one run each under the same load), and the largest error
    /// of a value against a 30,000-coalition reference was 0.011 in probability (the largest value 0.19), against 0.018
    /// at 1024 coalitions (13 s then) and 0.033 at 444 (8 s then). Sampling error falls as one over the square root of
    /// the budget.
    /// </summary>
    /// <param name="features">M, the number of features that vary, at least 0.</param>
    public static int DefaultMaxCoalitions(int features) => 2 * features + 2048;

    /// <summary>
    /// The seed of the coalition sampling (default 0). Row r's coalitions are drawn from a generator seeded by
    /// (seed, r), so the same seed gives the same values whatever <see cref="Workers"/> is.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>The most explained rows worked on at once, at least 1; null (the default) for one per processor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int? Workers
    {
        get => _workers;
        init => _workers = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Workers), value, "at least one worker is needed");
    }
}
