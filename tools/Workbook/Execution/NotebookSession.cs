using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Workbook.Notebooks;

namespace Workbook.Execution;

/// <summary>
/// One C# kernel session for one notebook: the cells run in order as Roslyn script submissions, so state, types and
/// <c>using</c> directives carry from cell to cell as in the .NET Interactive C# kernel (which is built on the same
/// scripting engine). A cell's trailing expression is displayed; console output is captured as stream output.
/// </summary>
public sealed class NotebookSession
{
    /// <summary>The namespaces the C# kernel imports before the first cell.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "Microsoft.DotNet.Interactive.Formatting",
    ];

    private readonly string _notebookPath;
    private readonly PackageServer _packages;
    private readonly InteractiveAssemblyLoader _loader;
    private readonly OutputSink _sink = new();
    private readonly NotebookGlobals _globals;
    private ScriptOptions _options;
    private ScriptState<object>? _state;
    private int _executionCount;

    /// <summary>Starts a session for the notebook at <paramref name="notebookPath"/>; relative <c>#r</c> and <c>#load</c> paths resolve against its folder.</summary>
    public NotebookSession(string notebookPath, PackageServer packages, InteractiveAssemblyLoader loader)
    {
        _notebookPath = Path.GetFullPath(notebookPath);
        _packages = packages;
        _loader = loader;
        _globals = new NotebookGlobals(_sink);
        var folder = Path.GetDirectoryName(_notebookPath)!;
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(DefaultImports)
            .AddReferences(typeof(NotebookGlobals).Assembly, typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
                typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The sink the session's console output goes to while a cell runs.</summary>
    public OutputSink Output => _sink;

    /// <summary>Runs one code cell and returns its outputs; a failure is returned in <see cref="ExecutedCell.Error"/>, never thrown.</summary>
    public async Task<ExecutedCell> RunAsync(NotebookCell cell, CancellationToken cancellationToken = default)
    {
        var count = ++_executionCount;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        _sink.Drain();
        var (error, timed) = await RunCoreAsync(cell, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        if (error is null && timed)
        {
            _sink.Write("stdout", $"Wall time: {clock.Elapsed.TotalMilliseconds:F0} ms\n");
        }

        return new ExecutedCell(count, _sink.Drain(), started, clock.Elapsed, error);
    }

    private async Task<(CellError? Error, bool Timed)> RunCoreAsync(NotebookCell cell, CancellationToken cancellationToken)
    {
        if (!IsCSharp(cell.KernelName))
        {
            return (Fail(cell, null, "KernelNotSupported",
                $"the cell is for the '{cell.KernelName}' kernel; the headless runner runs C# cells only"), false);
        }

        CellSource source;
        try
        {
            source = CellDirectives.Parse(cell.Source);
            foreach (var package in source.Packages)
            {
                _options = _options.AddReferences(_packages.Resolve(package).Select(f => MetadataReference.CreateFromFile(f)));
            }

            foreach (var assembly in source.Assemblies)
            {
                _options = _options.AddReferences(MetadataReference.CreateFromFile(ResolveAssembly(assembly)));
            }
        }
        catch (CellDirectiveException e)
        {
            return (Fail(cell, e.Line, "DirectiveError", e.Message), false);
        }

        var options = _options.WithFilePath(CellPath(cell));
        var script = _state is null
            ? CSharpScript.Create<object>(source.Code, options, typeof(NotebookGlobals), _loader)
            : _state.Script.ContinueWith<object>(source.Code, options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return (CompilationFailed(cell, errors), source.Timed);
        }

        var hasResult = HasTrailingValue(script.GetCompilation());
        var state = _state is null
            ? await script.RunAsync(_globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(_state, _ => true, cancellationToken).ConfigureAwait(false);
        _state = state;
        if (state.Exception is { } exception)
        {
            return (ExceptionThrown(cell, exception), source.Timed);
        }

        if (hasResult)
        {
            try
            {
                _sink.Add(ValueFormatter.Format(state.ReturnValue, isResult: true));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var lastLine = source.Code.TrimEnd().Split('\n').Length;
                return (Fail(cell, lastLine, e.GetType().Name, $"formatting the cell's value ({state.ReturnValue?.GetType().Name}) failed: {e.GetType().FullName}: {e.Message}"), source.Timed);
            }
        }

        return (null, source.Timed);
    }

    private static bool IsCSharp(string kernelName) =>
        kernelName.Equals(PolyglotMetadata.CSharpKernel, StringComparison.OrdinalIgnoreCase) || kernelName.Equals("c#", StringComparison.OrdinalIgnoreCase);

    private string ResolveAssembly(AssemblyRequest request)
    {
        var folder = Path.GetDirectoryName(_notebookPath)!;
        var path = Path.GetFullPath(Path.Combine(folder, request.Path));
        if (!File.Exists(path))
        {
            throw new CellDirectiveException(request.Line,
                $"'#r \"{request.Path}\"': no file at {path}" + (path.Contains("/lib/", StringComparison.Ordinal) ? " (build the library first: dotnet build lib/BreastCancer.Analysis)" : ""));
        }

        return path;
    }

    private string CellPath(NotebookCell cell) => $"{_notebookPath}#cell{cell.Number}";

    /// <summary>True when the last statement is an expression without a semicolon whose type is not void, as the kernel decides.</summary>
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private CellError CompilationFailed(NotebookCell cell, List<Diagnostic> errors)
    {
        var first = errors[0];
        var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
        var trace = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        _sink.Add(new ErrorOutput("CompilationError", trace[0], trace));
        return new CellError(cell.Number, line, $"error {first.Id}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private CellError ExceptionThrown(NotebookCell cell, Exception exception)
    {
        while (exception is System.Reflection.TargetInvocationException or AggregateException && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var cellPath = CellPath(cell);
        var line = frames.Where(f => f.GetFileName() == cellPath).Select(f => (int?)f.GetFileLineNumber()).FirstOrDefault();
        var trace = exception.ToString().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)).ToList();
        _sink.Add(new ErrorOutput(exception.GetType().Name, exception.Message, trace));
        return new CellError(cell.Number, line, $"{exception.GetType().FullName}: {exception.Message}");
    }

    private CellError Fail(NotebookCell cell, int? line, string name, string message)
    {
        _sink.Add(new ErrorOutput(name, message, [message]));
        return new CellError(cell.Number, line, message);
    }
}
