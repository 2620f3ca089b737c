namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Colours with one role in the charts, beside the diagnoses' (<see cref="ClassColors"/>), the models'
/// (<see cref="ModelColors"/>) and the continuous scales' (<see cref="ColorScales"/>): the marks of a comparison that is
/// not between classes or models, and the greys of missing values and of the lines a chart is read against. Together
/// they are the workbook's one palette; no chart types a colour of its own (a test keeps it so).
/// </summary>
public static class ChartColors
{
    /// <summary>The ordinary marks of a chart, such as the settings of a search or an estimate with its interval: Okabe–Ito blue, #0072B2.</summary>
    public const string MarkHex = "#0072B2";

    /// <summary>A second measure drawn beside <see cref="MarkHex"/> marks, such as accuracy beside ROC AUC: Okabe–Ito bluish green, #009E73.</summary>
    public const string SecondMarkHex = "#009E73";

    /// <summary>Bars of one value per feature, light enough for error bars and marks drawn over them: Okabe–Ito sky blue, #56B4E9.</summary>
    public const string BarHex = "#56B4E9";

    /// <summary>The error bars of <see cref="MarkHex"/> marks when the marks must stay readable through them: light blue, #9ECAE1.</summary>
    public const string LightMarkHex = "#9ECAE1";

    /// <summary>The mark singled out against the others, such as the best setting of a search: Okabe–Ito vermillion, #D55E00.</summary>
    public const string HighlightHex = "#D55E00";

    /// <summary>Points whose colouring value is missing: grey, #9E9E9E.</summary>
    public const string MissingHex = "#9E9E9E";

    /// <summary>A line the marks are read against, such as zero, an average, chance or perfect calibration: mid grey, #888888.</summary>
    public const string ReferenceHex = "#888888";

    /// <summary>
    /// Lines and outlines drawn over the marks: the value a chart ends at (one patient's model output), an alert level,
    /// a cumulative curve, error bars over bars, a cluster's outline: near black, #333333.
    /// </summary>
    public const string InkHex = "#333333";

    /// <summary>The connectors between consecutive bars of a waterfall: light grey, #BBBBBB.</summary>
    public const string ConnectorHex = "#BBBBBB";
}
