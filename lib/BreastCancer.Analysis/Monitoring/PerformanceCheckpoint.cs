namespace BreastCancer.Analysis.Monitoring;

/// <summary>One measurement of live performance along the stream of confirmed outcomes (<see cref="PerformanceTimeline"/>).</summary>
/// <param name="End">How many outcomes had arrived at the measurement, 1 or more: the window is the outcomes from
/// <c>End − Performance.Rows + 1</c> to <c>End</c>, counted from 1.</param>
/// <param name="Performance">The model's performance on that window.</param>
public sealed record PerformanceCheckpoint(int End, LivePerformance Performance);
