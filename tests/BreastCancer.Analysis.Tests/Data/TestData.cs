using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Tests.Data;

/// <summary>Small WBCO-shaped data sets written as CSV and loaded, for tests that need exact, hand-checkable values.</summary>
internal static class TestData
{
    /// <summary>A WBCO file with the given rows: (id, nine scores with null for missing, malignant).</summary>
    public static BreastCancerData Wbco(TempFiles files, params (string Id, double?[] Scores, bool Malignant)[] rows)
    {
        var text = new StringBuilder("id," + string.Join(",", FeatureCatalog.WbcoFeatures) + ",class\n");
        foreach (var (id, scores, malignant) in rows)
        {
            text.Append(id).Append(',')
                .Append(string.Join(",", scores.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "")))
                .Append(malignant ? ",M\n" : ",B\n");
        }

        return DataLoader.Load(files.Write($"wbco-{Guid.NewGuid():N}.csv", text.ToString()));
    }

    /// <summary>Nine scores, all <paramref name="value"/>, except feature <paramref name="at"/> set to <paramref name="other"/>.</summary>
    public static double?[] Scores(double value, int at = -1, double? other = null) =>
        [.. Enumerable.Range(0, 9).Select(i => i == at ? other : (double?)value)];
}
