using System.Text.RegularExpressions;

namespace BreastCancer.Analysis.Tests;

/// <summary>
/// The library's folders form layers that point one way (lib/BreastCancer.Analysis/README.md): a file may use its own
/// folder and the folders of the layers below its own, never another folder of its layer or a folder above it. A use
/// is a <c>using</c> of the folder's namespace, a name qualified by it (<c>BreastCancer.Analysis.Tuning.FinalModel</c>,
/// <c>Analysis.Tuning.FinalModel</c>, <c>Tuning.FinalModel</c>), in code or in a <c>cref</c>.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>The layers, bottom first: the one place their order is written. Files at the library's root use no folder.</summary>
    private static readonly string[][] Layers =
    [
        ["Data"],
        ["Exploration", "Pipeline"],
        ["Modeling", "Features"],
        ["Evaluation"],
        ["Selection", "Tuning"],
        ["Explanation", "Deployment"],
        ["Monitoring"],
        ["Charts"],
        ["Display"],
    ];

    private static readonly string Library = Path.Combine(Repository.Root, "lib", "BreastCancer.Analysis");

    [Fact]
    public void Every_folder_of_the_library_is_in_exactly_one_layer()
    {
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName).OfType<string>().Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal);

        Assert.Equal(folders, Layers.SelectMany(l => l).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        var wrong = SourceFiles().Select(file => (file.Path, Expected: "BreastCancer.Analysis" + string.Concat(Path.GetDirectoryName(file.Path)!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(part => "." + part)),
                Declared: Namespace().Match(file.Text).Groups["name"].Value))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{f.Path}: namespace {f.Declared}, but its folder is {f.Expected}");

        Assert.Empty(wrong);
    }

    [Fact]
    public void No_file_of_the_library_uses_a_folder_of_its_own_layer_or_above()
    {
        var files = SourceFiles();
        var types = TypesByFolder(files);

        var violations = files.SelectMany(file => Violations(file.Path, file.Text, types)).ToArray();

        Assert.True(violations.Length == 0, $"{violations.Length} uses point up or sideways:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public void The_check_reports_a_using_a_qualified_name_and_a_cref_that_point_up_and_passes_uses_that_point_down()
    {
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["Tuning"] = ["FinalModel"], ["Explanation"] = ["ShapExplainer"], ["Data"] = ["BreastCancerData"] };
        const string Text = """
            using BreastCancer.Analysis.Data;
            using BreastCancer.Analysis.Tuning;

            namespace BreastCancer.Analysis.Modeling;

            /// <summary>See <see cref="Explanation.ShapExplainer"/> and <see cref="Data.BreastCancerData"/>.</summary>
            internal static class Upward
            {
                public static object Of() => BreastCancer.Analysis.Monitoring.DriftReport.None;

                public static object Features => Analysis.Features.FeatureSelector.None;
            }
            """;

        var violations = Violations("Modeling/Upward.cs", Text, types);

        Assert.Equal(
        [
            "Modeling/Upward.cs:2: Modeling (layer 3: Modeling, Features) uses Tuning (layer 5: Selection, Tuning)",
            "Modeling/Upward.cs:6: Modeling (layer 3: Modeling, Features) uses Explanation (layer 6: Explanation, Deployment)",
            "Modeling/Upward.cs:9: Modeling (layer 3: Modeling, Features) uses Monitoring (layer 7: Monitoring)",
            "Modeling/Upward.cs:11: Modeling (layer 3: Modeling, Features) uses Features (layer 3: Modeling, Features)",
        ], violations);
    }

    /// <summary>Each use in <paramref name="text"/> (the file <paramref name="path"/>, relative to the library) of a folder not below its own: the file, the line and both layers.</summary>
    private static IEnumerable<string> Violations(string path, string text, Dictionary<string, HashSet<string>> typesByFolder)
    {
        var own = path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : null;
        var ownLayer = own is null ? -1 : LayerOf(own);
        var declaration = Namespace().Match(text);
        var uses = Qualified().Matches(text).Select(m => (m.Index, Folder: m.Groups["folder"].Value))
            .Concat(Relative().Matches(text)
                .Where(m => typesByFolder.TryGetValue(m.Groups["folder"].Value, out var types) && types.Contains(m.Groups["type"].Value))
                .Select(m => (m.Index, Folder: m.Groups["folder"].Value)))
            .Where(use => !(declaration.Success && use.Index >= declaration.Index && use.Index < declaration.Index + declaration.Length))
            .Where(use => use.Folder != own && LayerOf(use.Folder) is var layer && layer >= 0 && layer >= ownLayer)
            .OrderBy(use => use.Index);
        return uses.Select(use =>
            $"{path}:{text.AsSpan(0, use.Index).Count('\n') + 1}: {Describe(own)} uses {use.Folder} ({Describe(LayerOf(use.Folder))})");
    }

    private static string Describe(string? folder) => folder is null ? "the library's root (no layer)" : $"{folder} ({Describe(LayerOf(folder))})";

    private static string Describe(int layer) => $"layer {layer + 1}: {string.Join(", ", Layers[layer])}";

    private static int LayerOf(string folder) => Array.FindIndex(Layers, layer => layer.Contains(folder));

    /// <summary>The library's C# files, paths relative to it with forward slashes, without the build's output.</summary>
    private static (string Path, string Text)[] SourceFiles() =>
    [
        .. Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Library, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(Library, f)))),
    ];

    /// <summary>The names of the types declared in each top-level folder, to tell <c>Tuning.FinalModel</c> from a property's member.</summary>
    private static Dictionary<string, HashSet<string>> TypesByFolder((string Path, string Text)[] files) =>
        files.Where(f => f.Path.Contains('/', StringComparison.Ordinal))
            .GroupBy(f => f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary><c>BreastCancer.Analysis.X</c> or <c>Analysis.X</c> (not <c>Microsoft.Data.Analysis.X</c>).</summary>
    [GeneratedRegex(@"(?<![\w.])(?:BreastCancer\.)?Analysis\.(?<folder>[A-Z]\w*)")]
    private static partial Regex Qualified();

    /// <summary><c>X.Type</c>, a folder's name used as a namespace relative to <c>BreastCancer.Analysis</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<folder>[A-Z]\w*)\.(?<type>[A-Z]\w*)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();
}
