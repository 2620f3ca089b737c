using System.Globalization;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Data.Consistency;

/// <summary>
/// Checks that a data set's measurements agree with the geometry they describe. For WDBC (Street et al. 1993):
/// area ≈ π·radius² and perimeter ≈ 2π·radius (means and worst values), compactness ≈ perimeter² / (4π·area) − 1
/// (the UCI description writes perimeter²/area − 1.0; the values, near 0 for round nuclei, show the 4π
/// normalisation), worst ≥ mean for every property, and standard errors ≥ 0. The approximate relations hold only
/// roughly (they relate means of per-nucleus values), so their tolerance is estimated from the data: a row violates
/// one when its log ratio observed/expected lies more than <see cref="RobustDeviations"/> robust standard deviations
/// (1.4826 × the median absolute deviation) from the median log ratio. For WBCO: every score a whole number from 1 to 10.
/// </summary>
public static class ConsistencyChecks
{
    /// <summary>How many robust standard deviations from the typical ratio a row may lie: 5.</summary>
    public const double RobustDeviations = 5;

    /// <summary>Every check that applies to the data set's kind.</summary>
    public static ConsistencyReport Run(BreastCancerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ConsistencyReport(data.Source, data.Kind == DataSetKind.Wdbc ? Wdbc(data) : Wbco(data));
    }

    private static List<ConsistencyResult> Wdbc(BreastCancerData data)
    {
        var results = new List<ConsistencyResult>();
        foreach (var statistic in new[] { "mean", "worst" })
        {
            var radius = data.Column($"radius_{statistic}");
            var area = data.Column($"area_{statistic}");
            var perimeter = data.Column($"perimeter_{statistic}");
            var compactness = data.Column($"compactness_{statistic}");
            results.Add(Ratio(data, $"area ≈ π·radius² ({statistic})", "area / (π · radius²) ≈ 1 for a round nucleus",
                area, radius.Select(r => Math.PI * r * r).ToArray()));
            results.Add(Ratio(data, $"perimeter ≈ 2π·radius ({statistic})", "perimeter / (2π · radius) ≈ 1 for a round nucleus",
                perimeter, radius.Select(r => 2 * Math.PI * r).ToArray()));
            results.Add(Ratio(data, $"compactness ≈ perimeter²/(4π·area) − 1 ({statistic})", "compactness / (perimeter² / (4π · area) − 1) ≈ constant",
                compactness, perimeter.Zip(area, (p, a) => p * p / (4 * Math.PI * a) - 1).ToArray()));
        }

        foreach (var property in FeatureCatalog.WdbcProperties)
        {
            var mean = data.Column($"{property}_mean");
            var worst = data.Column($"{property}_worst");
            results.Add(Bound(data, $"{property}: worst ≥ mean", "the mean of the three largest values is at least the mean of all",
                Enumerable.Range(0, data.RowCount).Select(r => (worst[r], mean[r])).ToArray()));
        }

        foreach (var property in FeatureCatalog.WdbcProperties)
        {
            var se = data.Column($"{property}_se");
            results.Add(Bound(data, $"{property}: standard error ≥ 0", "a standard error is never negative",
                se.Select(v => (v, 0.0)).ToArray()));
        }

        return results;
    }

    private static List<ConsistencyResult> Wbco(BreastCancerData data) =>
    [
        .. data.FeatureNames.Select(feature =>
        {
            var values = data.Column(feature);
            var checkedRows = Enumerable.Range(0, data.RowCount).Where(r => !double.IsNaN(values[r])).ToList();
            var violations = checkedRows.Where(r => values[r] != Math.Floor(values[r]) || values[r] < 1 || values[r] > 10)
                .Select(r => new ConsistencyViolation(r, data.SourceLines[r], values[r], Math.Clamp(Math.Round(values[r]), 1, 10), Math.Abs(values[r] - Math.Clamp(Math.Round(values[r]), 1, 10))))
                .ToList();
            return new ConsistencyResult($"{feature}: whole score 1–10", "cytology scores are whole numbers from 1 to 10 (Wolberg & Mangasarian 1990)",
                "exact", null, checkedRows.Count, violations);
        }),
    ];

    private static ConsistencyResult Ratio(BreastCancerData data, string name, string rule, double[] observed, double[] expected)
    {
        var rows = Enumerable.Range(0, data.RowCount).Where(r => double.IsFinite(observed[r]) && double.IsFinite(expected[r])).ToList();
        var positive = rows.Where(r => observed[r] > 0 && expected[r] > 0).ToList();
        var logs = positive.Select(r => Math.Log(observed[r] / expected[r])).ToArray();
        var centre = logs.Median();
        var spread = 1.4826 * logs.Select(l => Math.Abs(l - centre)).Median();
        var typical = Math.Exp(centre);
        var violations = rows
            .Select(r =>
            {
                if (observed[r] <= 0 || expected[r] <= 0)
                {
                    return observed[r] == expected[r] ? null : new ConsistencyViolation(r, data.SourceLines[r], observed[r], expected[r] * typical, double.PositiveInfinity);
                }

                var deviation = (Math.Log(observed[r] / expected[r]) - centre) / spread;
                return Math.Abs(deviation) > RobustDeviations ? new ConsistencyViolation(r, data.SourceLines[r], observed[r], expected[r] * typical, deviation) : null;
            })
            .OfType<ConsistencyViolation>()
            .OrderByDescending(v => Math.Abs(v.Deviation))
            .ToList();
        var band = (Low: Math.Exp(centre - RobustDeviations * spread), High: Math.Exp(centre + RobustDeviations * spread));
        var tolerance = string.Create(CultureInfo.InvariantCulture,
            $"estimated: typical ratio {typical:F3}, robust SD {spread:F3} (log scale); rows with a ratio outside {band.Low:F3}–{band.High:F3} violate it");
        return new ConsistencyResult(name, rule, tolerance, typical, rows.Count, violations);
    }

    private static ConsistencyResult Bound(BreastCancerData data, string name, string rule, (double Value, double Bound)[] pairs)
    {
        var rows = Enumerable.Range(0, data.RowCount).Where(r => double.IsFinite(pairs[r].Value) && double.IsFinite(pairs[r].Bound)).ToList();
        var violations = rows.Where(r => pairs[r].Value < pairs[r].Bound)
            .Select(r => new ConsistencyViolation(r, data.SourceLines[r], pairs[r].Value, pairs[r].Bound, pairs[r].Bound - pairs[r].Value))
            .OrderByDescending(v => v.Deviation)
            .ToList();
        return new ConsistencyResult(name, rule, "exact", null, rows.Count, violations);
    }
}
