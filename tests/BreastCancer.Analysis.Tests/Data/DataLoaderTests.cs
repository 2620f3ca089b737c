using System.Globalization;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DataLoaderTests : IDisposable
{
    private static readonly string[] WdbcLines = File.ReadAllLines(Repository.Data("wdbc.csv"));
    private static readonly string[] WbcoLines = File.ReadAllLines(Repository.Data("wbco.csv"));
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_shipped_wdbc_loads_with_its_canonical_names_and_values_as_written()
    {
        var data = DataLoader.Load(Repository.Data("wdbc.csv"));

        Assert.Equal(DataSetKind.Wdbc, data.Kind);
        Assert.Equal(CsvLayout.Headed, data.Layout);
        Assert.Equal(WdbcLines[0].Split(',').Skip(1), data.FeatureNames);
        Assert.Equal(569, data.RowCount);
        Assert.Equal(212, data.IsMalignant.Count(m => m));
        Assert.Null(data.Ids);
        Assert.Empty(data.Warnings);
        var last = WdbcLines[^1].Split(',');
        Assert.Equal(last[0] == "M", data.IsMalignant[^1]);
        Assert.Equal(last.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)), data.Row(568));
        Assert.Equal(570, data.SourceLines[^1]);
    }

    [Fact]
    public void The_shipped_wbco_loads_with_its_16_missing_bare_nuclei_as_warnings_and_nan()
    {
        var data = DataLoader.Load(Repository.Data("wbco.csv"));

        Assert.Equal(DataSetKind.Wbco, data.Kind);
        Assert.Equal(699, data.RowCount);
        Assert.Equal(241, data.IsMalignant.Count(m => m));
        var expectedMissingLines = WbcoLines.Select((l, i) => (Line: i + 1, Fields: l.Split(','))).Where(x => x.Line > 1 && x.Fields[6].Length == 0).Select(x => x.Line).ToList();
        Assert.Equal(16, expectedMissingLines.Count);
        Assert.Equal(expectedMissingLines, data.Warnings.Select(w => w.Line!.Value));
        Assert.All(data.Warnings, w => Assert.Equal("bare_nuclei", w.Column));
        Assert.Equal(16, data.Column("bare_nuclei").Count(double.IsNaN));
        Assert.Equal(WbcoLines.Skip(1).Select(l => l.Split(',')[0]), data.Ids!);
    }

    [Fact]
    public void The_uci_wdbc_data_layout_without_header_is_recognised()
    {
        var uci = WdbcLines.Skip(1).Select((l, i) => $"{842300 + i},{l}");
        var path = _files.Write("wdbc.data", string.Join("\n", uci) + "\n");

        var data = DataLoader.Load(path);

        AssertSameAsShipped(data, Repository.Data("wdbc.csv"));
        Assert.Equal(CsvLayout.UciWdbc, data.Layout);
        Assert.Equal("842300", data.Ids![0]);
        Assert.Equal(1, data.SourceLines[0]);
    }

    [Fact]
    public void The_widely_shared_data_csv_layout_with_spaces_in_names_and_an_empty_last_column_is_recognised()
    {
        var header = "\"id\",\"diagnosis\"," + string.Join(",", WdbcLines[0].Split(',').Skip(1).Select(n => "\"" + n.Replace("concave_points", "concave points", StringComparison.Ordinal) + "\"")) + ",";
        var rows = WdbcLines.Skip(1).Select((l, i) => $"{i + 1},{l},");
        var path = _files.Write("data.csv", header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

        var data = DataLoader.Load(path);

        AssertSameAsShipped(data, Repository.Data("wdbc.csv"));
        var warning = Assert.Single(data.Warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("no header and no values", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_uci_wbco_layout_with_question_marks_and_2_4_classes_is_recognised()
    {
        var uci = WbcoLines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[6] = f[6].Length == 0 ? "?" : f[6];
            f[10] = f[10] == "M" ? "4" : "2";
            return string.Join(",", f);
        });
        var path = _files.Write("breast-cancer-wisconsin.data", string.Join("\n", uci) + "\n");

        var data = DataLoader.Load(path);

        AssertSameAsShipped(data, Repository.Data("wbco.csv"));
        Assert.Equal(CsvLayout.UciWbco, data.Layout);
        Assert.Equal(16, data.Warnings.Count(w => w.Value == "?"));
    }

    [Fact]
    public void Semicolons_decimal_commas_bom_and_crlf_give_the_same_data_set()
    {
        var european = WdbcLines.Select(l => string.Join(";", l.Split(',').Select(v => v.Replace('.', ','))));
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", european) + "\r\n")).ToArray();
        var path = _files.WriteBytes("european.csv", bytes);

        AssertSameAsShipped(DataLoader.Load(path), Repository.Data("wdbc.csv"));
    }

    [Fact]
    public void Mlbench_column_names_map_to_the_canonical_ones()
    {
        var header = "Id,Cl.thickness,Cell.size,Cell.shape,Marg.adhesion,Epith.c.size,Bare.nuclei,Bl.cromatin,Normal.nucleoli,Mitoses,Class";
        var path = _files.Write("mlbench.csv", header + "\n" + string.Join("\n", WbcoLines.Skip(1)) + "\n");

        AssertSameAsShipped(DataLoader.Load(path), Repository.Data("wbco.csv"));
    }

    [Fact]
    public void Declared_label_aliases_are_accepted_and_undeclared_ones_are_errors()
    {
        var lines = WdbcLines.Take(4).Select((l, i) => i == 0 ? l : (l.StartsWith('M') ? "malignant" : "benign") + l[1..]);
        var path = _files.Write("words.csv", string.Join("\n", lines) + "\n");

        var refused = Assert.Throws<DataValidationException>(() => DataLoader.Load(path));
        var data = DataLoader.Load(path, new LoadOptions { LabelAliases = new Dictionary<string, bool> { ["Malignant"] = true, ["Benign"] = false } });

        Assert.Equal(3, refused.Report.Errors.Count);
        Assert.All(refused.Report.Errors, e => Assert.Contains("declare other codings", e.Message, StringComparison.Ordinal));
        Assert.Equal(WdbcLines.Skip(1).Take(3).Select(l => l[0] == 'M'), data.IsMalignant);
    }

    [Theory]
    [InlineData("", null, null, null, "the file is empty")]
    [InlineData("diagnosis,radius_mean\n", 1, null, null, "missing WDBC columns: texture_mean")]
    [InlineData("a,b,c\n1,2,3\n", 1, null, null, "unrecognised layout: the first line has 3 fields")]
    public void Files_that_are_not_a_data_set_are_refused_with_the_reason(string content, int? line, string? column, string? value, string message)
    {
        var path = _files.Write("bad.csv", content);

        var error = Assert.Throws<DataValidationException>(() => DataLoader.Load(path));

        var finding = error.Report.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column, value), (finding.Line, finding.Column, finding.Value));
        Assert.Equal(path, finding.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1, "abc", "radius_mean", "not a number")]
    [InlineData(4, 2, "NaN", "texture_mean", "not a finite number")]
    [InlineData(5, 3, "Infinity", "perimeter_mean", "not a finite number")]
    [InlineData(6, 4, "-3.5", "area_mean", "negative")]
    [InlineData(7, 0, "X", "diagnosis", "not a label")]
    [InlineData(8, 0, "", "diagnosis", "missing label")]
    public void Each_bad_wdbc_cell_is_reported_at_its_line_and_column_with_its_value(int line, int field, string bad, string column, string message)
    {
        var lines = (string[])WdbcLines.Clone();
        var fields = lines[line - 1].Split(',');
        fields[field] = bad;
        lines[line - 1] = string.Join(",", fields);
        var path = _files.Write("one-bad.csv", string.Join("\n", lines) + "\n");

        var error = Assert.Throws<DataValidationException>(() => DataLoader.Load(path));

        var finding = Assert.Single(error.Report.Errors);
        Assert.Equal((line, column, bad), (finding.Line!.Value, finding.Column, finding.Value));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "not a cytology score")]
    [InlineData("11", "not a cytology score")]
    [InlineData("2.5", "not a cytology score")]
    public void Wbco_scores_outside_one_to_ten_or_not_whole_are_errors(string bad, string message)
    {
        var lines = (string[])WbcoLines.Clone();
        var fields = lines[9].Split(',');
        fields[2] = bad;
        lines[9] = string.Join(",", fields);
        var path = _files.Write("scores.csv", string.Join("\n", lines) + "\n");

        var finding = Assert.Single(DataLoader.Validate(path).Errors);

        Assert.Equal((10, "cell_size_uniformity", bad), (finding.Line!.Value, finding.Column, finding.Value));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ragged_rows_duplicate_headers_and_unknown_columns_are_named()
    {
        var ragged = (string[])WdbcLines.Clone();
        ragged[5] += ",0.5";
        ragged[9] = string.Join(",", ragged[9].Split(',').SkipLast(1));
        var duplicate = (string[])WdbcLines.Clone();
        duplicate[0] = duplicate[0].Replace("texture_mean", "Radius Mean", StringComparison.Ordinal);
        var unknown = WdbcLines.Select((l, i) => l + (i == 0 ? ",height" : ",1")).ToArray();

        var raggedErrors = DataLoader.Validate(_files.Write("ragged.csv", string.Join("\n", ragged) + "\n")).Errors;
        var duplicateErrors = DataLoader.Validate(_files.Write("duplicate.csv", string.Join("\n", duplicate) + "\n")).Errors;
        var unknownErrors = DataLoader.Validate(_files.Write("unknown.csv", string.Join("\n", unknown) + "\n")).Errors;

        Assert.Equal([6, 10], raggedErrors.Select(e => e.Line!.Value));
        Assert.Contains("the line has 32 fields, but the header has 31", raggedErrors[0].Message, StringComparison.Ordinal);
        Assert.Contains(duplicateErrors, e => e.Message.Contains("duplicate column: 'radius_mean' (column 2), 'Radius Mean' (column 3) all name radius_mean", StringComparison.Ordinal));
        Assert.Contains(duplicateErrors, e => e.Message.Contains("missing WDBC column: texture_mean", StringComparison.Ordinal));
        Assert.Equal(("height", 1), (Assert.Single(unknownErrors).Column, unknownErrors[0].Line!.Value));
    }

    [Fact]
    public void A_missing_file_names_its_full_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DataLoader.Load("no/such/file.csv"));

        Assert.Contains(Path.GetFullPath("no/such/file.csv"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_kind_refuses_the_other_data_set()
    {
        var error = Assert.Throws<DataValidationException>(() => DataLoader.Load(Repository.Data("wbco.csv"), new LoadOptions { ExpectedKind = DataSetKind.Wdbc }));

        Assert.Contains("the file holds WBCO data, but WDBC was expected", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertSameAsShipped(BreastCancerData data, string shipped)
    {
        var expected = DataLoader.Load(shipped);
        Assert.Equal(expected.Kind, data.Kind);
        Assert.Equal(expected.RowCount, data.RowCount);
        Assert.Equal(expected.IsMalignant, data.IsMalignant);
        for (var r = 0; r < expected.RowCount; r++)
        {
            Assert.Equal(expected.Row(r), data.Row(r));
        }
    }
}
