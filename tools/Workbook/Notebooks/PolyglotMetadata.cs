using Microsoft.DotNet.Interactive.Documents;

namespace Workbook.Notebooks;

/// <summary>
/// The metadata VS Code's Polyglot Notebooks extension writes into a C# notebook (see shared/notes/REFERENCE.md,
/// after dotnet/interactive's Jupyter serializer): the kernelspec of the <c>.net-csharp</c> Jupyter kernel and the
/// kernel list.
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name of C# cells.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>The other names a cell may give the C# kernel, as the tool registers them.</summary>
    public static readonly IReadOnlyList<string> CSharpAliases = ["c#", "C#"];

    /// <summary>The kernels a notebook's cells may name, as the serializer needs them to read kernel names and aliases.</summary>
    public static KernelInfoCollection KernelInfos() =>
        new() { new KernelInfo(CSharpKernel, "C#", [.. CSharpAliases]) };

    /// <summary>Adds what a Polyglot C# notebook's top-level metadata must carry, keeping what is there.</summary>
    public static void CompleteNotebook(IDictionary<string, object> metadata)
    {
        metadata.TryAdd("kernelspec", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        });
        metadata.TryAdd("language_info", new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = "polyglot-notebook" });
        metadata.TryAdd("polyglot_notebook", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kernelInfo"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["defaultKernelName"] = CSharpKernel,
                ["items"] = new object[] { new Dictionary<string, object>(StringComparer.Ordinal) { ["aliases"] = Array.Empty<string>(), ["name"] = CSharpKernel } },
            },
        });
    }
}
