namespace BreastCancer.Analysis.Deployment;

/// <summary>A model file, model card or model folder that cannot be read or written as it stands; the message names the file and the reason.</summary>
/// <param name="path">The file or folder concerned.</param>
/// <param name="reason">What is wrong with it.</param>
/// <param name="inner">The error that revealed it, if any.</param>
public sealed class ModelFileException(string path, string reason, Exception? inner = null) : Exception($"{path}: {reason}", inner)
{
    /// <summary>The file or folder concerned.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, without its path (for messages that must not show the server's folders).</summary>
    public string Reason { get; } = reason;
}
