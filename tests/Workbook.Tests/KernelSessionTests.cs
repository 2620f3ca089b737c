using Workbook.Notebooks;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>The runner's cells run in .NET Interactive's C# kernel: its semantics, one behaviour at a time.</summary>
public sealed class KernelSessionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task State_carries_from_cell_to_cell()
    {
        var run = await Session.RunAsync(_folder, Code("var x = 20;"), Markdown("text"), Code("x += 1;"), Code("x * 2"));

        Assert.True(run.Succeeded);
        Assert.Contains(">42<", run.CodeCells()[2].Outputs.Single().Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trailing_expression_is_displayed_as_the_cell_result_and_a_statement_is_not()
    {
        var run = await Session.RunAsync(_folder, Code("var s = \"abc\";"), Code("s.Length + 1"), Code("s.ToUpperInvariant();"), Code("Console.Write(\"\")"), Code("(string)null"));

        var cells = run.CodeCells();
        Assert.Empty(cells[0].Outputs);
        var result = Assert.IsType<DisplayOutput>(Assert.Single(cells[1].Outputs));
        Assert.True(result.IsResult);
        Assert.Contains(">4<", result.Data["text/html"], StringComparison.Ordinal);
        Assert.Empty(cells[2].Outputs);
        Assert.Empty(cells[3].Outputs);
        Assert.Contains("&lt;null&gt;", Assert.Single(cells[4].Outputs).Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Display_shows_values_in_order_with_console_text_between_them()
    {
        var run = await Session.RunAsync(_folder, Code("""
            var first = display(1);
            Console.WriteLine("between");
            Console.Write("and ");
            Console.WriteLine("joined");
            display("<b>x</b>", "text/plain");
            """));

        var outputs = run.CodeCells()[0].Outputs;
        Assert.Equal(3, outputs.Count);
        Assert.Contains(">1<", outputs[0].Html(), StringComparison.Ordinal);
        Assert.False(((DisplayOutput)outputs[0]).IsResult);
        Assert.Equal(new StreamOutput("stdout", "between\nand joined\n"), outputs[1]);
        Assert.Equal("<b>x</b>", Assert.IsType<DisplayOutput>(outputs[2]).Data["text/plain"]);
    }

    [Fact]
    public async Task An_update_replaces_what_the_context_displayed_and_the_copy_display_returns_updates_nothing_as_in_the_kernel()
    {
        var run = await Session.RunAsync(_folder, Code("""
            using Microsoft.DotNet.Interactive;
            var copy = display("copy: starting");
            copy.Update("copy: done");
            var shown = KernelInvocationContext.Current.Display("shown: starting");
            System.Threading.Tasks.Parallel.For(0, 4, i => shown.Update($"shown: worker {i}"));
            shown.Update("shown: done");
            """));

        var outputs = run.CodeCells()[0].Outputs.OfType<DisplayOutput>().Select(o => o.Data["text/plain"]).ToArray();
        Assert.Equal(["copy: starting", "shown: done"], outputs);
    }

    [Fact]
    public async Task Standard_error_is_a_stream_of_its_own()
    {
        var run = await Session.RunAsync(_folder, Code("Console.Error.WriteLine(\"warn\"); Console.WriteLine(\"out\");"));

        Assert.Equal([new StreamOutput("stderr", "warn\n"), new StreamOutput("stdout", "out\n")], run.CodeCells()[0].Outputs);
    }

    [Fact]
    public async Task Types_usings_and_await_work_at_the_top_level_and_carry_over()
    {
        var run = await Session.RunAsync(_folder,
            Code("using System.Globalization;\npublic record Point(double X, double Y) { public double Norm => Math.Sqrt(X * X + Y * Y); }"),
            Code("await Task.Delay(5);\nvar p = await Task.FromResult(new Point(3, 4));"),
            Code("p.Norm.ToString(CultureInfo.InvariantCulture)"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal("5", run.CodeCells()[2].Outputs.Single().Text());
    }

    [Fact]
    public async Task Html_helper_output_is_written_as_html()
    {
        var run = await Session.RunAsync(_folder, Code("HTML(\"<em>hi</em>\")"));

        Assert.Equal("<em>hi</em>", run.CodeCells()[0].Outputs.OfType<DisplayOutput>().Single().Html());
    }

    [Fact]
    public async Task The_working_directory_is_the_notebook_folder_and_is_restored_afterwards()
    {
        var before = Environment.CurrentDirectory;
        File.WriteAllText(_folder.File("beside.txt"), "found");

        var run = await Session.RunAsync(_folder, Code("System.IO.File.ReadAllText(\"beside.txt\")"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal("found", run.CodeCells()[0].Outputs.Single().Text());
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task A_compilation_error_stops_the_notebook_with_its_cell_and_line_and_the_kernels_diagnostics()
    {
        var run = await Session.RunAsync(_folder, Code("var a = 1;"), Markdown("# h"), Code("var b = 2;\nint c = \"text\";"), Code("var never = 3;"));

        Assert.False(run.Succeeded);
        Assert.Equal(3, run.Error!.Cell);
        Assert.Equal(2, run.Error.Line);
        Assert.StartsWith("error CS0029", run.Error.Message, StringComparison.Ordinal);
        var failed = run.CodeCells()[1];
        Assert.Contains("(2,9): error CS0029", failed.Stream("stderr"), StringComparison.Ordinal);
        Assert.Equal(new ErrorOutput("Error", "compilation error", []), failed.Outputs[^1]);
        Assert.Equal(2, run.Cells.Count);
    }

    [Fact]
    public async Task An_exception_fails_its_cell_at_the_line_that_called_the_throwing_method_and_keeps_what_the_cell_wrote_before()
    {
        var run = await Session.RunAsync(_folder,
            Code("int Divide(int a, int b) => a / b;"),
            Code("var ok = 1;\nvar zero = 0;\nConsole.WriteLine(\"before\");\nvar r = Divide(1, zero);\nConsole.WriteLine(\"after\");"));

        Assert.Equal(2, run.Error!.Cell);
        Assert.Equal(4, run.Error.Line);
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", run.Error.Message);
        var outputs = run.CodeCells()[1].Outputs;
        Assert.Equal(new StreamOutput("stdout", "before\n"), outputs[0]);
        var error = Assert.IsType<ErrorOutput>(outputs[1]);
        Assert.StartsWith("System.DivideByZeroException: Attempted to divide by zero.", error.Value, StringComparison.Ordinal);
        Assert.Contains(".Divide(Int32 a, Int32 b)", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_in_a_lambda_or_after_an_await_is_placed_at_its_own_line()
    {
        var lambda = await Session.RunAsync(_folder, Code("var xs = new[] { 2, 1, 0 };\n\nvar inverses = xs\n    .Select(x => 10 / x)\n    .ToList();"));
        var awaited = await Session.RunAsync(_folder, Code("await Task.Delay(1);\nvar text = (string?)null;\nawait Task.Yield();\nvar length = text!.Length;"));
        var thrown = await Session.RunAsync(_folder, Code("using System.IO;"), Code("// a comment\nthrow new IOException(\"disk\");"));

        Assert.Equal((1, 4), (lambda.Error!.Cell, lambda.Error.Line!.Value));
        Assert.Equal((1, 4), (awaited.Error!.Cell, awaited.Error.Line!.Value));
        Assert.Equal("System.NullReferenceException: Object reference not set to an instance of an object.", awaited.Error.Message);
        Assert.Equal((2, 2), (thrown.Error!.Cell, thrown.Error.Line!.Value));
        Assert.Equal("notebook.ipynb:2:2: System.IO.IOException: disk", thrown.Error.Describe("notebook.ipynb"));
    }

    [Fact]
    public async Task A_formatter_that_throws_fails_the_cell_instead_of_the_run()
    {
        var run = await Session.RunAsync(_folder,
            Code("using Microsoft.DotNet.Interactive.Formatting;\npublic record Fragile(int X);\nFormatter.Register<Fragile>((f, w) => throw new FormatException(\"bad format\"), \"text/html\");"),
            Code("var f = new Fragile(1);\nf"),
            Code("var never = 1;"));

        Assert.Equal(2, run.Error!.Cell);
        Assert.Contains("bad format", run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, run.Cells.Count);
    }

    [Fact]
    public async Task A_cell_for_a_kernel_the_notebook_does_not_have_fails_by_name()
    {
        var path = NotebookFile.Write(_folder.File("pwsh.ipynb"), Code("Get-Date"));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"kernelName\":\"csharp\"", "\"kernelName\":\"pwsh\"", StringComparison.Ordinal));

        var run = await Session.RunAsync(path);

        Assert.Equal(1, run.Error!.Cell);
        Assert.Contains("pwsh", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csharp_magic_selects_the_csharp_kernel()
    {
        var run = await Session.RunAsync(_folder, Code("#!csharp\n1 + 1"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Contains(">2<", run.CodeCells()[0].Outputs.Single().Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatters_a_notebook_registers_do_not_reach_the_next_notebook()
    {
        var first = await Session.RunAsync(_folder, Code("using Microsoft.DotNet.Interactive.Formatting;\nFormatter.Register<int>((i, w) => w.Write(\"<i>registered</i>\"), \"text/html\");\n1"));
        var second = await Session.RunAsync(_folder, Code("1"));

        Assert.Equal("<i>registered</i>", first.CodeCells()[0].Outputs.Single().Html());
        Assert.DoesNotContain("registered", second.CodeCells()[0].Outputs.Single().Html(), StringComparison.Ordinal);
    }
}
