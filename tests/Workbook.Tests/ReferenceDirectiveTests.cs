using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>#r of NuGet packages and of assembly files, resolved by the kernel's own directives.</summary>
public sealed class ReferenceDirectiveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_package_is_usable_only_after_its_nuget_line_as_in_the_kernel()
    {
        var without = await Session.RunAsync(_folder, Code("typeof(MathNet.Numerics.Statistics.Statistics).Name"));
        var with = await Session.RunAsync(_folder, Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.Statistics.Statistics.Mean(new[] { 1.0, 2.0, 6.0 })"));

        Assert.Matches(@"^error CS0246: The type or namespace name 'MathNet' could not be found", without.Error!.Message);
        Assert.True(with.Succeeded, with.Error?.Message);
        Assert.Contains(">3<", with.CodeCells()[0].Result().Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_same_package_again_in_a_later_cell_is_harmless_as_in_the_kernel()
    {
        var run = await Session.RunAsync(_folder,
            Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nvar m = MathNet.Numerics.Statistics.Statistics.Median(new[] { 1.0, 9.0, 2.0 });"),
            Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\nm"));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Contains(">2<", run.CodeCells()[1].Result().Html(), StringComparison.Ordinal);
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
    public async Task A_missing_assembly_is_a_compilation_error_at_its_line()
    {
        var run = await Session.RunAsync(_folder, Code("// a reference comes before the cell's first token\n#r \"../nowhere/None.dll\""));

        Assert.Equal(1, run.Error!.Cell);
        Assert.Equal(2, run.Error.Line);
        Assert.Equal("error CS0006: Metadata file '../nowhere/None.dll' could not be found", run.Error.Message);
    }

    [Fact]
    public async Task A_package_the_registry_does_not_have_fails_the_cell_with_nugets_error()
    {
        var run = await Session.RunAsync(_folder, Code("var a = 1;"), Code("#r \"nuget: BreastCancerWorkbook.NoSuchPackage, 1.0.0\""), Code("var never = 1;"));

        Assert.Equal(2, run.Error!.Cell);
        Assert.Contains("error NU1101: Unable to find package BreastCancerWorkbook.NoSuchPackage", run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, run.Cells.Count);
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
