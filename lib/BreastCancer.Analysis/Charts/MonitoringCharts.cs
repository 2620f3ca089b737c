using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Monitoring;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Charts of a deployed model's monitoring: the drift of one window by feature (<see cref="FeatureDrift"/>), the PSI of
/// every feature along the stream (<see cref="DriftOverTime"/>), the predicted malignancy rate along the stream
/// (<see cref="PredictedRate"/>) and live sensitivity, specificity and ROC AUC as outcomes arrive
/// (<see cref="PerformanceOverTime"/>). The stream charts take optional <see cref="StreamMark"/>s.
/// </summary>
public static class MonitoringCharts
{
    /// <summary>The vertical extent (share of the plot's height, from the bottom) of the live-performance chart's panel of shares.</summary>
    private static readonly double[] SharesPanel = [0.36, 1.0];

    /// <summary>The vertical extent of the live-performance chart's ROC AUC panel.</summary>
    private static readonly double[] RocAucPanel = [0.0, 0.26];

    /// <summary>
    /// Each feature's PSI in <paramref name="report"/>'s window as a horizontal bar, largest at the top, drifted features
    /// (PSI above the alert level or Holm-adjusted KS p below its level) in the malignant colour, the alert level as a
    /// dashed line; KS D and the adjusted p on hover.
    /// </summary>
    public static GenericChart FeatureDrift(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var features = report.Features.OrderByDescending(f => f.Psi).ToArray();
        var names = features.Select(f => f.Feature).ToArray();
        var bars = Chart.Bar<double, string, string>(values: features.Select(f => f.Psi).ToArray(), Keys: names, Name: "PSI", ShowLegend: false);
        foreach (var trace in GenericChart.getTraces(bars))
        {
            trace.SetProperty("marker", LayoutSettings.Attributes(("color", features.Select(f => f.Drifted ? ClassColors.MalignantHex : ChartColors.BarHex).ToArray())));
            trace.SetProperty("customdata", features.Select(f => new object[] { f.KsStatistic, f.AdjustedP, f.Drifted ? "drifted" : "stable" }).ToArray());
            trace.SetProperty("hovertemplate", "%{y}: PSI %{x:.3f}<br>KS D %{customdata[0]:.3f}, Holm-adjusted p %{customdata[1]:.2g}<br>%{customdata[2]}<extra></extra>");
        }

        var alert = report.Thresholds.PsiAlert;
        var chart = bars
            .WithXAxisStyle<double, double, string>(TitleText: "population stability index against the training rows")
            .WithSize(860, 150 + 22 * names.Length);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Drift of the latest {report.WindowSize} predictions: {report.DriftedFeatures.Count} of {report.Features.Count} features drifted (PSI > {alert:0.##} and Holm-adjusted KS p < {report.Thresholds.KsAlpha:0.###})");
        return LayoutSettings.With(chart,
            ("yaxis", LayoutSettings.Attributes(("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names), ("automargin", true), ("title", LayoutSettings.Title("feature")))),
            ("shapes", new object[] { LayoutSettings.Shape("line", alert, 0, alert, 1, ChartColors.InkHex, 1.5, yref: "paper", dash: "dash") }),
            ("title", LayoutSettings.Attributes(("text", title))));
    }

    /// <summary>
    /// The PSI of every feature at every check of <paramref name="timeline"/> as a heatmap (features down, the stream
    /// across), coloured from pale (stable) to dark red at twice the alert level and above.
    /// </summary>
    /// <exception cref="ArgumentException">The timeline has no checks.</exception>
    public static GenericChart DriftOverTime(DriftTimeline timeline, IReadOnlyList<StreamMark>? marks = null)
    {
        var checkpoints = Checks(timeline);
        var features = checkpoints[0].Report.Features.Select(f => f.Feature).ToArray();
        var ends = checkpoints.Select(c => c.End).ToArray();
        var psi = features.Select((_, f) => checkpoints.Select(c => c.Report.Features[f].Psi).ToArray()).ToArray();
        var heatmap = Chart.Heatmap<double, int, string, string>(zData: psi, X: ends, Y: features, Name: "PSI", ReverseYAxis: true);
        var alert = checkpoints[0].Report.Thresholds.PsiAlert;
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("colorscale", ColorScales.YellowOrangeRed);
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", 2 * alert);
            trace.SetProperty("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Attributes(("text", "PSI")))));
            trace.SetProperty("hovertemplate", "%{y} at prediction %{x}: PSI %{z:.3f}<extra></extra>");
        }

        var chart = heatmap
            .WithXAxisStyle<double, double, string>(TitleText: StreamTitle(timeline.Window, "predictions", timeline.Step))
            .WithSize(900, 180 + 20 * features.Length);
        return Marked(chart, marks, "Population stability index of each feature along the stream", ("yaxis", LayoutSettings.Attributes(("automargin", true), ("title", LayoutSettings.Title("feature")))));
    }

    /// <summary>
    /// The share of each check's window that the model called malignant, against the training rows' share (dashed);
    /// checks where the rate test fired drawn as large markers in the malignant colour.
    /// </summary>
    /// <exception cref="ArgumentException">The timeline has no checks.</exception>
    public static GenericChart PredictedRate(DriftTimeline timeline, IReadOnlyList<StreamMark>? marks = null)
    {
        var checkpoints = Checks(timeline);
        var ends = checkpoints.Select(c => c.End).ToArray();
        var rate = Chart.Line<int, double, string>(ends, checkpoints.Select(c => c.Report.PredictionRate.WindowRate).ToArray(), Name: "called malignant in the window",
            ShowMarkers: true, LineColor: Color.fromHex(ChartColors.BarHex));
        foreach (var trace in GenericChart.getTraces(rate))
        {
            trace.SetProperty("marker", LayoutSettings.Attributes(
                ("color", checkpoints.Select(c => c.Report.PredictionRate.Drifted ? ClassColors.MalignantHex : ChartColors.BarHex).ToArray()),
                ("size", checkpoints.Select(c => c.Report.PredictionRate.Drifted ? 10 : 6).ToArray())));
            trace.SetProperty("customdata", checkpoints.Select(c => new object[] { c.Report.PredictionRate.P, c.Report.WindowSize }).ToArray());
            trace.SetProperty("hovertemplate", "prediction %{x}: %{y:.1%} of %{customdata[1]} called malignant<br>two-proportion p %{customdata[0]:.2g}<extra></extra>");
        }

        var reference = checkpoints[0].Report.PredictionRate.ReferenceRate;
        var training = Chart.Line<int, double, string>([ends[0], ends[^1]], [reference, reference], Name: string.Create(CultureInfo.InvariantCulture, $"training rows ({reference:P1})"),
            LineColor: Color.fromHex(ChartColors.InkHex), LineDash: StyleParam.DrawingStyle.Dash);
        var chart = Chart.Combine([rate, training])
            .WithXAxisStyle<double, double, string>(TitleText: StreamTitle(timeline.Window, "predictions", timeline.Step))
            .WithYAxisStyle<double, double, string>(TitleText: "share called malignant (biopsy recommended)", MinMax: new Tuple<double, double>(0, 1))
            .WithSize(900, 420);
        return Marked(chart, marks, "Predicted malignancy rate along the stream", ("legend", LayoutSettings.LegendBelow(-0.2)), ("yaxis", LayoutSettings.Attributes(("tickformat", ".0%"))));
    }

    /// <summary>
    /// Live sensitivity and specificity at each measurement of <paramref name="timeline"/>, with their Wilson 95 % bands
    /// (shares of confirmed cases, upper panel), and the ROC AUC of the probabilities in a panel of its own below, since
    /// it is not a share; undefined values (a window without one class) leave gaps.
    /// </summary>
    /// <exception cref="ArgumentException">The timeline has no measurements.</exception>
    public static GenericChart PerformanceOverTime(PerformanceTimeline timeline, IReadOnlyList<StreamMark>? marks = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.Checkpoints.Count == 0)
        {
            throw new ArgumentException("the performance timeline has no measurements: no outcome has been confirmed yet", nameof(timeline));
        }

        var points = timeline.Checkpoints;
        var ends = points.Select(c => c.End).ToArray();
        var series = new (string Name, Func<LivePerformance, RateEstimate> Rate, int Colour)[]
        {
            ("sensitivity", p => p.Sensitivity, 0), ("specificity", p => p.Specificity, 1),
        };
        var traces = series.SelectMany(s => Band(ends, [.. points.Select(c => s.Rate(c.Performance))], s.Name, s.Colour)).ToList();
        var auc = Chart.Line<int, double, string>(ends, points.Select(c => c.Performance.RocAuc).ToArray(), Name: "ROC AUC", ShowMarkers: true, LineColor: ModelColors.Of(2),
            LineDash: StyleParam.DrawingStyle.Dot);
        foreach (var trace in GenericChart.getTraces(auc))
        {
            trace.SetProperty("yaxis", "y2");
        }

        traces.Add(auc);
        var chart = Chart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: StreamTitle(timeline.Window, "confirmed outcomes", timeline.Step))
            .WithYAxisStyle<double, double, string>(TitleText: "share of confirmed cases", MinMax: new Tuple<double, double>(0, 1.02))
            .WithSize(900, 560);
        return Marked(chart, marks, "Live performance as the biopsy results arrive", ("legend", LayoutSettings.LegendBelow(-0.16)),
            ("xaxis", LayoutSettings.Attributes(("anchor", "y2"))), ("yaxis", LayoutSettings.Attributes(("domain", SharesPanel))),
            ("yaxis2", LayoutSettings.Attributes(("domain", RocAucPanel), ("anchor", "x"), ("title", LayoutSettings.Title("ROC AUC")))));
    }

    private static IReadOnlyList<DriftCheckpoint> Checks(DriftTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return timeline.Checkpoints.Count > 0
            ? timeline.Checkpoints
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the drift timeline of {timeline.Rows} rows has no checks: a check needs at least the detector's minimum window of rows"), nameof(timeline));
    }

    private static IEnumerable<GenericChart> Band(int[] ends, RateEstimate[] rates, string name, int colour)
    {
        var edges = BandEdges.Of(ends, rates.Select(r => r.Low).ToArray(), rates.Select(r => r.High).ToArray(), (name + " upper 95 %", name + " lower 95 %"), colour, 0.15);
        var line = Chart.Line<int, double, string>(ends, rates.Select(r => r.Value).ToArray(), Name: name + " (Wilson 95 % band)", ShowMarkers: true, LineColor: ModelColors.Of(colour));
        foreach (var trace in GenericChart.getTraces(line))
        {
            trace.SetProperty("customdata", rates.Select(r => new object[] { r.Successes, r.Trials, r.Low, r.High }).ToArray());
            trace.SetProperty("hovertemplate", $"outcome %{{x}}: {name} %{{y:.1%}} (%{{customdata[0]}} of %{{customdata[1]}}; 95 % %{{customdata[2]:.1%}} to %{{customdata[3]:.1%}})<extra></extra>");
        }

        return [.. edges, line];
    }

    private static string StreamTitle(int window, string what, int step) => string.Create(CultureInfo.InvariantCulture,
        $"{what} so far (each point: the latest {window} {what}, every {step})");

    private static GenericChart Marked(GenericChart chart, IReadOnlyList<StreamMark>? marks, string title, params (string Name, object Value)[] attributes)
    {
        var lines = (marks ?? []).Select(m => (object)LayoutSettings.Shape("line", m.Position, 0, m.Position, 1, ChartColors.InkHex, 1.5, yref: "paper", dash: "dash")).ToArray();
        var labels = (marks ?? []).Select(m => (object)LayoutSettings.Attributes(("x", m.Position), ("y", 1.0), ("xref", "x"), ("yref", "paper"), ("text", m.Label),
            ("showarrow", false), ("xanchor", "left"), ("yanchor", "bottom"), ("font", LayoutSettings.Attributes(("size", 11))))).ToArray();
        return LayoutSettings.With(chart, [.. attributes, ("shapes", lines), ("annotations", labels), ("title", LayoutSettings.Attributes(("text", title)))]);
    }
}
