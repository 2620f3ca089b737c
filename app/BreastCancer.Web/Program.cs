using System.Diagnostics;
using BreastCancer.Web;
using BreastCancer.Web.Api;
using BreastCancer.Web.Models;
using BreastCancer.Web.Prediction;
using BreastCancer.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"])
    && string.IsNullOrEmpty(builder.Configuration["HTTPS_PORTS"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls(DefaultAddress.Url);
}

builder.Services.Configure<ModelOptions>(builder.Configuration.GetSection(ModelOptions.Section));
builder.Services.Configure<PredictionOptions>(builder.Configuration.GetSection(PredictionOptions.Section));
builder.Services.Configure<ValidationOptions>(builder.Configuration.GetSection(ValidationOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ModelLoader>();
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<ModelOptions>>().Value;
    var contentRoot = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
    var snapshot = services.GetRequiredService<ModelLoader>().LoadOrTrain(RepositoryPaths.Resolve(contentRoot, options.Folder), RepositoryPaths.Resolve(contentRoot, options.Data));
    return new ModelHolder(snapshot);
});
builder.Services.AddSingleton<Predictor>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
builder.Services.AddRazorPages();

var app = builder.Build();
app.Services.GetRequiredService<ModelHolder>();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.MapApi();
app.MapRazorPages();
app.Run();
