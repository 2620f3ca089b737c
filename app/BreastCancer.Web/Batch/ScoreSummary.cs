namespace BreastCancer.Web.Batch;

/// <summary>What a run of the score command did.</summary>
/// <param name="Scored">The rows scored and written.</param>
/// <param name="Invalid">The rows skipped because a cell was wrong (each reported).</param>
/// <param name="Seconds">The time spent reading, scoring and writing rows.</param>
public sealed record ScoreSummary(long Scored, long Invalid, double Seconds)
{
    /// <summary>Rows read (scored or skipped) per second.</summary>
    public double RowsPerSecond => Seconds > 0 ? (Scored + Invalid) / Seconds : 0;
}
