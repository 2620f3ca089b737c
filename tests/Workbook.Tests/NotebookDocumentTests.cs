using System.Text.Json.Nodes;
using Workbook.Notebooks;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>The executed notebook the runner writes: valid nbformat 4.5 with the metadata VS Code writes.</summary>
public sealed class NotebookDocumentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_executed_notebook_is_valid_nbformat_with_outputs_counts_and_polyglot_metadata()
    {
        var run = await Session.RunAsync(_folder,
            Markdown("# Title\ntext"),
            Code("Console.WriteLine(\"out\");\ndisplay(new { A = 1 });\n40 + 2"),
            Code("var s = \"x\";"),
            Code("throw new InvalidOperationException(\"boom\");"));
        var written = _folder.File("written.ipynb");
        File.WriteAllText(written, run.Document.ToJson(run.Cells));

        Assert.Null(Nbformat.Validate(written));
        var json = JsonNode.Parse(File.ReadAllText(written))!;
        Assert.Equal(".net-csharp", (string)json["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("polyglot-notebook", (string)json["metadata"]!["language_info"]!["name"]!);
        Assert.Equal("csharp", (string)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["c1", "c2", "c3", "c4"], cells.Select(c => (string)c!["id"]!));
        var code = cells[1]!;
        Assert.Equal("csharp", (string)code["metadata"]!["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("csharp", (string)code["metadata"]!["dotnet_interactive"]!["language"]!);
        Assert.Equal(1, (int)code["execution_count"]!);
        Assert.Equal(["stream", "display_data", "execute_result"], code["outputs"]!.AsArray().Select(o => (string)o!["output_type"]!));
        Assert.Equal(1, (int)code["outputs"]![2]!["execution_count"]!);
        Assert.Equal("error", (string)cells[3]!["outputs"]![0]!["output_type"]!);
        Assert.StartsWith("System.InvalidOperationException: boom", (string)cells[3]!["outputs"]![0]!["evalue"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_and_writing_without_outputs_keeps_sources_ids_and_metadata()
    {
        var path = NotebookFile.Write(_folder.File("n.ipynb"), Markdown("# T\r\nline two\n"), Code("var a = 1;\nvar b = 2;"));
        var original = JsonNode.Parse(File.ReadAllText(path))!;
        original["metadata"]!["custom"] = "kept";
        original["cells"]![1]!["metadata"]!["tags"] = new JsonArray("setup");
        File.WriteAllText(path, original.ToJsonString());

        var document = NotebookDocument.Load(path);
        var again = JsonNode.Parse(document.ToJson())!;

        Assert.Equal("T", document.Title);
        Assert.Equal("kept", (string)again["metadata"]!["custom"]!);
        Assert.Equal("setup", (string)again["cells"]![1]!["metadata"]!["tags"]![0]!);
        Assert.Equal(["# T\r\n", "line two\n"], again["cells"]![0]!["source"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["var a = 1;\n", "var b = 2;"], again["cells"]![1]!["source"]!.AsArray().Select(l => (string)l!));
        Assert.Null(again["cells"]![1]!["execution_count"]);
        Assert.Empty(again["cells"]![1]!["outputs"]!.AsArray());
        File.WriteAllText(_folder.File("again.ipynb"), document.ToJson());
        Assert.Null(Nbformat.Validate(_folder.File("again.ipynb")));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "the top level is not a JSON object")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3, expected 4")]
    [InlineData("""{"nbformat": 4}""", "no \"cells\" array")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "widget", "source": ""}]}""", "cell 1 has cell_type \"widget\"")]
    public void A_file_that_is_not_a_notebook_is_refused_with_the_reason(string content, string message)
    {
        var path = _folder.File("bad.ipynb");
        File.WriteAllText(path, content);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
