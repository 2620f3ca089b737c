using System.Globalization;
using System.Text.RegularExpressions;

namespace BreastCancer.Bench;

/// <summary>
/// What one run of wrk (Debian's wrk 4.1, <c>--latency</c>) printed: requests per second, the 50th and 99th latency
/// percentiles, the requests made, those answered with a status other than 2xx or 3xx, and socket errors.
/// </summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors)
{
    /// <summary>Reads wrk's report; throws when a figure is missing, so that a failed run is never read as a fast one.</summary>
    public static WrkResult Parse(string text)
    {
        var rate = Number(RateLine().Match(text), "Requests/sec");
        var requests = (long)Number(RequestsLine().Match(text), "requests in");
        var non2xx = NonSuccessLine().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketLine().Match(text) is { Success: true } s ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(rate, Percentile(text, "50"), Percentile(text, "99"), requests, non2xx, socket);
    }

    private static double Percentile(string text, string percent)
    {
        var match = Regex.Match(text, $@"^\s*{percent}(?:\.0+)?%\s+([\d.]+)(us|ms|s)\b", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        var value = Number(match, $"{percent}% latency");
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
    }

    private static double Number(Match match, string what) => match.Success
        ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new FormatException($"wrk's report has no {what} figure");

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketLine();
}
