using System.Globalization;
using BreastCancer.Web.Monitoring;

namespace BreastCancer.Web.Tests;

public sealed class ServiceMetricsTests
{
    /// <summary>
    /// A scrape that meets a request counted under a new route and status still answers (the first 408 of a route is
    /// counted just as a client polls <c>/metrics</c> for it): sorting the live dictionary with LINQ sizes an array from
    /// its count and then copies into it, which throws when a key arrives between the two (dotnet/runtime#120794).
    /// </summary>
    [Fact]
    public async Task A_scrape_while_new_routes_are_counted_lists_each_route_once_with_the_count_it_had()
    {
        var metrics = new ServiceMetrics();
        var none = new DriftStatus(0, 100, null);
        const int Routes = 20_000;
        var counting = Task.Run(() =>
        {
            for (var r = 0; r < Routes; r++)
            {
                metrics.Request($"/r{r.ToString(CultureInfo.InvariantCulture)}", 200, TimeSpan.Zero, isPrediction: false);
            }
        });

        var scrapes = 0;
        while (!counting.IsCompleted || scrapes == 0)
        {
            var lines = metrics.Render(none).Split('\n').Where(line => line.StartsWith("bc_http_requests_total{", StringComparison.Ordinal)).ToArray();
            Assert.All(lines, line => Assert.EndsWith("} 1", line, StringComparison.Ordinal));
            Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
            scrapes++;
        }

        await counting;
        Assert.Equal(Routes, metrics.Render(none).Split('\n').Count(line => line.StartsWith("bc_http_requests_total{", StringComparison.Ordinal)));
    }
}
