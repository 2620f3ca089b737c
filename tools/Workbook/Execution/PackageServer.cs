using System.Reflection;
using System.Text.Json;

namespace Workbook.Execution;

/// <summary>
/// Serves <c>#r "nuget: Name, Version"</c> from the packages the runner itself references. Which packages those are,
/// at which pinned version, is recorded in the runner's assembly at build time (from Directory.Packages.props);
/// which files each brings (with its dependencies) comes from the application's <c>.deps.json</c>.
/// </summary>
public sealed class PackageServer
{
    private const string MetadataPrefix = "ServedPackage:";
    private readonly Dictionary<string, DepsLibrary> _libraries;
    private readonly string _assemblyFolder;

    private PackageServer(IReadOnlyDictionary<string, string> served, Dictionary<string, DepsLibrary> libraries, string assemblyFolder)
    {
        Served = served;
        _libraries = libraries;
        _assemblyFolder = assemblyFolder;
    }

    /// <summary>The packages a notebook may load, by id (case-insensitive), with the one version pinned for each.</summary>
    public IReadOnlyDictionary<string, string> Served { get; }

    /// <summary>The server of the running application: the runner, or a test host that references it.</summary>
    public static PackageServer ForThisApplication()
    {
        var served = typeof(PackageServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && a.Value is not null)
            .ToDictionary(a => a.Key[MetadataPrefix.Length..], a => a.Value!, StringComparer.OrdinalIgnoreCase);
        var depsFile = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';')[0];
        if (string.IsNullOrEmpty(depsFile) || !File.Exists(depsFile))
        {
            throw new InvalidOperationException($"the application's .deps.json was not found ('{depsFile}'): the runner cannot tell which files its packages bring");
        }

        return new PackageServer(served, ReadDeps(depsFile), AppContext.BaseDirectory);
    }

    /// <summary>
    /// The assembly files that package <paramref name="request"/> brings, its dependencies included; a package that is
    /// not served, or a version other than the pinned one, gives a <see cref="CellDirectiveException"/> saying so.
    /// </summary>
    public IReadOnlyList<string> Resolve(PackageRequest request)
    {
        if (!Served.TryGetValue(request.Name, out var pinned))
        {
            throw new CellDirectiveException(request.Line,
                $"package '{request.Name}' is not served: a notebook may load only the packages pinned in Directory.Packages.props that the runner references ({string.Join(", ", Served.Keys.Order(StringComparer.OrdinalIgnoreCase))})");
        }

        if (request.Version is null)
        {
            throw new CellDirectiveException(request.Line, $"package '{request.Name}' has no version: pin it as #r \"nuget: {request.Name}, {pinned}\"");
        }

        if (!string.Equals(request.Version, pinned, StringComparison.OrdinalIgnoreCase))
        {
            throw new CellDirectiveException(request.Line,
                $"package '{request.Name}' is requested at version {request.Version}, but {pinned} is the version pinned in Directory.Packages.props");
        }

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([request.Name]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !_libraries.TryGetValue(name, out var library))
            {
                continue;
            }

            files.AddRange(library.RuntimeFiles.Select(f => Path.Combine(_assemblyFolder, f)).Where(File.Exists));
            foreach (var dependency in library.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return files;
    }

    private static Dictionary<string, DepsLibrary> ReadDeps(string depsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = new Dictionary<string, DepsLibrary>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                var name = library.Name.Split('/')[0];
                var dependencies = library.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name).ToList() : [];
                var runtime = library.Value.TryGetProperty("runtime", out var r) ? r.EnumerateObject().Select(p => Path.GetFileName(p.Name)).ToList() : [];
                libraries.TryAdd(name, new DepsLibrary(dependencies, runtime));
            }
        }

        return libraries;
    }

    private sealed record DepsLibrary(IReadOnlyList<string> Dependencies, IReadOnlyList<string> RuntimeFiles);
}
