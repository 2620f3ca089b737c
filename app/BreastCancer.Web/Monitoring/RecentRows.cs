namespace BreastCancer.Web.Monitoring;

/// <summary>
/// Rows of the monitoring store read by position (predictions, or outcomes with their predictions), keeping the latest
/// <c>keep</c> rows of the last read. The store only appends and never changes a row, so when a read reaches past
/// what is kept (the next view after more predictions), only the rows after it are read from SQLite: a view after one
/// more prediction reads one row, not the window.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
internal sealed class RecentRows<TRow>(Func<long, long, IReadOnlyList<TRow>> read, int keep)
{
    private readonly Lock _gate = new();
    private long _from = 1;
    private TRow[] _kept = [];

    /// <summary>The rows at positions <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive), oldest first.</summary>
    public IReadOnlyList<TRow> Between(long from, long to)
    {
        lock (_gate)
        {
            var keptTo = _from + _kept.Length - 1;
            TRow[] rows;
            if (_kept.Length > 0 && from >= _from && from <= keptTo + 1 && to >= keptTo)
            {
                var fresh = to > keptTo ? read(keptTo + 1, to) : [];
                rows = [.. _kept.AsSpan((int)(from - _from)), .. fresh];
            }
            else
            {
                rows = [.. read(from, to)];
            }

            if (rows.Length == to - from + 1)
            {
                var tail = Math.Min(keep, rows.Length);
                (_from, _kept) = (to - tail + 1, rows[^tail..]);
            }
            else
            {
                (_from, _kept) = (1, []);
            }

            return rows;
        }
    }
}
