using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Workbook.Execution;

/// <summary>
/// Loads the kernel extensions a NuGet package carries, as the <c>dotnet-interactive</c> tool does (its
/// <c>KernelExtensionLoader</c>, internal to the tool): once a command has added packages, every assembly in a
/// package's <c>interactive-extensions/dotnet/</c> folder is loaded, each <see cref="IKernelExtension"/> in it is
/// run against the kernel (saying so in the cell's output, as the tool does), and the folder's <c>extension.dib</c>,
/// if any, is run as a notebook. Microsoft.Data.Analysis
/// formats DataFrames this way; Plotly.NET.Interactive registers its chart formatter this way.
/// </summary>
public static class PackageExtensions
{
    /// <summary>Adds the loader to <paramref name="kernel"/>.</summary>
    public static void Load(CompositeKernel kernel)
    {
        var added = new ConcurrentQueue<string>();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        kernel.RegisterForDisposal(kernel.KernelEvents.OfType<PackageAdded>()
            .Select(e => e.PackageReference.PackageRoot)
            .Where(root => !string.IsNullOrEmpty(root))
            .Distinct()
            .Subscribe(added.Enqueue));
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context).ConfigureAwait(false);
            while (added.TryDequeue(out var root))
            {
                await LoadFromAsync(kernel, new DirectoryInfo(Path.Combine(root, "interactive-extensions", "dotnet")), loaded, context).ConfigureAwait(false);
            }
        });
    }

    private static async Task LoadFromAsync(CompositeKernel kernel, DirectoryInfo folder, HashSet<string> loaded, KernelInvocationContext context)
    {
        if (!folder.Exists)
        {
            return;
        }

        foreach (var file in folder.GetFiles("*.dll").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!loaded.Add(AssemblyName.GetAssemblyName(file.FullName).FullName))
            {
                continue;
            }

            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file.FullName);
            var extensions = assembly.ExportedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IKernelExtension).IsAssignableFrom(t)).ToList();
            if (extensions.Count > 0)
            {
                KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{assembly.Location}`");
            }

            foreach (var type in extensions)
            {
                try
                {
                    await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    context.Fail(context.Command, e, $"the kernel extension {type.FullName} of {file.FullName} failed to load: {e.Message}");
                }
            }
        }

        var script = new FileInfo(Path.Combine(folder.FullName, "extension.dib"));
        if (script.Exists)
        {
            await kernel.LoadAndRunInteractiveDocument(script, context.Command).ConfigureAwait(false);
        }
    }
}
