using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Models;

/// <summary>
/// The versions of the model store and the changes of the served one: <see cref="Promote"/> loads a saved version whole,
/// with its training rows checked against its card, points the store's <c>current</c> at it and swaps it in;
/// <see cref="Rollback"/> serves the version the last promote replaced and points the store back at it. Either
/// happens without a restart and without failing a request, since requests read one snapshot each.
/// </summary>
public sealed class ModelVersions(ModelHolder holder, IOptions<ModelOptions> options, IWebHostEnvironment environment, TimeProvider time)
{
    private readonly Lock _promotions = new();

    private string Folder => RepositoryPaths.Resolve(environment.ContentRootPath, options.Value.Folder);

    /// <summary>Every saved version, and the one served.</summary>
    public ModelVersionList List() => new(ModelStore.Versions(Folder), holder.Current.Version);

    /// <summary>
    /// Serves <paramref name="version"/> from now on and returns the version it replaced; the version already served is
    /// left as it is (and returned), so that promoting twice leaves one rollback, not two.
    /// </summary>
    /// <exception cref="ModelFileException">The version is missing or its files, or its training rows, do not agree with its card.</exception>
    public string Promote(string version)
    {
        lock (_promotions)
        {
            if (holder.Current.Version == version)
            {
                return version;
            }

            var model = ModelStore.Load(Folder, version);
            var snapshot = ModelLoader.Snapshot(model, DataLoader.Load(RepositoryPaths.Resolve(environment.ContentRootPath, options.Value.Data)), time.GetUtcNow());
            ModelStore.Promote(Folder, version);
            return holder.Swap(snapshot).Version;
        }
    }

    /// <summary>Serves again the version the last promote replaced and returns it; null when no promote has happened since the app started.</summary>
    public string? Rollback()
    {
        lock (_promotions)
        {
            return holder.Rollback(previous => ModelStore.Promote(Folder, previous.Version))?.Version;
        }
    }
}

/// <summary>The saved versions and the served one.</summary>
/// <param name="Versions">Every version in the model store.</param>
/// <param name="Current">The version the app serves.</param>
public sealed record ModelVersionList(IReadOnlyList<string> Versions, string Current);
