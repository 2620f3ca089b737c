using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using Workbook.Notebooks;

namespace Workbook.Execution;

/// <summary>
/// The kernel a notebook runs in: .NET Interactive's <see cref="CSharpKernel"/> inside a <see cref="CompositeKernel"/>,
/// set up as the <c>dotnet-interactive</c> tool sets up the <c>.net-csharp</c> Jupyter kernel (dotnet/interactive,
/// <c>src/dotnet-interactive/KernelBuilder.cs</c>) as far as the public packages allow: the NuGet directive
/// (<c>#r "nuget:"</c>, restored as the tool restores), the kernel helpers (<c>display</c>, <c>HTML</c>, …),
/// <c>#!who</c>, value sharing, the HTML, JavaScript and value kernels, <c>#!import</c>, the kernel extensions NuGet
/// packages carry, and HTML as the default MIME type with strings as plain text.
/// </summary>
public static class NotebookKernel
{
    /// <summary>A new composite kernel whose default is C# (<see cref="PolyglotMetadata.CSharpKernel"/>). The caller disposes it.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel();
        composite.Add(csharp, [.. PolyglotMetadata.CSharpAliases]);
        composite.Add(new HtmlKernel());
        composite.Add(new KeyValueStoreKernel().UseWho());
        composite.Add(new JavaScriptKernel(), ["js"]);
        composite.UseImportMagicCommand();
        PackageExtensions.Load(composite);
        composite.DefaultKernelName = PolyglotMetadata.CSharpKernel;
        return composite;
    }

    /// <summary>
    /// Resets Microsoft.DotNet.Interactive.Formatting to the state a new kernel process starts in, as the tool leaves
    /// it for a notebook front end: HTML by default, strings as plain text. Formatters are static, so the runner calls
    /// this before each notebook, as if each had a kernel process of its own.
    /// </summary>
    public static void ResetFormatting()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }
}
