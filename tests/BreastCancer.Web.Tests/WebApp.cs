using BreastCancer.Web.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The app in memory, in the Production environment, on a models folder and its own monitoring database (or
/// <paramref name="database"/>, which a test restarting the app keeps), with extra settings (the rate limit raised unless
/// they set it); <c>/test/throw</c> throws (to see what an unhandled exception gives). Its server is handed out once the
/// first model is served or has failed, unless <paramref name="waitForModel"/> is false.
/// </summary>
public sealed class WebApp(string modelFolder, IReadOnlyDictionary<string, string?>? settings = null, string? database = null, bool waitForModel = true) : WebApplicationFactory<Program>
{
    public const string ThrowingPath = "/test/throw";

    /// <summary>This app's monitoring database: its own in the temporary folder, deleted with the app, unless given.</summary>
    public string Database { get; } = database ?? Path.Combine(Path.GetTempPath(), $"bc-web-monitoring-{Guid.NewGuid():N}", "predictions.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var values = new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "1000000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        (values["Model:Folder"], values["Monitoring:Database"]) = (modelFolder, Database);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(values));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (waitForModel)
        {
            host.Services.GetRequiredService<ModelStartup>().Finished.Wait();
        }

        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && database is null && Directory.Exists(Path.GetDirectoryName(Database)))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(Database)!, recursive: true);
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == ThrowingPath ? throw new InvalidOperationException("secret internal detail") : following(context));
        };
    }
}
