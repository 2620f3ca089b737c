using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed partial class FormTests(TrainedModel model)
{
    [Fact]
    public async Task The_form_has_the_30_inputs_in_three_fieldsets_each_labelled_with_its_unit_and_training_range()
    {
        var html = await model.App.CreateClient().GetStringAsync("/");

        Assert.Equal(3, Regex.Count(html, "<fieldset>"));
        foreach (var range in model.Saved.Card.Features)
        {
            Assert.Matches($"<label for=\"{range.Name}\">[^<]+<span class=\"unit\">\\([^)]+\\)</span></label>", html);
            Assert.Matches($"<input type=\"text\" inputmode=\"decimal\" id=\"{range.Name}\" name=\"{range.Name}\" value=\"\"", html);
            Assert.Contains($"<span class=\"range\" id=\"{range.Name}-range\">training range {Format(range.Min)}–{Format(range.Max)}</span>", html, StringComparison.Ordinal);
        }

        Assert.Equal(30, InputPattern().Count(html));
        Assert.Contains("(grey levels)", html, StringComparison.Ordinal);
        Assert.Contains("(image length units squared)", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("benign", false)]
    [InlineData("malignant", true)]
    public async Task The_example_links_fill_in_the_typical_correctly_classified_training_patient(string example, bool malignant)
    {
        var training = model.Wdbc.Subset(model.Split.Train);
        var rows = training.ToArray();
        var cases = PatientCases.Pick(model.Saved.PredictProbability(rows), training.IsMalignant, model.Saved.Card.Threshold.Threshold);
        var expected = rows[(malignant ? cases.Malignant : cases.Benign).Row];

        var html = await model.App.CreateClient().GetStringAsync($"/?example={example}");

        Assert.Contains($"href=\"/?example={example}\"", html, StringComparison.Ordinal);
        for (var f = 0; f < 30; f++)
        {
            Assert.Equal(expected[f], double.Parse(FieldValue(html, FeatureCatalog.WdbcFeatures[f]), CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Posting_a_valid_patient_shows_the_probability_decision_contributions_version_and_the_statement()
    {
        var client = model.App.CreateClient();
        var token = Token(await client.GetStringAsync("/"));
        var row = model.Wdbc.Subset(model.Split.Test).Row(0);
        var fields = Fields(row);
        fields["__RequestVerificationToken"] = token;

        var response = await client.PostAsync("/", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var p = model.Saved.PredictProbability([row])[0];
        Assert.Contains($"<strong id=\"probability\">{p.ToString("P1", CultureInfo.InvariantCulture)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(model.Saved.Decide([p])[0] ? ">Biopsy recommended" : ">Biopsy not recommended", html, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"model-version\">{model.Saved.Version}</span>", html, StringComparison.Ordinal);
        Assert.Contains("A research model's estimate: not for decisions about patients.", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html[html.IndexOf("class=\"contributions\"", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)], "<tr><td>"));
        Assert.Equal(row[5], double.Parse(FieldValue(html, "compactness_mean"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Posting_a_bad_value_shows_the_reason_beside_its_field_and_keeps_the_other_values()
    {
        var client = model.App.CreateClient();
        var token = Token(await client.GetStringAsync("/"));
        var row = model.Wdbc.Row(0);
        var fields = Fields(row);
        fields["area_worst"] = "-12";
        fields["texture_mean"] = "abc";
        fields["__RequestVerificationToken"] = token;

        var response = await client.PostAsync("/", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"area_worst-range\">[^<]*</span>\\s*<span class=\"error\" id=\"area_worst-error\">must not be negative \\(got -12\\)</span>", html);
        Assert.Matches("<span class=\"error\" id=\"texture_mean-error\">must be a number such as 17.99, not &quot;abc&quot;</span>", html);
        Assert.Equal(2, Regex.Count(html, "<span class=\"error\""));
        Assert.Equal("abc", FieldValue(html, "texture_mean"));
        Assert.Equal("-12", FieldValue(html, "area_worst"));
        Assert.Equal(row[0], double.Parse(FieldValue(html, "radius_mean"), CultureInfo.InvariantCulture));
        Assert.Equal(row[29], double.Parse(FieldValue(html, "fractal_dimension_worst"), CultureInfo.InvariantCulture));
        Assert.DoesNotContain("id=\"probability\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_the_anti_forgery_token_is_refused()
    {
        var client = model.App.CreateClient();
        await client.GetStringAsync("/");
        var response = await client.PostAsync("/", new FormUrlEncodedContent(Fields(model.Wdbc.Row(0))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("id=\"probability\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(double[] row) =>
        FeatureCatalog.WdbcFeatures.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => row[p.i].ToString("R", CultureInfo.InvariantCulture));

    private static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static string FieldValue(string html, string feature) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{feature}\" value=\"([^\"]*)\"").Groups[1].Value);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    [GeneratedRegex("<input type=\"text\" inputmode=\"decimal\"")]
    private static partial Regex InputPattern();
}
