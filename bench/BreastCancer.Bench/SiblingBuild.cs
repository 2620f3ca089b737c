using System.Reflection;

namespace BreastCancer.Bench;

/// <summary>Where a project the benchmark references without loading (the web app, the notebook runner) puts its assembly: built in the benchmark's own configuration.</summary>
internal static class SiblingBuild
{
    /// <summary>The full path of <paramref name="assembly"/> in <paramref name="projectFolder"/>'s output for the benchmark's configuration.</summary>
    public static string Assembly(string projectFolder, string assembly)
    {
        var configuration = typeof(SiblingBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value;
        return Path.GetFullPath(Path.Combine(projectFolder, "bin", configuration!, "net10.0", assembly));
    }
}
