using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>How notebooks are committed: without outputs, with Polyglot metadata, loading pinned package versions.</summary>
public sealed partial class NotebookPolicyTests
{
    public static TheoryData<string> CommittedNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repository.Notebooks.Append(Path.Combine(Repository.Root, "tests", "Workbook.Tests", "Fixtures", "broken.ipynb")))
        {
            data.Add(Path.GetRelativePath(Repository.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommittedNotebooks))]
    public void Notebooks_are_committed_without_outputs_or_execution_counts(string notebook)
    {
        var cells = NotebookJson.CodeCells(Path.Combine(Repository.Root, notebook));

        Assert.All(cells, cell =>
        {
            Assert.Null(cell["execution_count"]);
            Assert.Empty(cell["outputs"]!.AsArray());
        });
    }

    [Theory]
    [MemberData(nameof(CommittedNotebooks))]
    public void Notebooks_carry_the_metadata_vs_code_writes_for_csharp(string notebook)
    {
        var json = Read(notebook);

        Assert.Equal(4, (int)json["nbformat"]!);
        Assert.Equal(5, (int)json["nbformat_minor"]!);
        Assert.Equal(".net-csharp", (string)json["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("csharp", (string)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.All(json["cells"]!.AsArray(), cell => Assert.False(string.IsNullOrEmpty((string?)cell!["id"])));
        Assert.All(json["cells"]!.AsArray().Where(c => (string)c!["cell_type"]! == "code"), cell =>
        {
            Assert.Equal("csharp", (string)cell!["metadata"]!["polyglot_notebook"]!["kernelName"]!);
            Assert.Equal("csharp", (string)cell["metadata"]!["dotnet_interactive"]!["language"]!);
        });
        Assert.Null(Nbformat.Validate(Path.Combine(Repository.Root, notebook)));
    }

    [Theory]
    [MemberData(nameof(CommittedNotebooks))]
    public void Every_nuget_reference_uses_the_version_pinned_in_Directory_Packages_props(string notebook)
    {
        var pinned = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var sources = NotebookJson.CodeCells(Path.Combine(Repository.Root, notebook)).Select(NotebookJson.Source);

        foreach (Match reference in sources.SelectMany(s => NugetReference().Matches(s)))
        {
            var name = reference.Groups["name"].Value;
            Assert.True(pinned.ContainsKey(name), $"{notebook}: {name} is not pinned in Directory.Packages.props");
            Assert.Equal(pinned[name], reference.Groups["version"].Value);
        }
    }

    [Fact]
    public void The_notebooks_are_numbered_and_the_overview_comes_first()
    {
        var names = Repository.Notebooks.Select(Path.GetFileName).ToList();

        Assert.Equal("00-overview.ipynb", names[0]);
        Assert.All(names, name => Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", name));
    }

    private static JsonNode Read(string notebook) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, notebook)))!;

    [GeneratedRegex("""#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*,\s*(?<version>[^"\s]+)\s*"|#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*"(?<version>)""")]
    private static partial Regex NugetReference();
}
