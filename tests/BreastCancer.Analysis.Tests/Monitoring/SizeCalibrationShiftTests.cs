using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class SizeCalibrationShiftTests
{
    [Fact]
    public void Lengths_scale_by_the_factor_areas_by_its_square_and_the_rest_stay()
    {
        var features = FeatureCatalog.WdbcFeatures;
        var row = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();

        var shifted = Assert.Single(SizeCalibrationShift.Apply([row], features, 1.15));

        for (var f = 0; f < 30; f++)
        {
            var expected = features[f] switch
            {
                "radius_mean" or "radius_se" or "radius_worst" or "perimeter_mean" or "perimeter_se" or "perimeter_worst" => row[f] * 1.15,
                "area_mean" or "area_se" or "area_worst" => row[f] * 1.3225,
                _ => row[f],
            };
            Assert.Equal(expected, shifted[f], 12);
        }

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (double)i), row);
    }

    [Fact]
    public void The_area_of_a_circle_stays_the_area_of_its_shifted_radius()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var (radius, area) = (wdbc.IndexOf("radius_mean"), wdbc.IndexOf("area_mean"));
        var rows = wdbc.ToArray();

        var shifted = SizeCalibrationShift.Apply(rows, wdbc.FeatureNames, 1.15);

        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(shifted[r][area] / (shifted[r][radius] * shifted[r][radius]), rows[r][area] / (rows[r][radius] * rows[r][radius]), 9);
        }
    }

    [Fact]
    public void Bad_factors_rows_and_features_are_refused()
    {
        var features = FeatureCatalog.WdbcFeatures;

        Assert.Throws<ArgumentOutOfRangeException>(() => SizeCalibrationShift.Apply([], features, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SizeCalibrationShift.Apply([], features, double.NaN));
        Assert.Contains("row 1 has 2 values for 30 features", Assert.Throws<ArgumentException>(() => SizeCalibrationShift.Apply([[1.0, 2.0]], features, 1.1)).Message, StringComparison.Ordinal);
        Assert.Contains("nothing to shift", Assert.Throws<ArgumentException>(() => SizeCalibrationShift.Apply([[1.0]], ["texture_mean"], 1.1)).Message, StringComparison.Ordinal);
    }
}
