namespace BreastCancer.WebApp.Client;

/// <summary>How <see cref="WebAppProcess"/> starts the web app (<c>app/BreastCancer.Web</c>).</summary>
/// <param name="ModelFolder">The model store the app serves from and saves retrained versions to (a copy, so that promotions leave the repository's <c>models/</c> alone).</param>
/// <param name="Database">The monitoring store (SQLite) the app records predictions and outcomes in.</param>
/// <param name="ApiKey">The key of the write endpoints (outcomes, retrain, promote, rollback).</param>
/// <param name="Settings">Further configuration, by key (e.g. <c>Monitoring:Window</c>), passed on the command line.</param>
public sealed record WebAppOptions(string ModelFolder, string Database, string ApiKey, IReadOnlyDictionary<string, string>? Settings = null)
{
    /// <summary>How long the app may take to build (the first time) and start before it is given up, 5 minutes by default.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
