using BreastCancer.Analysis.Data;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Class balance of one or more data sets: grouped bars of rows per class, one bar group per data set.</summary>
public static class ClassBalanceChart
{
    /// <summary>A grouped bar chart of <paramref name="overviews"/>, bars coloured by class (<see cref="ClassColors"/>).</summary>
    public static GenericChart Create(params IReadOnlyList<DatasetOverview> overviews)
    {
        ArgumentNullException.ThrowIfNull(overviews);
        var labels = overviews.SelectMany(o => o.ClassCounts.Select(c => c.Label)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var bars = labels.Select(label =>
        {
            var counts = overviews.Select(o => o.ClassCounts.FirstOrDefault(c => c.Label == label)?.Count ?? 0).ToList();
            var shares = overviews.Select(o => o.ClassCounts.FirstOrDefault(c => c.Label == label)?.Fraction ?? 0).ToList();
            return Chart.Column<int, string, string>(
                    values: counts,
                    Keys: overviews.Select(o => o.Name).ToList(),
                    Name: label,
                    MultiText: shares.Select(s => s.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                    MarkerColor: ClassColors.Of(label));
        });
        return Chart.Combine(bars)
            .WithXAxisStyle<string, string, string>(TitleText: "data set")
            .WithYAxisStyle<int, int, string>(TitleText: "rows")
            .WithSize(640, 400);
    }
}
