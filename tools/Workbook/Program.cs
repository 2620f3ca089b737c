using System.CommandLine;
using Workbook.Running;

var notebooks = new Argument<string[]>("NOTEBOOK")
{
    Arity = ArgumentArity.ZeroOrMore,
    Description = "Notebooks to run, in the order given (default: every notebooks/*.ipynb of the repository, in name order).",
};
var outDirectory = new Option<string>("--out")
{
    Description = "Folder for the executed notebooks and their HTML exports (default: artifacts/ at the repository root).",
};
var keepGoing = new Option<bool>("--keep-going")
{
    Description = "Run the remaining notebooks after one fails (the exit code still reports the failure).",
};
var run = new Command("run", "Execute notebooks headless and write NAME.ipynb, NAME.html and index.html.") { notebooks, outDirectory, keepGoing };
run.SetAction((result, cancellationToken) => RunCommand.ExecuteAsync(
    result.GetValue(notebooks) ?? [],
    result.GetValue(outDirectory) ?? Path.Combine(RunCommand.RepositoryRoot(), "artifacts"),
    result.GetValue(keepGoing),
    Console.Out,
    Console.Error,
    interactive: !Console.IsErrorRedirected,
    cancellationToken));
var root = new RootCommand("The workbook's headless notebook runner: runs Polyglot C# notebooks in the .NET Interactive C# kernel and exports them to HTML.") { run };
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
