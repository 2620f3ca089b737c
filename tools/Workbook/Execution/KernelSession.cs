using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Workbook.Notebooks;

namespace Workbook.Execution;

/// <summary>
/// One notebook's kernel: a fresh <see cref="NotebookKernel"/> to which each code cell is submitted as it is in VS Code
/// or Jupyter (<see cref="SubmitCode"/> to the cell's kernel), so state, <c>#r</c> directives, formatters, errors and
/// outputs are the kernel's own. Relative paths in cells resolve against the process's working directory, which the
/// caller sets to the notebook's folder, as the kernel's process starts there.
/// </summary>
public sealed class KernelSession : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;
    private int _executionCount;

    /// <summary>A session on a new kernel.</summary>
    public KernelSession()
    {
        _kernel = NotebookKernel.Create();
        _csharp = (CSharpKernel)_kernel.FindKernelByName(PolyglotMetadata.CSharpKernel);
    }

    /// <summary>Runs one code cell and returns its outputs; a failure is returned in <see cref="ExecutedCell.Error"/>, never thrown.</summary>
    public async Task<ExecutedCell> RunAsync(NotebookCell cell, CancellationToken cancellationToken = default)
    {
        var count = ++_executionCount;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var result = await _kernel.SendAsync(new SubmitCode(cell.Source, cell.KernelName), cancellationToken).ConfigureAwait(false);
        clock.Stop();
        var (outputs, error) = KernelOutputs.From(result, cell, exception => SubmissionLine.Of(exception, _csharp.ScriptState?.Script));
        return new ExecutedCell(count, outputs, started, clock.Elapsed, error);
    }

    /// <inheritdoc />
    public void Dispose() => _kernel.Dispose();
}
