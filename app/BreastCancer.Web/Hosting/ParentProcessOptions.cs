namespace BreastCancer.Web.Hosting;

/// <summary>The process whose end stops the app (configuration section <c>ParentProcess</c>), for an app started by another program.</summary>
public sealed class ParentProcessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ParentProcess";

    /// <summary>The process id to watch; none (the default) for an app that runs until it is stopped.</summary>
    public int? Id { get; set; }
}
