namespace Workbook.Running;

/// <summary>What the <c>execute</c> command is asked to do (<see cref="ExecuteCommand"/>).</summary>
/// <param name="Notebook">The notebook to run.</param>
/// <param name="OutDirectory">The folder its executed notebook and HTML export are written to.</param>
/// <param name="Result">The file the executed cells' timings and the error are written to.</param>
/// <param name="Previous">The notebook run before it, linked from its export; null for the first.</param>
/// <param name="Next">The notebook the run goes on to, linked when the run does go on; null for the last.</param>
/// <param name="KeepGoing">The run goes on to the next notebook even when this one fails.</param>
public sealed record ExecuteRequest(string Notebook, string OutDirectory, string Result, string? Previous, string? Next, bool KeepGoing);
