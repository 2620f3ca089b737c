using System.Text.Json.Nodes;
using Workbook.Running;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>The command line: files written, errors reported as notebook:cell:line, exit codes.</summary>
public sealed class RunCommandTests : IDisposable
{
    private static readonly string BrokenFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken.ipynb");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_runner_process_reports_a_broken_cell_by_notebook_cell_and_line_and_exits_non_zero()
    {
        var outDirectory = _folder.File("out");

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Workbook.dll"), "run", BrokenFixture, "--out", outDirectory]);

        Assert.Equal(RunCommand.CellFailed, exitCode);
        Assert.Contains("broken.ipynb:3:2: error CS0103: The name 'answr' does not exist in the current context", stderr, StringComparison.Ordinal);
        Assert.Contains("0 of 1 notebooks ran cleanly, 1 failed", stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(outDirectory, "broken.html"));
        Assert.Contains("This notebook stopped at <a href=\"#cell-3\">cell 3</a>, line 2", html, StringComparison.Ordinal);
        Assert.Matches("<section class=\"cell code failed\" id=\"cell-3\">(.|\n)*error CS0103(.|\n)*</section>", html);
        Assert.Contains("<section class=\"cell code not-run\" id=\"cell-4\">", html, StringComparison.Ordinal);
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(outDirectory, "broken.ipynb")))!;
        Assert.Equal("the answer is 42\n", (string)notebook["cells"]![1]!["outputs"]![0]!["text"]![0]!);
        Assert.Equal("error", (string)notebook["cells"]![2]!["outputs"]!.AsArray()[^1]!["output_type"]!);
        Assert.Empty(notebook["cells"]![3]!["outputs"]!.AsArray());
        Assert.Contains("failed at cell 3", File.ReadAllText(Path.Combine(outDirectory, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keep_going_a_failure_stops_the_run_and_with_it_the_others_still_run()
    {
        var good = NotebookFile.Write(_folder.File("good.ipynb"), Markdown("# Good"), Code("1 + 1"));

        var (stopped, _) = await RunAsync([BrokenFixture, good], keepGoing: false);
        var (kept, output) = await RunAsync([BrokenFixture, good], keepGoing: true);

        Assert.Equal(RunCommand.CellFailed, stopped);
        Assert.Equal(RunCommand.CellFailed, kept);
        Assert.Contains("1 of 2 notebooks ran cleanly, 1 failed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("out/good.html")));
        var broken = File.ReadAllText(_folder.File("out/broken.html"));
        Assert.Contains("<a rel=\"next\" href=\"good.html\">Good →</a>", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_run_exits_zero_and_writes_every_file()
    {
        var first = NotebookFile.Write(_folder.File("a.ipynb"), Markdown("# First"), Code("Console.WriteLine(\"a\");"));
        var second = NotebookFile.Write(_folder.File("b.ipynb"), Markdown("# Second"), Code("2 * 21"));

        var (exitCode, output) = await RunAsync([first, second], keepGoing: false);

        Assert.Equal(RunCommand.Success, exitCode);
        Assert.Contains("2 of 2 notebooks ran cleanly", output, StringComparison.Ordinal);
        foreach (var file in new[] { "a.ipynb", "a.html", "b.ipynb", "b.html", "index.html" })
        {
            Assert.True(File.Exists(_folder.File("out/" + file)), file);
        }

        var index = File.ReadAllText(_folder.File("out/index.html"));
        Assert.Contains("<a href=\"a.html\">First</a>", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"b.html\">Second</a>", index, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.ipynb", "missing.ipynb: no such notebook")]
    [InlineData("bad.ipynb", "bad.ipynb: not valid JSON")]
    public async Task Unreadable_input_exits_with_the_bad_input_code_before_running_anything(string name, string message)
    {
        File.WriteAllText(_folder.File("bad.ipynb"), "{ oops");

        var terminal = new StringWriter();
        var exitCode = await RunCommand.ExecuteAsync([_folder.File(name)], _folder.File("out"), keepGoing: false, new StringWriter(), terminal, interactive: false);

        Assert.Equal(RunCommand.BadInput, exitCode);
        Assert.Contains(message, terminal.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    [Fact]
    public async Task Progress_is_printed_as_plain_lines_when_redirected()
    {
        var notebook = NotebookFile.Write(_folder.File("p.ipynb"), Code("var a = 1;"), Markdown("x"), Code("var b = 2;"));
        var terminal = new StringWriter();

        await RunCommand.ExecuteAsync([notebook], _folder.File("out"), keepGoing: false, new StringWriter(), terminal, interactive: false);

        var lines = terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^p: cell 1 \(1 of 2 code cells\), \d+\.\d s$", lines[0]);
        Assert.Matches(@"^p: cell 3 \(2 of 2 code cells\), \d+\.\d s$", lines[1]);
        Assert.Matches(@"^p: ok in \d+\.\d s$", lines[2]);
        Assert.DoesNotContain('\r', terminal.ToString());
    }

    [Fact]
    public async Task Each_notebook_runs_in_a_kernel_process_of_its_own_so_nothing_static_passes_from_one_to_the_next()
    {
        var first = NotebookFile.Write(_folder.File("a.ipynb"), Code("AppDomain.CurrentDomain.SetData(\"left\", \"by a\"); Console.WriteLine(Environment.ProcessId);"));
        var second = NotebookFile.Write(_folder.File("b.ipynb"), Code("Console.WriteLine(Environment.ProcessId); Console.WriteLine(AppDomain.CurrentDomain.GetData(\"left\") ?? \"nothing\");"));

        var (exitCode, _) = await RunAsync([first, second], keepGoing: false);

        Assert.Equal(RunCommand.Success, exitCode);
        var a = StreamText(_folder.File("out/a.ipynb")).Split('\n');
        var b = StreamText(_folder.File("out/b.ipynb")).Split('\n');
        Assert.Equal("nothing", b[1]);
        Assert.NotEqual(a[0], b[0]);
        Assert.DoesNotContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { a[0], b[0] });
    }

    [Fact]
    public async Task A_kernel_process_that_dies_fails_its_notebook_at_the_cell_it_was_running_and_the_run_goes_on()
    {
        var dying = NotebookFile.Write(_folder.File("dies.ipynb"), Code("var a = 1;"), Code("Environment.Exit(3);"));
        var good = NotebookFile.Write(_folder.File("good.ipynb"), Code("1 + 1"));
        var terminal = new StringWriter();
        var output = new StringWriter();

        var exitCode = await RunCommand.ExecuteAsync([dying, good], _folder.File("out"), keepGoing: true, output, terminal, interactive: false);

        Assert.Equal(RunCommand.CellFailed, exitCode);
        Assert.Contains("dies.ipynb:2: the notebook's kernel process ended with exit code 3 and no result", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 of 2 notebooks ran cleanly, 1 failed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed at cell 2", File.ReadAllText(_folder.File("out/index.html")), StringComparison.Ordinal);
        Assert.Contains("This notebook stopped at <a href=\"#cell-2\">cell 2</a>", File.ReadAllText(_folder.File("out/dies.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("out/dies.ipynb")));
        Assert.True(File.Exists(_folder.File("out/good.html")));
    }

    private static string StreamText(string executedNotebook) =>
        string.Concat(JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]![0]!["outputs"]![0]!["text"]!.AsArray().Select(t => (string)t!)).TrimEnd('\n');

    private async Task<(int ExitCode, string Output)> RunAsync(string[] notebooks, bool keepGoing)
    {
        var output = new StringWriter();
        var exitCode = await RunCommand.ExecuteAsync(notebooks, _folder.File("out"), keepGoing, output, new StringWriter(), interactive: false);
        return (exitCode, output.ToString());
    }
}
