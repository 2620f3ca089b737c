namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Colours with one role in the charts, beside the diagnoses' (<see cref="ClassColors"/>) and the models'
/// (<see cref="ModelColors"/>): the two marks of a comparison that is not between classes or models, and the greys of
/// missing values and of the lines a chart is read against.
/// </summary>
public static class ChartColors
{
    /// <summary>The ordinary marks of a chart, such as the settings of a search or an estimate with its interval: Okabe–Ito blue, #0072B2.</summary>
    public const string MarkHex = "#0072B2";

    /// <summary>The error bars of <see cref="MarkHex"/> marks when the marks must stay readable through them: light blue, #9ECAE1.</summary>
    public const string LightMarkHex = "#9ECAE1";

    /// <summary>The mark singled out against the others, such as the best setting of a search: Okabe–Ito vermillion, #D55E00.</summary>
    public const string HighlightHex = "#D55E00";

    /// <summary>Points whose colouring value is missing: grey, #9E9E9E.</summary>
    public const string MissingHex = "#9E9E9E";

    /// <summary>A line the marks are read against, such as zero or an average: mid grey, #888888.</summary>
    public const string ReferenceHex = "#888888";

    /// <summary>A line marking the value the chart ends at, such as one patient's model output: near black, #333333.</summary>
    public const string ResultHex = "#333333";

    /// <summary>The connectors between consecutive bars of a waterfall: light grey, #BBBBBB.</summary>
    public const string ConnectorHex = "#BBBBBB";
}
