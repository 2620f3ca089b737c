using System.Diagnostics;
using System.Globalization;

namespace BreastCancer.Web.Batch;

/// <summary>
/// The progress line of the score command (rows done, rows per second) on the error stream: rewritten in place at most
/// five times a second when that stream is a terminal, otherwise a plain line at most every <see cref="PlainInterval"/>.
/// </summary>
/// <param name="errors">The error stream.</param>
/// <param name="inPlace">Whether the stream is a terminal, where a carriage return rewrites the line.</param>
public sealed class BatchProgress(TextWriter errors, bool inPlace)
{
    /// <summary>The time between two plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan InPlaceInterval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _errors = errors ?? throw new ArgumentNullException(nameof(errors));
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _shown;
    private bool _lineOpen;

    /// <summary>The time since the run started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Shows <paramref name="rows"/> rows done when the last line is old enough.</summary>
    public void Update(long rows)
    {
        var now = _clock.Elapsed;
        if (now - _shown < (inPlace ? InPlaceInterval : PlainInterval))
        {
            return;
        }

        _shown = now;
        var text = string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {rows / Math.Max(now.TotalSeconds, 1e-9):N0} rows/s");
        if (inPlace)
        {
            _errors.Write("\r\u001b[K" + text);
            _lineOpen = true;
        }
        else
        {
            _errors.WriteLine(text);
        }
    }

    /// <summary>Ends the in-place line so that a message or the summary starts on a line of its own.</summary>
    public void Break()
    {
        if (_lineOpen)
        {
            _errors.Write("\r\u001b[K");
            _lineOpen = false;
        }
    }
}
