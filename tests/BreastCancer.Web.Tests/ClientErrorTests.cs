using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BreastCancer.Web.Tests;

/// <summary>
/// Requests the server refuses while reading them get the client error they are, never a 500, and <c>/metrics</c>
/// counts the status the client received. Kestrel's own refusals (a chunked body over the limit, a body that arrives
/// too slowly) need the real server, so these run the app as a process; the slow body is sent over a raw socket.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class ClientErrorTests(TrainedModel model) : IDisposable
{
    private const string Key = "client-errors-key-0123456789";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-client-errors-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Chunked_bodies_over_the_limit_get_413_a_body_that_stalls_gets_408_and_metrics_count_what_the_clients_received()
    {
        using var app = AppProcess.Start($"--Model:Folder={model.Folder}", $"--Monitoring:Database={Path.Combine(_folder, "predictions.db")}", $"--Security:ApiKey={Key}");
        await app.WaitUntilServingAsync();
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var (path, size) in new[] { ("/api/predict", 300 * 1024), ("/api/outcomes", 70 * 1024), ("/api/models/promote", 70 * 1024) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"x\":\"{new string('a', size)}\"}}"))) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TransferEncodingChunked = true;
            request.Headers.Add("X-Api-Key", Key);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var stalled = await StalledBodyAsync(app.Address);
        Assert.StartsWith("HTTP/1.1 408 ", stalled, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", stalled, StringComparison.Ordinal);
        Assert.Contains("too slowly", stalled, StringComparison.Ordinal);

        var metrics = await MetricsOnceCountedAsync(client, "bc_http_requests_total{route=\"/api/predict\",status=\"408\"} 1\n");
        Assert.Contains("bc_http_requests_total{route=\"/api/predict\",status=\"413\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("bc_http_requests_total{route=\"/api/outcomes\",status=\"413\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("bc_http_requests_total{route=\"/api/models/promote\",status=\"413\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("status=\"500\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Log, line => line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_that_fails_inside_the_app_is_counted_as_the_500_it_received()
    {
        using var app = new WebApp(model.Folder);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync(WebApp.ThrowingPath)).StatusCode);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains($"bc_http_requests_total{{route=\"{Monitoring.RequestMetrics.Unmatched}\",status=\"500\"}} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain($"route=\"{Monitoring.RequestMetrics.Unmatched}\",status=\"200\"", metrics, StringComparison.Ordinal);
    }

    /// <summary>
    /// The metrics once they hold <paramref name="line"/> (a request is counted when its pipeline ends, which can be just
    /// after its client has read the response), waiting up to 5 s.
    /// </summary>
    private static async Task<string> MetricsOnceCountedAsync(HttpClient client, string line)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string metrics;
        while (!(metrics = await client.GetStringAsync("/metrics")).Contains(line, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(metrics.Contains(line, StringComparison.Ordinal), $"no {line.Trim()} in\n{metrics}");
        return metrics;
    }

    /// <summary>
    /// Sends a prediction's headers and the first byte of a 5,000-byte body over a raw socket, then nothing (Kestrel asks
    /// for at least 240 bytes/s after a 5 s grace period), and returns the response's text.
    /// </summary>
    private static async Task<string> StalledBodyAsync(Uri address)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/predict HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.ToString().Contains('}', StringComparison.Ordinal))
            {
                break;
            }
        }

        return text.ToString();
    }
}
