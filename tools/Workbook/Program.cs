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
var notebook = new Argument<string>("NOTEBOOK") { Description = "The notebook to run." };
var executeOut = new Option<string>("--out") { Description = "Folder for the executed notebook and its HTML export.", Required = true };
var result = new Option<string>("--result") { Description = "File the executed cells' timings and the error are written to, as JSON.", Required = true };
var previous = new Option<string?>("--previous") { Description = "The notebook run before this one, linked from its export." };
var next = new Option<string?>("--next") { Description = "The notebook the run goes on to, linked when it does go on." };
var executeKeepGoing = new Option<bool>("--keep-going") { Description = "The run goes on to the next notebook even when this one fails." };
var execute = new Command("execute", "Run one notebook in this process and write its files: the run command's kernel process for it.")
{
    notebook, executeOut, result, previous, next, executeKeepGoing,
};
execute.Hidden = true;
execute.SetAction((parsed, cancellationToken) => ExecuteCommand.ExecuteAsync(
    new ExecuteRequest(parsed.GetValue(notebook)!, parsed.GetValue(executeOut)!, parsed.GetValue(result)!, parsed.GetValue(previous), parsed.GetValue(next), parsed.GetValue(executeKeepGoing)),
    new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true },
    cancellationToken));
var root = new RootCommand("The workbook's headless notebook runner: runs Polyglot C# notebooks in the .NET Interactive C# kernel and exports them to HTML.") { run, execute };
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
