namespace BreastCancer.Web.Models;

/// <summary>
/// Resolves the app's relative paths: against the repository root, the first folder at or above the content root that
/// holds <c>Directory.Packages.props</c>, or against the content root itself when there is none (a published app).
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "Directory.Packages.props";

    /// <summary>The repository root above <paramref name="contentRoot"/>, or <paramref name="contentRoot"/> when no folder above it has <see cref="RootMarker"/>.</summary>
    public static string Root(string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        for (var folder = new DirectoryInfo(Path.GetFullPath(contentRoot)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RootMarker)))
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(contentRoot);
    }

    /// <summary><paramref name="path"/> as is when absolute, otherwise under the repository root above <paramref name="contentRoot"/>.</summary>
    public static string Resolve(string contentRoot, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root(contentRoot), path));
    }
}
