namespace Workbook.Execution;

/// <summary>
/// A C# cell with its Polyglot directives taken out: the code Roslyn compiles (directive lines blanked, so line
/// numbers stay those of the cell) and what the directives asked for.
/// </summary>
/// <param name="Code">The code to compile.</param>
/// <param name="Packages">The <c>#r "nuget: Name, Version"</c> requests, in order.</param>
/// <param name="Assemblies">The <c>#r "path.dll"</c> requests, in order, as written.</param>
/// <param name="Timed">Whether the cell carries <c>#!time</c>.</param>
public sealed record CellSource(string Code, IReadOnlyList<PackageRequest> Packages, IReadOnlyList<AssemblyRequest> Assemblies, bool Timed);

/// <summary>A <c>#r "nuget: Name, Version"</c> line.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The version as written, or null when the line gives none.</param>
/// <param name="Line">The line in the cell, 1-based.</param>
public sealed record PackageRequest(string Name, string? Version, int Line);

/// <summary>A <c>#r "path"</c> line that references an assembly file.</summary>
/// <param name="Path">The path as written (relative paths resolve against the notebook's folder).</param>
/// <param name="Line">The line in the cell, 1-based.</param>
public sealed record AssemblyRequest(string Path, int Line);
