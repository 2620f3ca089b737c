using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Consistency;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Monitoring;
using BreastCancer.Analysis.Selection;
using BreastCancer.Analysis.Tuning;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace BreastCancer.Analysis.Display;

/// <summary>
/// Registers the workbook's <c>text/html</c> formatters with Microsoft.DotNet.Interactive.Formatting, the library both
/// the .NET Interactive kernel (VS Code) and the workbook runner format outputs with: Plotly.NET charts, DataFrames and
/// the library's result records. Every notebook's setup (notebooks/setup.csx) calls <see cref="Register"/> once.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Registers every formatter; calling it again is harmless (a later registration replaces an earlier one).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Render(chart)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameHtml.Render(frame)), HtmlFormatter.MimeType);
        Formatter.Register<DatasetOverview>((overview, writer) => writer.Write(DatasetOverviewHtml.Render(overview)), HtmlFormatter.MimeType);
        Formatter.Register<ValidationReport>((report, writer) => writer.Write(DataReportsHtml.Render(report)), HtmlFormatter.MimeType);
        Formatter.Register<MissingValueSummary>((summary, writer) => writer.Write(DataReportsHtml.Render(summary)), HtmlFormatter.MimeType);
        Formatter.Register<DuplicateReport>((report, writer) => writer.Write(DataReportsHtml.Render(report)), HtmlFormatter.MimeType);
        Formatter.Register<ConsistencyReport>((report, writer) => writer.Write(DataReportsHtml.Render(report)), HtmlFormatter.MimeType);
        Formatter.Register<HeldOutSplit>((split, writer) => writer.Write(DataReportsHtml.Render(split)), HtmlFormatter.MimeType);
        Formatter.Register<CrossValidationResult>((result, writer) => writer.Write(EvaluationHtml.Render(result)), HtmlFormatter.MimeType);
        Formatter.Register<ModelComparison>((comparison, writer) => writer.Write(EvaluationHtml.Render(comparison)), HtmlFormatter.MimeType);
        Formatter.Register<PairedComparisons>((paired, writer) => writer.Write(EvaluationHtml.Render(paired)), HtmlFormatter.MimeType);
        Formatter.Register<OperatingPointComparison>((points, writer) => writer.Write(EvaluationHtml.Render(points)), HtmlFormatter.MimeType);
        Formatter.Register<CalibrationRegression>((fit, writer) => writer.Write(EvaluationHtml.Render(fit)), HtmlFormatter.MimeType);
        Formatter.Register<CalibrationComparison>((comparison, writer) => writer.Write(EvaluationHtml.Render(comparison)), HtmlFormatter.MimeType);
        Formatter.Register<LearningCurve>((curve, writer) => writer.Write(EvaluationHtml.Render(curve)), HtmlFormatter.MimeType);
        Formatter.Register<SplitRobustness>((robustness, writer) => writer.Write(TuningHtml.Render(robustness)), HtmlFormatter.MimeType);
        Formatter.Register<HeldOutScore>((score, writer) => writer.Write(EvaluationHtml.Render(score)), HtmlFormatter.MimeType);
        Formatter.Register<SearchResult>((search, writer) => writer.Write(TuningHtml.Render(search)), HtmlFormatter.MimeType);
        Formatter.Register<NestedCrossValidationResult>((nested, writer) => writer.Write(TuningHtml.Render(nested)), HtmlFormatter.MimeType);
        Formatter.Register<TunedSettings>((settings, writer) => writer.Write(TuningHtml.Render(settings)), HtmlFormatter.MimeType);
        Formatter.Register<ModelCard>((card, writer) => writer.Write(ModelCardHtml.Render(card)), HtmlFormatter.MimeType);
        Formatter.Register<ChallengerComparison>((comparison, writer) => writer.Write(DeploymentHtml.Render(comparison)), HtmlFormatter.MimeType);
        Formatter.Register<ImputationComparisonResult>((result, writer) => writer.Write(EvaluationHtml.Render(result)), HtmlFormatter.MimeType);
        Formatter.Register<GroupingLeak>((leak, writer) => writer.Write(EvaluationHtml.Render(leak)), HtmlFormatter.MimeType);
        Formatter.Register<ClassDescription>((description, writer) => writer.Write(ExplorationHtml.Render(description)), HtmlFormatter.MimeType);
        Formatter.Register<ClassSeparation>((separation, writer) => writer.Write(ExplorationHtml.Render(separation)), HtmlFormatter.MimeType);
        Formatter.Register<PrincipalComponents>((pca, writer) => writer.Write(ExplorationHtml.Render(pca)), HtmlFormatter.MimeType);
        Formatter.Register<FeatureClusters>((clusters, writer) => writer.Write(ExplorationHtml.Render(clusters)), HtmlFormatter.MimeType);
        Formatter.Register<CorrelatedPairs>((pairs, writer) => writer.Write(ExplorationHtml.Render(pairs)), HtmlFormatter.MimeType);
        Formatter.Register<DiagnosisCorrelation>((correlation, writer) => writer.Write(ExplorationHtml.Render(correlation)), HtmlFormatter.MimeType);
        Formatter.Register<SelectionComparison>((comparison, writer) => writer.Write(FeaturesHtml.Render(comparison)), HtmlFormatter.MimeType);
        Formatter.Register<FeatureEngineering>((engineering, writer) => writer.Write(FeaturesHtml.Render(engineering)), HtmlFormatter.MimeType);
        Formatter.Register<TransformSkewness>((skewness, writer) => writer.Write(FeaturesHtml.Render(skewness)), HtmlFormatter.MimeType);
        Formatter.Register<SelectionLeak>((leak, writer) => writer.Write(FeaturesHtml.Render(leak)), HtmlFormatter.MimeType);
        Formatter.Register<FeatureCountCurve>((curve, writer) => writer.Write(FeaturesHtml.Render(curve)), HtmlFormatter.MimeType);
        Formatter.Register<VarianceInflation>((vif, writer) => writer.Write(ExplorationHtml.Render(vif)), HtmlFormatter.MimeType);
        Formatter.Register<ShapExplanation>((shap, writer) => writer.Write(ExplanationHtml.Render(shap)), HtmlFormatter.MimeType);
        Formatter.Register<PermutationImportanceResult>((result, writer) => writer.Write(ExplanationHtml.Render(result)), HtmlFormatter.MimeType);
        Formatter.Register<PatientCases>((cases, writer) => writer.Write(ExplanationHtml.Render(cases)), HtmlFormatter.MimeType);
        Formatter.Register<ImportanceAgreement>((agreement, writer) => writer.Write(ExplanationHtml.Render(agreement)), HtmlFormatter.MimeType);
        Formatter.Register<LinearCoefficients>((coefficients, writer) => writer.Write(ExplanationHtml.Render(coefficients)), HtmlFormatter.MimeType);
        Formatter.Register<DriftReport>((report, writer) => writer.Write(MonitoringHtml.Render(report)), HtmlFormatter.MimeType);
        Formatter.Register<LivePerformance>((performance, writer) => writer.Write(MonitoringHtml.Render(performance)), HtmlFormatter.MimeType);
        Formatter.Register<RetrainReport>((report, writer) => writer.Write(MonitoringHtml.Render(report)), HtmlFormatter.MimeType);
        Formatter.Register<IReadOnlyList<ServedPrediction>>((predictions, writer) => writer.Write(MonitoringHtml.Render(predictions)), HtmlFormatter.MimeType);
    }
}
