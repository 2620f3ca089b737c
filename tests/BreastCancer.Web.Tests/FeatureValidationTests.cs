using System.Net;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Web.Tests;

/// <summary>Every one of the 30 features, made bad in each way, gives a 400 whose errors name that feature, and only it.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class FeatureValidationTests(TrainedModel model)
{
    private static readonly string[] Kinds = ["missing", "null", "text", "NaN string", "bare NaN", "negative", "absurd"];

    public static TheoryData<string, string> FeaturesAndKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in FeatureCatalog.WdbcFeatures)
        {
            foreach (var kind in Kinds)
            {
                data.Add(feature, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FeaturesAndKinds))]
    public async Task A_bad_value_is_refused_naming_its_feature(string feature, string kind)
    {
        var body = Patients.One(model.Wdbc.Row(0));
        var features = body["features"]!.AsObject();
        const string Marker = "\"__bare_nan__\"";
        switch (kind)
        {
            case "missing":
                features.Remove(feature);
                break;
            case "null":
                features[feature] = null;
                break;
            case "text":
                features[feature] = "large";
                break;
            case "NaN string":
                features[feature] = "NaN";
                break;
            case "bare NaN":
                features[feature] = "__bare_nan__";
                break;
            case "negative":
                features[feature] = -1.5;
                break;
            case "absurd":
                features[feature] = 1e6;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        var response = await model.App.CreateClient().PostAsync("/api/predict", Patients.Json(body.ToJsonString().Replace(Marker, "NaN", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await Patients.ErrorsAsync(response);
        var reason = Assert.Single(Assert.Single(errors, e => e.Key == $"features.{feature}").Value);
        Assert.Single(errors);
        var expected = kind switch
        {
            "missing" => "missing",
            "null" => "not null",
            "text" or "NaN string" => "not the string",
            "bare NaN" => "NaN",
            "negative" => "negative",
            _ => "at most",
        };
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_field_of_one_request_is_named_at_once()
    {
        var body = Patients.One(model.Wdbc.Row(0));
        var features = body["features"]!.AsObject();
        features.Remove("texture_mean");
        features["radius_mean"] = null;
        features["area_worst"] = -3;
        features["symmetry_se"] = JsonValue.Create("0.02");
        var response = await model.App.CreateClient().PostAsync("/api/predict", Patients.Json(body));

        var errors = await Patients.ErrorsAsync(response);
        Assert.Equal(["features.area_worst", "features.radius_mean", "features.symmetry_se", "features.texture_mean"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
