using System.Text;
using BreastCancer.Web.Prediction;

namespace BreastCancer.Web.Tests;

public sealed class JsonSyntaxTests
{
    [Theory]
    [InlineData("{\"features\": {\"radius_mean\": 1, \"texture_mean\": NaN}}", "features.texture_mean", "NaN is not a JSON number")]
    [InlineData("{\"features\": {\"radius_mean\": -Infinity}}", "features.radius_mean", "-Infinity is not a JSON number")]
    [InlineData("{\"patients\": [{\"features\": {}}, {\"features\": {\"area_se\": Infinity}}]}", "patients[1].features.area_se", "Infinity is not a JSON number")]
    [InlineData("{\"features\": {\"radius_mean\": 1,}}", "features.radius_mean", "is not valid JSON")]
    [InlineData("radius_mean=12", "body", "is not valid JSON")]
    [InlineData("", "body", "is empty")]
    public void The_first_syntax_error_is_named_by_its_field(string body, string field, string reason)
    {
        var error = JsonSyntax.FindError(Encoding.UTF8.GetBytes(body));

        Assert.NotNull(error);
        Assert.Equal(field, error.Value.Field);
        Assert.Contains(reason, error.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_JSON_has_no_error() => Assert.Null(JsonSyntax.FindError("{\"patients\": [{\"features\": {\"a\": 1.5e3}}]}"u8));
}
