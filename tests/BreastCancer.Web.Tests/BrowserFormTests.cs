using System.Globalization;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BreastCancer.Web.Tests;

/// <summary>The form in headless Chromium against the app on Kestrel: what a clinician clicks, types and sees, under the strict Content-Security-Policy.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BrowserFormTests(TrainedModel model) : IAsyncLifetime
{
    private BrowserSession _session = null!;

    private IPage Page => _session.Page;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(model.Folder);

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task The_malignant_example_submitted_shows_the_libraries_probability_the_decision_contributions_version_and_the_statement()
    {
        var csp = await (await _session.OpenAsync("/")).HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = "typical malignant", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(_session.Address, "/?example=malignant").AbsoluteUri);
        var values = await FieldValues();
        var row = FeatureCatalog.WdbcFeatures.Select(f => double.Parse(values[f], CultureInfo.InvariantCulture)).ToArray();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Estimate" }).ClickAsync();

        var probability = Page.Locator("#probability");
        await Expect(probability).ToBeVisibleAsync();
        var p = model.Saved.PredictProbability([row])[0];
        var threshold = model.Saved.Card.Threshold.Threshold.ToString("P1", CultureInfo.InvariantCulture);
        Assert.True(model.Saved.Decide([p])[0], $"the typical malignant training patient should be recommended a biopsy (p = {p})");
        await Expect(probability).ToHaveTextAsync(p.ToString("P1", CultureInfo.InvariantCulture));
        await Expect(Page.Locator("#decision")).ToHaveTextAsync($"Biopsy recommended (threshold {threshold})");
        await Expect(Page.Locator("#model-version")).ToHaveTextAsync(model.Saved.Version);
        await Expect(Page.Locator(".result .statement")).ToHaveTextAsync("A research model's estimate: not for decisions about patients.");

        var contributions = await Page.Locator(".contributions tbody tr").AllAsync();
        Assert.NotEmpty(contributions);
        var named = new List<string>();
        foreach (var contribution in contributions)
        {
            var cells = await contribution.Locator("td").AllInnerTextsAsync();
            Assert.Equal(4, cells.Count);
            Assert.Contains(cells[0], FeatureCatalog.WdbcFeatures);
            Assert.Equal(row[FeatureCatalog.WdbcFeatures.ToList().IndexOf(cells[0])].ToString("G6", CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(cells[2].StartsWith('+') ? "towards malignant" : "towards benign", cells[3]);
            named.Add(cells[0]);
        }

        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.Equal(values, await FieldValues());
        await _session.ScreenshotAsync("malignant-result");
        Assert.Empty(_session.Problems);
        Assert.All(_session.Responses, r => Assert.Equal(200, r.Status));
        Assert.Contains(("POST", "/", 200), _session.Responses);
        Assert.Contains(_session.Responses, r => r.Method == "GET" && r.Path.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-5", "must not be negative (got -5)")]
    [InlineData("abc", "must be a number such as 17.99, not \"abc\"")]
    public async Task A_bad_radius_submitted_shows_its_reason_beside_that_input_and_keeps_the_other_values(string bad, string reason)
    {
        await _session.OpenAsync("/?example=benign");
        var before = await FieldValues();
        var radius = Page.Locator("#radius_mean");
        await radius.FillAsync(bad);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Estimate" }).ClickAsync();

        var error = Page.Locator("#radius_mean-error");
        await Expect(error).ToHaveTextAsync(reason);
        await Expect(Page.Locator(".error")).ToHaveCountAsync(1);
        Assert.Contains("radius_mean-error", (await radius.GetAttributeAsync("aria-describedby"))!.Split(' '));
        await Expect(radius).ToHaveAccessibleDescriptionAsync(new Regex($"{Regex.Escape(reason)}$"));
        await Expect(Page.Locator(".field", new() { Has = radius }).Locator(".error")).ToHaveAttributeAsync("id", "radius_mean-error");
        await Expect(Page.Locator("#error-summary")).ToHaveTextAsync("1 measurement needs correcting; nothing was predicted. Each is marked below.");
        await Expect(Page.Locator("#probability")).ToHaveCountAsync(0);
        var after = await FieldValues();
        Assert.Equal(bad, after["radius_mean"]);
        Assert.All(FeatureCatalog.WdbcFeatures.Where(f => f != "radius_mean"), f => Assert.Equal(before[f], after[f]));

        await _session.ScreenshotAsync($"bad-radius-{(bad == "abc" ? "text" : "negative")}");
        // The form answers bad values with a 400 (as FormTests checks), which Chromium logs like any error response.
        Assert.Contains(("POST", "/", 400), _session.Responses);
        Assert.Empty(_session.Problems.Except([_session.FailedToLoad("/", 400, "Bad Request")]));
        Assert.All(_session.Responses.Where(r => r.Method != "POST"), r => Assert.Equal(200, r.Status));
    }

    private async Task<Dictionary<string, string>> FieldValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in FeatureCatalog.WdbcFeatures)
        {
            values[feature] = await Page.Locator($"#{feature}").InputValueAsync();
        }

        return values;
    }
}
