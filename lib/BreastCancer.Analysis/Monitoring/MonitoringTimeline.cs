namespace BreastCancer.Analysis.Monitoring;

/// <summary>The monitoring timelines of a served model, as the web app's <c>GET /api/monitoring/timeline</c> answers them.</summary>
/// <param name="ModelVersion">The model whose training rows drift is measured against.</param>
/// <param name="Drift">Drift along the latest predictions.</param>
/// <param name="Performance">Live performance along the latest outcomes.</param>
/// <param name="PredictionModelChanges">Where along the predictions another model version took over, labelled with it.</param>
/// <param name="OutcomeModelChanges">Where along the outcomes the predictions they confirm come from another model version.</param>
public sealed record MonitoringTimeline(string ModelVersion, DriftTimeline Drift, PerformanceTimeline Performance,
    IReadOnlyList<StreamMark> PredictionModelChanges, IReadOnlyList<StreamMark> OutcomeModelChanges);
