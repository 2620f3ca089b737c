using System.Globalization;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Consistency;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class ConsistencyChecksTests : IDisposable
{
    private static readonly string[] Lines = File.ReadAllLines(Repository.Data("wdbc.csv"));
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Rows_made_to_obey_every_rule_pass_every_check()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 80).Select(_ => IdealRow(random)).ToList();

        var report = ConsistencyChecks.Run(Load(rows));

        Assert.All(report.Results, r => Assert.True(r.Passed, $"{r.Name}: {r.Violations.Count} violations"));
        Assert.Equal(80, report.Results[0].RowsChecked);
    }

    [Fact]
    public void Planted_violations_are_found_at_their_rows_with_their_size()
    {
        var random = new Random(4);
        var rows = Enumerable.Range(0, 80).Select(_ => IdealRow(random)).ToList();
        rows[10][Index("area_mean")] *= 1.6;
        rows[20][Index("perimeter_worst")] *= 0.5;
        rows[30][Index("texture_worst")] = rows[30][Index("texture_mean")] * 0.5;

        var report = ConsistencyChecks.Run(Load(rows));

        var area = report.Results.Single(r => r.Name == "area ≈ π·radius² (mean)");
        Assert.Equal(10, Assert.Single(area.Violations).Row);
        Assert.Equal(12, area.Violations[0].Line);
        Assert.True(area.Violations[0].Deviation > ConsistencyChecks.RobustDeviations);
        Assert.Contains(report.Results.Single(r => r.Name == "perimeter ≈ 2π·radius (worst)").Violations, v => v.Row == 20 && v.Deviation < 0);
        var worst = Assert.Single(report.Results.Single(r => r.Name == "texture: worst ≥ mean").Violations);
        Assert.Equal(30, worst.Row);
        Assert.Equal(rows[30][Index("texture_mean")] * 0.5, worst.Deviation, 12);
        Assert.Equal([10, 20, 30], report.RowsWithViolations.Intersect([10, 20, 30]));
    }

    [Fact]
    public void The_tolerance_is_estimated_from_the_data_and_stated()
    {
        var report = ConsistencyChecks.Run(DataLoader.Load(Repository.Data("wdbc.csv")));

        var area = report.Results.Single(r => r.Name == "area ≈ π·radius² (mean)");
        var ratios = Lines.Skip(1).Select(l => l.Split(',')).Select(f => double.Parse(f[4], CultureInfo.InvariantCulture) / (Math.PI * Math.Pow(double.Parse(f[1], CultureInfo.InvariantCulture), 2))).Order().ToList();
        Assert.Equal(ratios[ratios.Count / 2], area.Typical!.Value, 12);
        Assert.StartsWith("estimated: typical ratio 0.981", area.Tolerance, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Name.Contains(" ≥ ", StringComparison.Ordinal)), r => Assert.True(r.Passed, r.Name));
    }

    [Fact]
    public void Wbco_scores_are_checked_as_whole_numbers_from_one_to_ten_skipping_missing_cells()
    {
        var report = ConsistencyChecks.Run(DataLoader.Load(Repository.Data("wbco.csv")));

        Assert.Equal(9, report.Results.Count);
        Assert.All(report.Results, r => Assert.True(r.Passed));
        Assert.Equal(699 - 16, report.Results.Single(r => r.Name.StartsWith("bare_nuclei", StringComparison.Ordinal)).RowsChecked);
    }

    private static int Index(string feature) => FeatureCatalog.WdbcFeatures.ToList().IndexOf(feature);

    /// <summary>A WDBC row that obeys every rule exactly: round nuclei (area = πr², perimeter = 2πr, compactness 0.1 × (P²/4πA − 1 + 1)).</summary>
    private static double[] IdealRow(Random random)
    {
        var row = new double[30];
        for (var i = 0; i < 30; i++)
        {
            row[i] = 0.05 + random.NextDouble();
        }

        foreach (var (statistic, offset) in new[] { ("mean", 0), ("worst", 20) })
        {
            var radius = 10 + 5 * random.NextDouble() + (offset == 20 ? 5 : 0);
            var jitter = 1 + 0.01 * (random.NextDouble() - 0.5);
            row[Index($"radius_{statistic}")] = radius;
            row[Index($"area_{statistic}")] = Math.PI * radius * radius * jitter;
            row[Index($"perimeter_{statistic}")] = 2 * Math.PI * radius * 1.03;
            var shape = Math.Pow(row[Index($"perimeter_{statistic}")], 2) / (4 * Math.PI * row[Index($"area_{statistic}")]) - 1;
            row[Index($"compactness_{statistic}")] = shape * (1 + 0.01 * (random.NextDouble() - 0.5));
        }

        for (var p = 0; p < 10; p++)
        {
            row[20 + p] = Math.Max(row[20 + p], row[p] + 0.5);
        }

        return row;
    }

    private BreastCancerData Load(List<double[]> rows)
    {
        var text = Lines[0] + "\n" + string.Join("\n", rows.Select((r, i) => (i % 2 == 0 ? "M," : "B,") + string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) + "\n";
        return DataLoader.Load(_files.Write($"ideal-{Guid.NewGuid():N}.csv", text));
    }
}
