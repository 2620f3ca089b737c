using System.Text.RegularExpressions;

namespace Workbook.Execution;

/// <summary>
/// Reads the directives of a C# cell as the .NET Interactive kernel does: <c>#r "nuget: …"</c>, <c>#r "file.dll"</c>
/// and the <c>#!</c> magic commands. Supported: <c>#!csharp</c> (and its alias <c>#!c#</c>) and <c>#!time</c>; every
/// other magic command, and <c>#i</c>, is refused with the line and the reason. <c>#load</c> is left to Roslyn.
/// </summary>
public static partial class CellDirectives
{
    /// <summary>The magic commands the runner honours.</summary>
    public static readonly IReadOnlyList<string> SupportedMagicCommands = ["#!csharp", "#!c#", "#!time"];

    /// <summary>Splits a cell into code and directives; throws <see cref="CellDirectiveException"/> for one it cannot honour.</summary>
    public static CellSource Parse(string source)
    {
        var lines = source.Split('\n');
        var packages = new List<PackageRequest>();
        var assemblies = new List<AssemblyRequest>();
        var timed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            var number = i + 1;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var command = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                if (command.Equals("#!time", StringComparison.Ordinal))
                {
                    timed = true;
                }
                else if (!SupportedMagicCommands.Contains(command, StringComparer.OrdinalIgnoreCase))
                {
                    throw new CellDirectiveException(number,
                        $"the magic command '{command}' is not supported by the headless runner, which runs C# cells only (supported: {string.Join(", ", SupportedMagicCommands)})");
                }

                lines[i] = "";
            }
            else if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed.Equals("#i", StringComparison.Ordinal))
            {
                throw new CellDirectiveException(number,
                    "'#i' adds a package source, but the runner serves only the packages pinned in Directory.Packages.props that it references; remove the line");
            }
            else if (ReferenceDirective().Match(trimmed) is { Success: true } reference)
            {
                var target = reference.Groups["target"].Value;
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    packages.Add(ParsePackage(target["nuget:".Length..], number));
                }
                else
                {
                    assemblies.Add(new AssemblyRequest(target, number));
                }

                lines[i] = "";
            }
        }

        return new CellSource(string.Join('\n', lines), packages, assemblies, timed);
    }

    private static PackageRequest ParsePackage(string spec, int line)
    {
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            throw new CellDirectiveException(line, $"'#r \"nuget:{spec}\"' is not of the form #r \"nuget: Name, Version\"");
        }

        return new PackageRequest(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null, line);
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex ReferenceDirective();
}
