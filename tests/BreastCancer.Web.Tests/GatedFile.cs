using System.Diagnostics;

namespace BreastCancer.Web.Tests;

/// <summary>
/// A named pipe (<c>mkfifo</c>) in place of a file the app reads: the app's first read waits until <see cref="Release"/>
/// writes the content, so a test holds the app at that point for as long as it needs, with no sleep and no race; later
/// reads (the model card hashes the data file again) find a plain file with the same content. Disposing it releases a
/// reader still waiting (with an empty file) and deletes it.
/// </summary>
public sealed class GatedFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bc-web-gated-{Guid.NewGuid():N}");
    private bool _released;

    public GatedFile(string name)
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        using var mkfifo = Process.Start("mkfifo", [Path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public string Path { get; }

    /// <summary>
    /// Lets the waiting reader read <paramref name="content"/> (waiting for the reader to open the pipe first), having put
    /// a plain file with it in the pipe's place before the reader gets a byte, for every later read.
    /// </summary>
    public void Release(byte[] content)
    {
        _released = true;
        using var pipe = new FileStream(Path, FileMode.Open, FileAccess.Write);
        var file = $"{Path}.released";
        File.WriteAllBytes(file, content);
        File.Move(file, Path, overwrite: true);
        pipe.Write(content);
    }

    public void Dispose()
    {
        if (!_released)
        {
            Release([]);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
