namespace Workbook.Tests.Support;

/// <summary>The two runs of every notebook the tests read: through the runner and through Jupyter's client.</summary>
[CollectionDefinition(Name)]
public sealed class StudyRuns : ICollectionFixture<ExecutedWorkbook>, ICollectionFixture<JupyterWorkbook>
{
    public const string Name = "the study's notebooks, run by the runner and by Jupyter";
}
