using System.Diagnostics;

namespace BreastCancer.Bench;

/// <summary>
/// Where the serving benchmark puts the server under test and wrk on the machine's two cores, for both sides alike.
/// <see cref="Shared"/>: no pinning, wrk with two threads and the peer with two gunicorn workers, all sharing both
/// cores (wrk's share of the CPU then caps the server). <see cref="Pinned"/>: the server alone on core 1 and wrk alone on
/// core 0 (<c>taskset</c>), wrk with one thread and the peer with one sync worker: one CPU-bound worker per core, as two
/// are for two cores, since a second sync worker on one core only adds context switches (nothing blocks on I/O but the
/// loopback socket). Our server then sees one processor (<see cref="Environment.ProcessorCount"/>), and sizes its thread
/// pool and garbage collector for it.
/// </summary>
/// <param name="Key">The layout's name in the reports.</param>
/// <param name="Description">What it is, for the reports.</param>
/// <param name="ServerCores">The cores the server is pinned to (<c>taskset -c</c>), or null for none.</param>
/// <param name="DriverCores">The cores wrk is pinned to, or null for none.</param>
/// <param name="WrkThreads">wrk's threads (<c>-t</c>).</param>
/// <param name="PeerWorkers">The peer's gunicorn workers (<c>-w</c>).</param>
internal sealed record ServeLayout(string Key, string Description, string? ServerCores, string? DriverCores, int WrkThreads, int PeerWorkers)
{
    /// <summary>taskset, from Debian's util-linux.</summary>
    public const string Taskset = "/usr/bin/taskset";

    /// <summary>Server and wrk sharing both cores, unpinned.</summary>
    public static ServeLayout Shared { get; } = new("shared cores", "server and wrk unpinned, sharing both cores; wrk -t2, the peer's gunicorn -w 2", null, null, 2, 2);

    /// <summary>The server alone on core 1, wrk alone on core 0.</summary>
    public static ServeLayout Pinned { get; } = new("pinned cores", "server alone on core 1, wrk alone on core 0 (taskset -c), for both sides; wrk -t1, the peer's gunicorn -w 1 (one sync worker for its one core)", "1", "0", 1, 1);

    /// <summary>Both layouts, in the order they are measured and reported.</summary>
    public static IReadOnlyList<ServeLayout> All { get; } = [Shared, Pinned];

    /// <summary>How to start <paramref name="file"/> with <paramref name="arguments"/> on the server's cores.</summary>
    public ProcessStartInfo Server(string file, IEnumerable<string> arguments) => On(ServerCores, file, arguments);

    /// <summary>How to start <paramref name="file"/> with <paramref name="arguments"/> on wrk's cores.</summary>
    public ProcessStartInfo Driver(string file, IEnumerable<string> arguments) => On(DriverCores, file, arguments);

    /// <summary>taskset replaces itself with the command (exec), so the process started is the server itself, whose /proc figures <see cref="ServerProcess"/> reads.</summary>
    private static ProcessStartInfo On(string? cores, string file, IEnumerable<string> arguments) =>
        cores is null ? new ProcessStartInfo(file, arguments) : new ProcessStartInfo(Taskset, ["-c", cores, file, .. arguments]);
}
