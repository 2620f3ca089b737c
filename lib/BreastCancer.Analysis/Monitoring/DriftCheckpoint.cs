namespace BreastCancer.Analysis.Monitoring;

/// <summary>One drift check along a stream of predictions (<see cref="DriftTimeline"/>).</summary>
/// <param name="End">How many rows of the stream had arrived at the check, 1 or more: the window is the rows from
/// <c>End − Report.WindowSize + 1</c> to <c>End</c>, counted from 1.</param>
/// <param name="Report">The drift of that window against the reference rows.</param>
public sealed record DriftCheckpoint(int End, DriftReport Report);
