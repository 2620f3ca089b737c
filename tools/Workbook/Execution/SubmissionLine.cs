using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Workbook.Execution;

/// <summary>
/// The line of a cell at which an exception left the cell's own code. The kernel compiles a cell without debugging
/// information, so the exception's stack trace has IL offsets but no lines. The cell's compilation (the script the
/// kernel ran, <see cref="Script.GetCompilation"/>) is emitted again with a portable PDB, whose sequence points map the
/// innermost frame in the cell's assembly to a line (ECMA-335 portable PDB, MethodDebugInformation table). Emitting a
/// PDB does not change the IL or the metadata tokens of the same compilation; the cell's own outputs stay as the
/// kernel made them.
/// </summary>
internal static class SubmissionLine
{
    /// <summary>The 1-based line within the cell, or null when no frame of <paramref name="exception"/> is in <paramref name="script"/>'s code.</summary>
    public static int? Of(Exception exception, Script? script)
    {
        if (script is null)
        {
            return null;
        }

        var compilation = script.GetCompilation();
        var frame = new StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.Module.Assembly.GetName().Name == compilation.AssemblyName && f.GetILOffset() != StackFrame.OFFSET_UNKNOWN);
        if (frame is null)
        {
            return null;
        }

        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        if (!compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb)).Success)
        {
            return null;
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var method = MetadataTokens.MethodDefinitionHandle(frame.GetMethod()!.MetadataToken & 0xFFFFFF);
        var offset = frame.GetILOffset();
        var point = reader.GetMethodDebugInformation(method).GetSequencePoints()
            .Where(p => !p.IsHidden && p.Offset <= offset)
            .Select(p => (SequencePoint?)p)
            .LastOrDefault();
        return point?.StartLine;
    }
}
