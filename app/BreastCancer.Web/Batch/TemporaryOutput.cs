using System.Runtime.InteropServices;

namespace BreastCancer.Web.Batch;

/// <summary>
/// The temporary file a command writes before moving it into place, removed on every exit the process can catch: when
/// disposed (the command finished or failed), and on SIGINT (Ctrl+C), SIGTERM, SIGHUP and SIGQUIT, before the signal
/// ends the process as it would have. Only SIGKILL and a power cut can leave it behind.
/// </summary>
public sealed class TemporaryOutput : IDisposable
{
    private static readonly PosixSignal[] Signals = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _errors;

    /// <summary>Watches <paramref name="path"/>; problems removing it, and the signal that interrupted the command, go to <paramref name="errors"/> prefixed with <paramref name="command"/>.</summary>
    public TemporaryOutput(string path, string command, TextWriter errors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(errors);
        Path = path;
        _errors = errors;
        _registrations = [.. Signals.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            Remove();
            _errors.WriteLine($"{command}: interrupted by {context.Signal}; no output written");
        }))];
    }

    /// <summary>The temporary file's path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        Remove();
    }

    private void Remove()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.WriteLine($"{Path}: the temporary output could not be removed: {e.Message}");
        }
    }
}
