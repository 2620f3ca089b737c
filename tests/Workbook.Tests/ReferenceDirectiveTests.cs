using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workbook.Execution;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>#r, #i and magic commands, as the kernel reads them.</summary>
public sealed class DirectiveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Directive_lines_are_blanked_so_that_code_keeps_its_line_numbers()
    {
        var source = CellDirectives.Parse("#!csharp\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"../x/y.dll\"\nvar a = 1;");

        Assert.Equal("\n\n\nvar a = 1;", source.Code);
        Assert.Equal([new PackageRequest("Plotly.NET", "6.0.0", 2)], source.Packages);
        Assert.Equal([new AssemblyRequest("../x/y.dll", 3)], source.Assemblies);
        Assert.False(source.Timed);
    }

    [Theory]
    [InlineData("#i \"nuget: /some/feed\"", 1, "'#i' adds a package source")]
    [InlineData("var a = 1;\n#!pwsh", 2, "'#!pwsh' is not supported")]
    [InlineData("\n\n#!who", 3, "'#!who' is not supported")]
    [InlineData("#r \"nuget: A, 1, 2\"", 1, "not of the form")]
    public void Unsupported_directives_are_refused_with_their_line(string cell, int line, string message)
    {
        var error = Assert.Throws<CellDirectiveException>(() => CellDirectives.Parse(cell));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_serves_exactly_the_study_packages_at_the_versions_of_Directory_Packages_props()
    {
        var pinned = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var study = new[] { "Microsoft.ML", "Microsoft.ML.FastTree", "Microsoft.ML.LightGbm", "Microsoft.Data.Analysis", "MathNet.Numerics", "Plotly.NET", "Plotly.NET.CSharp", "Microsoft.DotNet.Interactive.Formatting" };

        foreach (var name in study)
        {
            Assert.Equal(pinned[name], Session.Packages.Served[name]);
        }

        Assert.All(Session.Packages.Served, p => Assert.Equal(pinned[p.Key], p.Value));
        Assert.DoesNotContain("xunit", Session.Packages.Served.Keys);
    }

    [Fact]
    public void A_served_package_resolves_to_its_assemblies_and_those_of_its_dependencies()
    {
        var files = Session.Packages.Resolve(new PackageRequest("Microsoft.ML.FastTree", "5.0.1", 1)).Select(Path.GetFileName).ToList();

        Assert.Contains("Microsoft.ML.FastTree.dll", files);
        Assert.Contains("Microsoft.ML.Data.dll", files);
        Assert.Contains("Microsoft.ML.Core.dll", files);
    }

    [Theory]
    [InlineData("Plotly.NET", "5.0.0", "version 5.0.0, but 6.0.0 is the version pinned")]
    [InlineData("Plotly.NET", null, "has no version: pin it as #r \"nuget: Plotly.NET, 6.0.0\"")]
    [InlineData("Newtonsoft.Json", "13.0.3", "'Newtonsoft.Json' is not served")]
    [InlineData("xunit", "2.9.3", "'xunit' is not served")]
    public void Unpinned_packages_and_versions_are_refused(string name, string? version, string message)
    {
        var error = Assert.Throws<CellDirectiveException>(() => Session.Packages.Resolve(new PackageRequest(name, version, 7)));

        Assert.Equal(7, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_package_version_stops_the_notebook_at_its_cell_and_line()
    {
        var run = await Session.RunAsync(_folder, Code("var a = 1;"), Code("// load\n#r \"nuget: Microsoft.ML, 4.0.0\""));

        Assert.Equal(2, run.Error!.Cell);
        Assert.Equal(2, run.Error.Line);
        Assert.Contains("5.0.1 is the version pinned", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_is_usable_only_after_its_nuget_line_as_in_the_kernel()
    {
        var without = await Session.RunAsync(_folder, Code("typeof(MathNet.Numerics.Statistics.Statistics).Name"));
        var with = await Session.RunAsync(_folder, Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.Statistics.Statistics.Mean(new[] { 1.0, 2.0, 6.0 })"));

        Assert.Matches(@"^error CS0246: The type or namespace name 'MathNet' could not be found", without.Error!.Message);
        Assert.True(with.Succeeded, with.Error?.Message);
        Assert.Contains(">3<", with.CodeCells()[0].Outputs.Single().Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_same_package_again_in_a_later_cell_is_harmless_as_in_the_kernel()
    {
        var run = await Session.RunAsync(_folder,
            Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nvar m = MathNet.Numerics.Statistics.Statistics.Median(new[] { 1.0, 9.0, 2.0 });"),
            Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nm"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Contains(">2<", run.CodeCells()[1].Outputs.Single().Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assembly_path_resolves_against_the_notebook_folder()
    {
        BuildAssembly(_folder.File("libs/Greeter.dll"), "public static class Greeter { public static string Hello(string n) => \"hello \" + n; }");

        var run = await Session.RunAsync(_folder, Code("#r \"libs/Greeter.dll\"\nGreeter.Hello(\"ward\")"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal("hello ward", run.CodeCells()[0].Outputs.Single().Text());
    }

    [Fact]
    public async Task A_missing_assembly_is_reported_with_its_resolved_path()
    {
        var run = await Session.RunAsync(_folder, Code("\n#r \"../nowhere/None.dll\""));

        Assert.Equal(2, run.Error!.Line);
        Assert.Contains($"no file at {Path.GetFullPath(Path.Combine(_folder.Path, "../nowhere/None.dll"))}", run.Error.Message, StringComparison.Ordinal);
    }

    private static void BuildAssembly(string path, string code)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
