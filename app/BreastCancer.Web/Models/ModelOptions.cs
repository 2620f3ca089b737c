namespace BreastCancer.Web.Models;

/// <summary>Where the app finds its model and its training data (configuration section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Model";

    /// <summary>The model store's folder; a relative path is resolved against the repository root (<see cref="RepositoryPaths"/>).</summary>
    public string Folder { get; set; } = "models";

    /// <summary>WDBC's CSV file, which holds the training rows of every model the app serves; relative paths as for <see cref="Folder"/>.</summary>
    public string Data { get; set; } = Path.Combine("data", "wdbc.csv");
}
