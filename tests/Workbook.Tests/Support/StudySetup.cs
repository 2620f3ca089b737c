namespace Workbook.Tests.Support;

/// <summary>The setup every notebook of the study opens with, for test notebooks that live elsewhere.</summary>
internal static class StudySetup
{
    private const string SetupLoad = "#load \"setup.csx\"";

    /// <summary>
    /// The first code cell of notebooks/00-overview.ipynb (the packages, then notebooks/setup.csx: the library, its
    /// namespaces and the formatters), the setup file's path made absolute.
    /// </summary>
    public static string PackagesCell { get; } = ReadPackagesCell();

    /// <summary>Registers the workbook's formatters (again), as notebooks/setup.csx does.</summary>
    public const string FormattersCell = "using BreastCancer.Analysis.Display;\nNotebookFormatters.Register();";

    private static string ReadPackagesCell()
    {
        var source = NotebookJson.Source(NotebookJson.CodeCells(Path.Combine(Repository.NotebooksFolder, "00-overview.ipynb"))[0]);
        Assert.Contains(SetupLoad, source, StringComparison.Ordinal);
        return source.Replace(SetupLoad, $"#load \"{Path.Combine(Repository.NotebooksFolder, "setup.csx")}\"", StringComparison.Ordinal);
    }
}
