using System.Text.Json.Nodes;

namespace Workbook.Notebooks;

/// <summary>
/// The metadata VS Code's Polyglot Notebooks extension writes into a C# notebook (see shared/notes/REFERENCE.md,
/// after dotnet/interactive's Jupyter serializer): the kernelspec, the kernel list, and each code cell's kernel.
/// </summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name of C# cells.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>The kernel a code cell names: <c>polyglot_notebook.kernelName</c>, then <c>dotnet_interactive.language</c>, else C#.</summary>
    public static string KernelNameOf(JsonObject cellMetadata) =>
        cellMetadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cellMetadata["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? CSharpKernel;

    /// <summary>Adds what a Polyglot C# notebook's top-level metadata must carry, keeping what is there.</summary>
    public static void CompleteNotebook(JsonObject metadata)
    {
        metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernel,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = CSharpKernel }),
            },
        };
    }

    /// <summary>Adds the two kernel entries VS Code writes on every code cell, keeping what is there.</summary>
    public static void CompleteCodeCell(JsonObject metadata, string kernelName)
    {
        metadata["dotnet_interactive"] ??= new JsonObject { ["language"] = kernelName };
        metadata["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = kernelName };
    }
}
