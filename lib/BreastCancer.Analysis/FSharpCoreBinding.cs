using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace BreastCancer.Analysis;

/// <summary>
/// Binds every request for FSharp.Core to the FSharp.Core a process has already loaded, when both share a major
/// version: the .NET counterpart of a binding redirect. The .NET Interactive kernel (1.0.712001, VS Code and Jupyter)
/// loads its own FSharp.Core 10.0.0.0 at start for F#'s NuGet resolver, and Plotly.NET 6.0.0, the only version the
/// registry serves, is compiled against 10.1.0.0; without this every chart fails with
/// <see cref="FileNotFoundException"/>. Installed by the module initializer, which the runtime runs once per loaded
/// copy of the library, when that copy is first used (a kernel that loads the library again gets an equivalent handler).
/// </summary>
public static class FSharpCoreBinding
{
    private const string AssemblyName = "FSharp.Core";

    /// <summary>Installs the handler; the runtime calls it, as the library's module initializer.</summary>
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Notebooks load the library by path in a kernel that already holds an older FSharp.Core; the handler must be in place before any chart type is loaded, and no notebook should have to install it.")]
    [ModuleInitializer]
    internal static void Install() =>
        AssemblyLoadContext.Default.Resolving += (_, requested) => Resolve(requested, AppDomain.CurrentDomain.GetAssemblies());

    /// <summary>
    /// The loaded FSharp.Core that answers <paramref name="requested"/>: the one among <paramref name="loaded"/> whose
    /// major version is the requested one (F# keeps FSharp.Core backward compatible within a major version); null for
    /// any other assembly, or when none fits, so that the usual failure stands.
    /// </summary>
    public static Assembly? Resolve(AssemblyName requested, IEnumerable<Assembly> loaded)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(loaded);
        if (!string.Equals(requested.Name, AssemblyName, StringComparison.Ordinal) || requested.Version is null)
        {
            return null;
        }

        return loaded.FirstOrDefault(a => a.GetName() is { Name: AssemblyName, Version: { } v } && v.Major == requested.Version.Major);
    }
}
