using System.Diagnostics;
using System.Globalization;
using System.Text;
using BreastCancer.Web.Batch;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The score command on hostile and careless input: formulas a spreadsheet would run, a missing output folder, absurd
/// settings, records too long, malformed CSV, text that is not UTF-8, an empty file, and an interrupted run. Every
/// failure is one line naming the file and line, exit code 2, and leaves no output and no temporary file.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BatchInputTests(TrainedModel model) : IDisposable
{
    private readonly ScoreRun _run = new();

    private string[] Features => [.. model.Saved.Card.Features.Select(f => f.Name)];

    public void Dispose() => _run.Dispose();

    private string PathOf(string name) => _run.PathOf(name);

    private int Score(params string[] args) => _run.Score(args);

    private string Row(int r) => string.Join(',', model.Wdbc.ToArray()[r].Select(BatchFiles.Text));

    /// <summary>A file with the features and a <c>note</c> column, one line per note (notes written as given, quoting included).</summary>
    private string WithNotes(string name, params string[] notes)
    {
        var path = PathOf(name);
        BatchFiles.Write(path, [.. Features, "note"], notes.Select((note, i) => $"{Row(i)},{note}"));
        return path;
    }

    private string[] FilesLeft => [.. Directory.GetFiles(_run.Folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_written_with_a_leading_apostrophe_and_numbers_are_not()
    {
        var input = PathOf("formulas.csv");
        BatchFiles.Write(input, [.. Features, "=cmd|' /C calc'!A0", "note"],
        [
            $"{Row(0)},=HYPERLINK(\"http://x\"),-2.5",
            $"{Row(1)},+1+1,@SUM(A1)",
            $"{Row(2)},\"\tTAB\",-",
            $"{Row(3)},plain,+7",
        ]);
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.Success, Score(input, "--out", output, "--models", model.Folder));

        var (header, records) = BatchFiles.Read(output);
        Assert.Equal("'=cmd|' /C calc'!A0", header[0]);
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+1+1", "'\tTAB", "plain"], records.Select(r => r[0]));
        Assert.Equal(["-2.5", "'@SUM(A1)", "'-", "+7"], records.Select(r => r[1]));
        Assert.All(records.SelectMany(r => r), cell => Assert.False(CsvField.IsFormula(cell), cell));
    }

    [Fact]
    public void An_output_folder_that_does_not_exist_is_one_line_and_exit_2()
    {
        var input = WithNotes("in.csv", "a");
        var missing = PathOf(Path.Combine("no-such-folder", "scored.csv"));

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", missing, "--models", model.Folder));

        Assert.Equal($"score: the output's folder {Path.GetDirectoryName(missing)} does not exist: create it, or give --out a file in a folder that exists\n", _run.Errors.ToString());
        Assert.Equal(["in.csv"], FilesLeft);
    }

    [Theory]
    [InlineData("--chunk-size", "2000000000", "--chunk-size must be a whole number from 1 to 1000000, not '2000000000'")]
    [InlineData("--chunk-size", "0", "--chunk-size must be a whole number from 1 to 1000000, not '0'")]
    [InlineData("--max-record-chars", "10", "--max-record-chars must be a whole number from 1024 to 16777216, not '10'")]
    public void Absurd_settings_are_usage_errors(string option, string value, string reason)
    {
        Assert.Equal(ScoreCommand.Failure, Score("in.csv", "--out", "o.csv", option, value));

        Assert.StartsWith($"score: {reason}\n", _run.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_longer_than_the_bound_stops_at_its_line_and_a_higher_bound_reads_it()
    {
        var input = WithNotes("long.csv", "short", new string('x', 70_000), "short");
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", output, "--models", model.Folder));

        Assert.Equal($"{input}:3: the record is longer than the command reads at once (--max-record-chars): 65536 characters\nscore: stopped; no output written\n", _run.Errors.ToString());
        Assert.Equal(["long.csv"], FilesLeft);
        Assert.Equal(ScoreCommand.Success, Score(input, "--out", output, "--models", model.Folder, "--max-record-chars", "200000"));
        Assert.Equal(4, File.ReadAllLines(output).Length);
        Assert.Contains($"\n{new string('x', 70_000)},", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_left_open_stops_at_the_line_its_record_starts_on()
    {
        var input = WithNotes("quote.csv", "fine", "\"also fine\"", "\"never closed", "after");

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", PathOf("scored.csv"), "--models", model.Folder));

        Assert.StartsWith($"{input}:4: malformed CSV: a quoted field must end with a quote", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(["quote.csv"], FilesLeft);
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_refused_at_its_line_and_column_instead_of_read_as_replacement_characters()
    {
        var input = PathOf("latin1.csv");
        var prefix = Encoding.UTF8.GetBytes($"{string.Join(',', [.. Features, "note"])}\n{Row(0)},ok\n{Row(1)},caf");
        File.WriteAllBytes(input, [.. prefix, 0xE9, .. "\n"u8]);
        var column = Encoding.UTF8.GetByteCount($"{Row(1)},caf") + 1;

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", PathOf("scored.csv"), "--models", model.Folder));

        Assert.StartsWith($"{input}:3:{column.ToString(CultureInfo.InvariantCulture)}: not UTF-8 text: save the file as UTF-8", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(["latin1.csv"], FilesLeft);
    }

    [Fact]
    public void An_empty_file_gets_the_apps_message()
    {
        var input = PathOf("empty.csv");
        File.WriteAllBytes(input, []);

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", PathOf("scored.csv"), "--models", model.Folder));

        Assert.StartsWith($"{input}:1: the file is empty: expected a header naming the 30 features\n", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(["empty.csv"], FilesLeft);
    }

    [Fact]
    public async Task A_run_interrupted_by_ctrl_c_or_a_termination_signal_leaves_no_temporary_file_and_no_output()
    {
        foreach (var signal in new[] { "INT", "TERM" })
        {
            Assert.False(IgnoredHere(signal), $"SIG{signal} is ignored by this test process, and so by the command it starts, as a shell's background job ignores SIGINT and SIGQUIT: run the tests in the foreground or with job control (set -m)");
            var fifo = PathOf($"stream-{signal}.csv");
            using (var mkfifo = Process.Start("mkfifo", [fifo]))
            {
                await mkfifo.WaitForExitAsync();
            }

            var output = PathOf($"scored-{signal}.csv");
            using var score = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "score", fifo, "--out", output, "--models", model.Folder])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var errors = score.StandardError.ReadToEndAsync();
            await using (var writer = new StreamWriter(fifo))
            {
                await writer.WriteLineAsync(string.Join(',', Features));
                await writer.WriteLineAsync(Row(0));
                await writer.FlushAsync();
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (Directory.GetFiles(_run.Folder, $".scored-{signal}.csv.*.tmp").Length == 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.Single(Directory.GetFiles(_run.Folder, $".scored-{signal}.csv.*.tmp"));
                using var kill = Process.Start("kill", [$"-{signal}", score.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await score.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    score.Kill();
                    Assert.Fail($"score did not exit within 60 s of SIG{signal}");
                }
            }

            Assert.NotEqual(0, score.ExitCode);
            Assert.Contains($"score: interrupted by SIG{signal}; no output written", await errors, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(_run.Folder, "*.tmp"));
            Assert.False(File.Exists(output));
        }
    }

    /// <summary>Whether this process ignores SIG<paramref name="signal"/> (its bit in <c>SigIgn</c> of <c>/proc/self/status</c>): a child inherits it.</summary>
    private static bool IgnoredHere(string signal)
    {
        var number = signal switch { "INT" => 2, "TERM" => 15, _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT or TERM") };
        var ignored = File.ReadLines("/proc/self/status").Single(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (ulong.Parse(ignored, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0;
    }
}
