using System.Reflection;
using Microsoft.FSharp.Core;

namespace BreastCancer.Analysis.Tests;

/// <summary>
/// The binding of FSharp.Core requests to the loaded FSharp.Core. The notebooks' runs in the real kernel (Jupyter's
/// client and the runner, tests/Workbook.Tests) show it at work: every chart draws there although the kernel holds
/// FSharp.Core 10.0.0.0 and Plotly.NET asks for 10.1.0.0.
/// </summary>
public sealed class FSharpCoreBindingTests
{
    private static readonly Assembly Loaded = typeof(FSharpOption<>).Assembly;
    private static readonly Assembly Other = typeof(FSharpCoreBindingTests).Assembly;

    [Theory]
    [InlineData("10.1.0.0")]
    [InlineData("10.0.0.0")]
    [InlineData("10.9.9.9")]
    public void A_request_for_fsharp_core_of_the_loaded_major_version_gets_the_loaded_assembly(string version)
    {
        Assert.Equal(10, Loaded.GetName().Version!.Major);

        var resolved = FSharpCoreBinding.Resolve(new AssemblyName($"FSharp.Core, Version={version}, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), [Other, Loaded]);

        Assert.Same(Loaded, resolved);
    }

    [Theory]
    [InlineData("FSharp.Core, Version=11.0.0.0")]
    [InlineData("FSharp.Core, Version=4.7.0.0")]
    [InlineData("FSharp.Core")]
    [InlineData("Plotly.NET, Version=6.0.0.0")]
    [InlineData("FSharp.Core.Extra, Version=10.1.0.0")]
    public void Another_major_version_no_version_or_another_assembly_is_left_to_fail_as_usual(string name)
    {
        Assert.Null(FSharpCoreBinding.Resolve(new AssemblyName(name), [Other, Loaded]));
    }

    [Fact]
    public void Nothing_is_answered_when_no_fsharp_core_is_loaded()
    {
        Assert.Null(FSharpCoreBinding.Resolve(new AssemblyName("FSharp.Core, Version=10.1.0.0"), [Other]));
    }
}
