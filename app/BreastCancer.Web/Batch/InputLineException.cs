namespace BreastCancer.Web.Batch;

/// <summary>The input cannot be read on from <see cref="Line"/>: the CSV is malformed there, or a record is longer than the command allows.</summary>
/// <param name="line">The physical line (1-based) where the record that could not be read starts.</param>
/// <param name="reason">Why, and what to do about it.</param>
/// <param name="inner">The reader's own exception.</param>
public sealed class InputLineException(int line, string reason, Exception inner) : Exception(reason, inner)
{
    /// <summary>The physical line (1-based) where the record that could not be read starts.</summary>
    public int Line { get; } = line;
}
