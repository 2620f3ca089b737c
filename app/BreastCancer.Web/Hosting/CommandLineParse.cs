using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace BreastCancer.Web.Hosting;

/// <summary>
/// The outcome of parsing one of the app's commands (<c>score</c>, <c>retrain</c>) with System.CommandLine
/// (<see cref="CommandLineParsing.Parse"/>): the arguments, a request for help (<c>--help</c>, <c>-h</c>, <c>-?</c>), or
/// the usage errors. The command's help is the usage printed with an error.
/// </summary>
/// <typeparam name="T">The command's arguments.</typeparam>
public sealed class CommandLineParse<T>
    where T : class
{
    private readonly Command _syntax;

    internal CommandLineParse(Command syntax, T? arguments, IReadOnlyList<string> errors, bool asksForHelp) =>
        (_syntax, Arguments, Errors, AsksForHelp) = (syntax, arguments, errors, asksForHelp);

    /// <summary>The arguments, or null on a usage error or a request for help.</summary>
    public T? Arguments { get; }

    /// <summary>The usage errors, each naming the option or argument and what is wrong with it; empty when there are none.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>True when the command line asks for the command's help.</summary>
    public bool AsksForHelp { get; }

    /// <summary>
    /// Answers a command line the command does not run on: a request for help gets the help on
    /// <paramref name="output"/> and exit code 0; usage errors get one line each on <paramref name="errors"/>, prefixed
    /// with <paramref name="command"/>, then the help, and <paramref name="usageErrorExitCode"/>. False, with
    /// <see cref="Arguments"/> set, when there is nothing to answer and the command runs.
    /// </summary>
    [MemberNotNullWhen(false, nameof(Arguments))]
    public bool Answers(string command, TextWriter output, TextWriter errors, int usageErrorExitCode, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (AsksForHelp)
        {
            WriteHelp(output);
            exitCode = 0;
            return true;
        }

        if (Arguments is null)
        {
            foreach (var error in Errors)
            {
                errors.WriteLine($"{command}: {error}");
            }

            WriteHelp(errors);
            exitCode = usageErrorExitCode;
            return true;
        }

        exitCode = 0;
        return false;
    }

    /// <summary>Writes the command's help, as System.CommandLine renders it: its description, usage, arguments and options.</summary>
    public void WriteHelp(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CommandLineParsing.Help(_syntax, writer);
    }
}
