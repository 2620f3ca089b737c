namespace BreastCancer.Analysis.Data;

/// <summary>
/// Where the study's data files are: the <c>data/</c> folder of the repository, found by walking up from the current
/// directory (a notebook's folder, the runner's or a test's) to the folder that holds <c>data/wdbc.csv</c>.
/// </summary>
public static class DataFiles
{
    /// <summary>The repository's <c>data/</c> folder; a clear error when no folder above the current one has it.</summary>
    public static string Folder
    {
        get
        {
            for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "wdbc.csv")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"no data/wdbc.csv in {Environment.CurrentDirectory} or any folder above it: run from inside the repository");
        }
    }

    /// <summary>Wisconsin Diagnostic Breast Cancer: 569 rows, diagnosis (M/B) and 30 nuclear features (see data/README.md).</summary>
    public static string Wdbc => Path.Combine(Folder, "wdbc.csv");

    /// <summary>Wisconsin Breast Cancer Original: 699 rows, id, nine cytology scores 1–10 and class (M/B) (see data/README.md).</summary>
    public static string Wbco => Path.Combine(Folder, "wbco.csv");
}
