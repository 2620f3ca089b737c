using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

/// <summary>wrk 4.1's <c>--latency</c> report, in the layout Debian's wrk prints, read figure by figure.</summary>
public class WrkResultTests
{
    private const string Report = """
        Running 10s test @ http://127.0.0.1:5123/api/predict
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     4.69ms    3.02ms  35.61ms   77.80%
            Req/Sec     3.51k   420.11     4.41k    71.00%
          Latency Distribution
             50%  812.00us
             75%    5.93ms
             90%    8.42ms
             99%    1.20s
          69850 requests in 10.00s, 53.83MB read
          Socket errors: connect 1, read 2, write 3, timeout 4
          Non-2xx or 3xx responses: 7
        Requests/sec:   6983.52
        Transfer/sec:      5.38MB
        """;

    [Fact]
    public void ReadsEveryFigureInMilliseconds()
    {
        var result = WrkResult.Parse(Report);

        Assert.Equal(6983.52, result.RequestsPerSecond, 9);
        Assert.Equal(0.812, result.P50Ms, 9);
        Assert.Equal(1200, result.P99Ms, 9);
        Assert.Equal(69850, result.Requests);
        Assert.Equal(7, result.Non2xx);
        Assert.Equal(10, result.SocketErrors);
    }

    [Fact]
    public void ACleanRunHasNoFailures()
    {
        var clean = string.Join('\n', Report.Split('\n').Where(l => !l.Contains("errors", StringComparison.Ordinal) && !l.Contains("Non-2xx", StringComparison.Ordinal)));

        var result = WrkResult.Parse(clean);

        Assert.Equal(0, result.Non2xx);
        Assert.Equal(0, result.SocketErrors);
    }

    [Fact]
    public void AReportWithoutThroughputIsNotReadAsFast()
    {
        var broken = Report.Replace("Requests/sec:   6983.52", "", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => WrkResult.Parse(broken));
        Assert.Contains("Requests/sec", error.Message, StringComparison.Ordinal);
    }
}
