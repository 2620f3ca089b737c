using System.Diagnostics;
using System.Text.Json.Serialization;
using BreastCancer.Web;
using BreastCancer.Web.Api;
using BreastCancer.Web.Batch;
using BreastCancer.Web.Hosting;
using BreastCancer.Web.Models;
using BreastCancer.Web.Monitoring;
using BreastCancer.Web.OpenApi;
using BreastCancer.Web.Prediction;
using BreastCancer.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

if (args is [ScoreCommand.Name, .. var scoreArgs])
{
    Environment.ExitCode = ScoreCommand.Run(scoreArgs, Console.Out, Console.Error, errorsIsTerminal: !Console.IsErrorRedirected);
    return;
}

if (args is [RetrainCommand.Name, .. var retrainArgs])
{
    Environment.ExitCode = RetrainCommand.Run(retrainArgs, Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"])
    && string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls(DefaultAddress.Url);
}

builder.Services.Configure<ParentProcessOptions>(builder.Configuration.GetSection(ParentProcessOptions.Section));
builder.Services.AddHostedService<ParentProcessWatch>();
builder.Services.Configure<ModelOptions>(builder.Configuration.GetSection(ModelOptions.Section));
builder.Services.Configure<PredictionOptions>(builder.Configuration.GetSection(PredictionOptions.Section));
builder.Services.Configure<ValidationOptions>(builder.Configuration.GetSection(ValidationOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ModelLoader>();
builder.Services.AddSingleton<ModelHolder>();
builder.Services.AddSingleton<DashboardWarmUp>();
builder.Services.AddSingleton<ModelStartup>();
builder.Services.AddHostedService(services => services.GetRequiredService<ModelStartup>());
builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection(MonitoringOptions.Section));
builder.Services.Configure<ApiKeyOptions>(builder.Configuration.GetSection(ApiKeyOptions.Section));
builder.Services.AddSingleton(services => new PredictionStore(RepositoryPaths.Resolve(services.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
    services.GetRequiredService<IOptions<MonitoringOptions>>().Value.Database)));
builder.Services.AddSingleton(services => new CheckStore(services.GetRequiredService<PredictionStore>().Path));
builder.Services.AddSingleton<ServiceMetrics>();
builder.Services.AddSingleton<MonitoringService>();
builder.Services.AddSingleton<DashboardCharts>();
builder.Services.AddSingleton<ApiKeyCheck>();
builder.Services.AddSingleton<Predictor>();
builder.Services.AddSingleton<ModelVersions>();
builder.Services.Configure<RetrainOptions>(builder.Configuration.GetSection(RetrainOptions.Section));
builder.Services.AddSingleton<Retrainer>();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    context.ProblemDetails.Detail ??= ClientErrors.DetailOf(context.Exception);
});
builder.Services.AddRazorPages();
builder.Services.AddApiDocument();
builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
builder.Services.AddRateLimiter(_ => { });
builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limits, options) => RateLimitOptions.Configure(limits, options.Value));

var app = builder.Build();
app.Services.GetRequiredService<PredictionStore>();

app.UseRequestMetrics();
app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ClientErrors.StatusCodeOf, SuppressDiagnosticsCallback = ClientErrors.IsClientError });
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestRoute();
app.UseModelGate();
app.MapOpenApi();
app.MapApi();
app.MapMonitoring();
app.MapModels();
app.MapDashboard();
app.MapRazorPages();
app.Run();
