namespace BreastCancer.Web.Monitoring;

/// <summary>The monitoring store and windows (configuration section <c>Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring";

    /// <summary>The SQLite database, relative to the repository root unless absolute.</summary>
    public string Database { get; set; } = "monitoring/predictions.db";

    /// <summary>How many of the latest predictions drift is measured over, and how many of the latest outcomes performance is.</summary>
    public int Window { get; set; } = 500;

    /// <summary>The population stability index above which a feature has drifted (0.25: a significant shift, by convention).</summary>
    public double PsiAlert { get; set; } = 0.25;

    /// <summary>The family-wise level of the Kolmogorov–Smirnov tests across the features (Holm-adjusted).</summary>
    public double KsAlpha { get; set; } = 0.01;

    /// <summary>The level of the test of the predicted malignancy rate against the training rows'.</summary>
    public double RateAlpha { get; set; } = 0.01;

    /// <summary>The fewest predictions a drift check needs.</summary>
    public int MinimumWindow { get; set; } = 100;

    /// <summary>How many of the latest predictions (and of the latest outcomes) the dashboard's timelines cover.</summary>
    public int TimelineLength { get; set; } = 5000;

    /// <summary>Predictions (and outcomes) between two points of the dashboard's timelines.</summary>
    public int TimelineStep { get; set; } = 50;

    /// <summary>The least time between two builds of the dashboard's charts in the background, in seconds: what bounds the CPU that views of a changing store can spend on Plotly figures.</summary>
    public double ChartsRefreshSeconds { get; set; } = 2;
}
