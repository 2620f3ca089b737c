namespace BreastCancer.Bench;

/// <summary>One side of the serving benchmark: each wrk run, the server's CPU per request in each run (ms), and its peak resident set while serving (MiB).</summary>
internal sealed record ServeSide(IReadOnlyList<WrkResult> Runs, IReadOnlyList<double> CpuMsPerRequest, double PeakMiB)
{
    /// <summary>Requests per second over the runs.</summary>
    public Spread RequestsPerSecond => Spread.Of(Runs.Select(r => r.RequestsPerSecond));

    /// <summary>Median latency over the runs, ms.</summary>
    public Spread P50Ms => Spread.Of(Runs.Select(r => r.P50Ms));

    /// <summary>99th-percentile latency over the runs, ms.</summary>
    public Spread P99Ms => Spread.Of(Runs.Select(r => r.P99Ms));

    /// <summary>Server CPU per request over the runs, ms.</summary>
    public Spread Cpu => Spread.Of(CpuMsPerRequest);

    /// <summary>Responses other than 2xx and socket errors, over all runs.</summary>
    public long Failures => Runs.Sum(r => r.Non2xx + r.SocketErrors);
}

/// <summary>
/// What <see cref="ServeBench"/> measured: both sides, the ceiling of our server (its <c>GET /health</c>, driven the
/// same way in the same run), how far apart the two sides' answers for the held-out patients were, and the load
/// average before and after; and the targets of issues 9 and 10: p99 ≤ 5 ms and at least 10× the peer's requests per
/// second, every response 2xx.
/// </summary>
/// <param name="Layout">Where the servers and wrk ran.</param>
/// <param name="Ceiling">Our server answering <c>GET /health</c>: the same process, Kestrel and middleware (security headers, routing, request metrics, rate limiter) without a body to read, a model to run or a prediction to store; what no work per prediction could exceed.</param>
internal sealed record ServeFigures(ServeLayout Layout, ServeSide Ours, ServeSide Peer, ServeSide Ceiling, double ProbabilityGap, int Agreeing, int Patients, string LoadBefore, string LoadAfter)
{
    /// <summary>The largest p99 latency the target allows, ms.</summary>
    public const double P99TargetMs = 5;

    /// <summary>The throughput the target asks for, as a multiple of the peer's.</summary>
    public const double RatioTarget = 10;

    /// <summary>Our median requests per second over the peer's.</summary>
    public double Ratio => Ours.RequestsPerSecond.Median / Peer.RequestsPerSecond.Median;

    /// <summary>Our server's ceiling (<see cref="Ceiling"/>) over the peer's median requests per second.</summary>
    public double CeilingRatio => Ceiling.RequestsPerSecond.Median / Peer.RequestsPerSecond.Median;

    /// <summary>Whether both targets are met with no failed response.</summary>
    public bool Met => Ratio >= RatioTarget && Ours.P99Ms.Median <= P99TargetMs && Ours.Failures + Peer.Failures == 0;
}
