namespace BreastCancer.Analysis.Monitoring;

/// <summary>An event marked on a monitoring chart's stream axis, as a dashed vertical line with a label (a new scanner, a promoted model).</summary>
/// <param name="Position">Where on the stream it happened: the rows (or outcomes) that had arrived before it, 0 or more.</param>
/// <param name="Label">What happened.</param>
public sealed record StreamMark(double Position, string Label);
