using System.Text.RegularExpressions;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>
/// Notebook 06 writes its hyperparameter grids in its cells, where the reader sees them; the benchmarks and the web
/// app's default model search the same grids from the library's <c>StudyGrids</c>. Each grid as the notebook declares
/// it is evaluated in the kernel beside the library's, so that the two cannot drift apart.
/// </summary>
public sealed partial class NotebookGridTests : IDisposable
{
    private const string Describe = """
        #r "{library}"
        using System.Globalization;
        using BreastCancer.Analysis.Tuning;

        static string Describe(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid) =>
            string.Join("; ", grid.Select(a => $"{a.Name}: {string.Join(", ", a.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}"));
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("svmAxes", "RbfSvm")]
    [InlineData("lrAxes", "LogisticRegression")]
    [InlineData("forestAxes", "RandomForest")]
    public async Task A_grid_notebook_06_writes_in_its_cell_equals_the_library_grid_the_benchmarks_and_the_app_search(string variable, string studyGrid)
    {
        var notebook = string.Join("\n", NotebookJson.CodeCells(Path.Combine(Repository.NotebooksFolder, "06-tuning.ipynb")).Select(NotebookJson.Source));
        var declaration = Declaration().Matches(notebook).Single(m => m.Groups["name"].Value == variable).Value;
        var library = Path.Combine(Repository.Root, "lib", "BreastCancer.Analysis", "bin", "BreastCancer.Analysis.dll");

        var run = await Session.RunAsync(_folder, Code(Describe.Replace("{library}", library, StringComparison.Ordinal)),
            Code($"{declaration}\nDescribe({variable})"), Code($"Describe(StudyGrids.{studyGrid})"));

        Assert.True(run.Succeeded, run.Error?.Message);
        var written = run.CodeCells()[1].Result().Text();
        Assert.Contains(": ", written, StringComparison.Ordinal);
        Assert.Equal(run.CodeCells()[2].Result().Text(), written);
    }

    /// <summary>A grid's declaration in a cell: its axes, from the type to the end of the collection.</summary>
    [GeneratedRegex(@"\(string Name, IReadOnlyList<double> Values\)\[\] (?<name>\w+) =.*?\];", RegexOptions.Singleline)]
    private static partial Regex Declaration();
}
