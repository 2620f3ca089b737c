namespace Workbook.Tests.Support;

/// <summary>The setup every notebook of the study opens with, for test notebooks that live elsewhere.</summary>
internal static class StudySetup
{
    private const string LibraryPath = "../lib/BreastCancer.Analysis/bin/BreastCancer.Analysis.dll";

    /// <summary>The first code cell of notebooks/00-overview.ipynb (the packages, then the library), the library's path made absolute.</summary>
    public static string PackagesCell { get; } = ReadPackagesCell();

    /// <summary>Registers the workbook's formatters, as each notebook's second code cell does.</summary>
    public const string FormattersCell = "using BreastCancer.Analysis.Display;\nNotebookFormatters.Register();";

    private static string ReadPackagesCell()
    {
        var source = NotebookJson.Source(NotebookJson.CodeCells(Path.Combine(Repository.NotebooksFolder, "00-overview.ipynb"))[0]);
        Assert.Contains(LibraryPath, source, StringComparison.Ordinal);
        return source.Replace(LibraryPath, Path.Combine(Repository.Root, "lib", "BreastCancer.Analysis", "bin", "BreastCancer.Analysis.dll"), StringComparison.Ordinal);
    }
}
