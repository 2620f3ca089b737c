namespace BreastCancer.Analysis.Tests.Data;

/// <summary>Files a test writes, in a fresh temp folder deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bc-data-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TempFiles() => Directory.CreateDirectory(_folder);

    public string PathOf(string name) => Path.Combine(_folder, name);

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
