using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Prediction;

namespace BreastCancer.Web.Tests;

/// <summary>The validator on its own, with hand-made training ranges (each feature 1–2, except radius_mean 10–20).</summary>
public sealed class PatientValidatorTests
{
    private static readonly FeatureRange[] Ranges =
        [.. FeatureCatalog.WdbcFeatures.Select(f => f == "radius_mean" ? new FeatureRange(f, 10, 20, 15, 2) : new FeatureRange(f, 0.01, 2, 1, 0.5))];

    private static Dictionary<string, string?> Valid() => FeatureCatalog.WdbcFeatures.ToDictionary(f => f, f => (string?)(f == "radius_mean" ? "15" : "1"));

    [Fact]
    public void Valid_values_come_back_in_the_cards_order_without_warnings()
    {
        var fields = Valid();
        fields["texture_worst"] = "1.25";
        var errors = new ValidationErrors();
        var check = new PatientValidator(Ranges, rejectOutOfRange: false).ValidateText(fields, errors);

        Assert.False(errors.Any);
        Assert.Equal(15, check.Values![0]);
        Assert.Equal(1.25, check.Values[FeatureCatalog.WdbcFeatures.ToList().IndexOf("texture_worst")]);
        Assert.Empty(check.Warnings);
    }

    [Fact]
    public void Out_of_range_values_warn_with_the_range_or_are_errors_when_rejected()
    {
        var fields = Valid();
        fields["radius_mean"] = "25";
        var warned = new PatientValidator(Ranges, rejectOutOfRange: false).ValidateText(fields, new ValidationErrors());
        var warning = Assert.Single(warned.Warnings);
        Assert.Equal(new RangeWarning("radius_mean", 25, 10, 20, "radius_mean = 25 is outside the training range 10–20: the model extrapolates"), warning);

        var errors = new ValidationErrors();
        var rejected = new PatientValidator(Ranges, rejectOutOfRange: true).ValidateText(fields, errors);
        Assert.Null(rejected.Values);
        Assert.Equal("is outside the training range 10–20 (got 25), which this server rejects", Assert.Single(errors.For("radius_mean")));
    }

    [Theory]
    [InlineData("radius_mean", "0", "must be more than 0")]
    [InlineData("area_worst", "0", "must be more than 0")]
    [InlineData("concavity_mean", "-0.001", "must not be negative")]
    [InlineData("smoothness_mean", "1.5", "must be at most 1, the physical bound for smoothness")]
    [InlineData("fractal_dimension_worst", "3", "must be at most 1, the physical bound for fractal dimension")]
    [InlineData("area_mean", "1e6", "must be at most 200000")]
    [InlineData("texture_se", "Infinity", "not NaN or infinite")]
    [InlineData("texture_se", "NaN", "not NaN or infinite")]
    [InlineData("perimeter_mean", "12,5", "must be a number")]
    [InlineData("perimeter_mean", "  ", "is missing")]
    public void Impossible_form_values_are_named_with_the_reason(string feature, string text, string reason)
    {
        var fields = Valid();
        fields[feature] = text;
        var errors = new ValidationErrors();
        var check = new PatientValidator(Ranges, rejectOutOfRange: false).ValidateText(fields, errors);

        Assert.Null(check.Values);
        Assert.Equal([feature], errors.Fields);
        Assert.Contains(reason, Assert.Single(errors.For(feature)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_error_of_a_size_and_a_concavity_may_be_zero()
    {
        var fields = Valid();
        fields["radius_se"] = "0";
        fields["concavity_worst"] = "0";
        var errors = new ValidationErrors();
        Assert.NotNull(new PatientValidator(Ranges, rejectOutOfRange: false).ValidateText(fields, errors).Values);
        Assert.False(errors.Any);
    }

    [Fact]
    public void Json_fields_given_twice_unknown_or_of_the_wrong_kind_are_each_named_under_the_prefix()
    {
        var json = "{" + string.Join(",", FeatureCatalog.WdbcFeatures.Select(f => f switch
        {
            "radius_mean" => "\"radius_mean\": 15, \"radius_mean\": 16",
            "texture_mean" => "\"texture_mean\": true",
            "area_mean" => "\"area_mean\": [1]",
            _ => $"\"{f}\": 1",
        })) + ", \"colour\": 3}";
        var errors = new ValidationErrors();
        using var document = JsonDocument.Parse(json);
        var check = new PatientValidator(Ranges, rejectOutOfRange: false).ValidateJson(document.RootElement, "patients[4].features.", errors);

        Assert.Null(check.Values);
        Assert.Equal(["patients[4].features.area_mean", "patients[4].features.colour", "patients[4].features.radius_mean", "patients[4].features.texture_mean"],
            errors.Fields.Order(StringComparer.Ordinal));
        Assert.Equal("is given more than once", Assert.Single(errors.For("patients[4].features.radius_mean")));
        Assert.Equal("must be a JSON number, not a boolean", Assert.Single(errors.For("patients[4].features.texture_mean")));
    }

    [Fact]
    public void Every_row_of_WDBC_is_within_the_physical_bounds_and_a_million_is_beyond_every_one()
    {
        var wdbc = DataLoader.Load(Path.Combine(BreastCancer.Web.Models.RepositoryPaths.Root(AppContext.BaseDirectory), "data", "wdbc.csv"));
        for (var r = 0; r < wdbc.RowCount; r++)
        {
            for (var f = 0; f < wdbc.FeatureCount; f++)
            {
                Assert.Null(FeatureBounds.Problem(wdbc.FeatureNames[f], wdbc[r, f]));
            }
        }

        Assert.All(FeatureCatalog.WdbcFeatures, f => Assert.NotNull(FeatureBounds.Problem(f, 1e6)));
    }
}
