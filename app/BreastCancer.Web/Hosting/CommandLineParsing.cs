using System.CommandLine;
using System.CommandLine.Help;

namespace BreastCancer.Web.Hosting;

/// <summary>Parses the app's commands with System.CommandLine, the same way for each: response files off, help on request.</summary>
public static class CommandLineParsing
{
    /// <summary>Response files are off: an argument that starts with <c>@</c> is taken as written, not read as a list of arguments.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// Parses <paramref name="args"/> (the words after the command's name) with <paramref name="syntax"/>, which holds
    /// <see cref="HelpOption()"/>; <paramref name="bind"/> builds the arguments from a parse without errors.
    /// </summary>
    public static CommandLineParse<T> Parse<T>(Command syntax, IReadOnlyList<string> args, Func<ParseResult, T> bind)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(bind);
        var result = syntax.Parse(args, Configuration);
        return result switch
        {
            { Action: HelpAction } => new(syntax, null, [], asksForHelp: true),
            { Errors: [_, ..] errors } => new(syntax, null, [.. errors.Select(e => e.Message)], asksForHelp: false),
            _ => new(syntax, bind(result), [], asksForHelp: false),
        };
    }

    /// <summary>The <c>--help</c> option of a command, its text wrapped at 120 characters.</summary>
    public static HelpOption HelpOption() => new() { Action = new HelpAction { MaxWidth = 120 } };

    /// <summary>Writes the help of <paramref name="syntax"/> to <paramref name="writer"/>, as its <see cref="HelpAction"/> renders it.</summary>
    internal static void Help(Command syntax, TextWriter writer) =>
        syntax.Parse(["--help"], Configuration).Invoke(new InvocationConfiguration { Output = writer });
}
