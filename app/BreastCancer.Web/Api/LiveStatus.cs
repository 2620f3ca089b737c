using BreastCancer.Web.Models;

namespace BreastCancer.Web.Api;

/// <summary>The answer of <c>GET /health/live</c>: the process is up and answering, whatever the state of its model.</summary>
/// <param name="Status"><c>ok</c> while a model is served, <c>starting</c> while the first one is loaded or trained, <c>failed</c> when it could not be.</param>
public sealed record LiveStatus(string Status)
{
    /// <summary>The answer in <paramref name="state"/>.</summary>
    public static LiveStatus Of(StartupState state) => new(state switch
    {
        StartupState.Serving => "ok",
        StartupState.Failed => "failed",
        _ => "starting",
    });
}
