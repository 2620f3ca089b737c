using System.Globalization;
using BreastCancer.Web.Batch;

namespace BreastCancer.Web.Tests;

/// <summary>The score command's fast cell parser against .NET's invariant parser, the truth it must reproduce.</summary>
public sealed class CellNumberTests
{
    [Theory]
    [InlineData("17.99")]
    [InlineData("0.2776")]
    [InlineData("1.095e-01")]
    [InlineData("+1.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-0")]
    [InlineData("1E5")]
    [InlineData("1e-400")]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1,5")]
    [InlineData("1e")]
    [InlineData("0x10")]
    [InlineData("17.99abc")]
    [InlineData("seventeen")]
    [InlineData("1 000")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.1000000000000000055511151231257827")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("1.7976931348623157e308")]
    public void A_cell_is_accepted_or_refused_and_valued_as_dotnets_invariant_parser_does(string text) => AssertAsDotNet(text);

    [Fact]
    public void Two_hundred_thousand_generated_numbers_in_every_notation_parse_to_the_same_double_as_dotnets_parser()
    {
        var random = new Random(11);
        string[] formats = ["R", "G5", "G17", "F4", "E3", "E16", "0.###", "G3"];
        for (var i = 0; i < 200_000; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-12, 12));
            var value = (random.NextDouble() - 0.1) * magnitude;
            AssertAsDotNet(value.ToString(formats[i % formats.Length], CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 20_000; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)('0' + random.Next(10))));
            AssertAsDotNet(digits.Insert(random.Next(digits.Length + 1), ".") + (i % 3 == 0 ? $"e{random.Next(-330, 330)}" : ""));
        }
    }

    private static void AssertAsDotNet(string text)
    {
        var expected = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var truth);
        var parsed = CellNumber.TryParse(text, out var value);
        Assert.True(expected == parsed, $"'{text}': .NET {(expected ? "accepts" : "refuses")} it, the cell parser {(parsed ? "accepts" : "refuses")} it");
        if (expected)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(truth) == BitConverter.DoubleToInt64Bits(value), $"'{text}': .NET {truth:R}, the cell parser {value:R}");
        }
    }
}
