using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

/// <summary>GNU time's figures read back against what the measured process is known to do.</summary>
public class MeasuredProcessTests
{
    [Fact]
    public void PeakMemoryCoversWhatTheProcessTouched()
    {
        var run = MeasuredProcess.Run(Peer.Python, ["-c", "b = bytearray(200 * 1024 * 1024); print(len(b))"]).EnsureSuccess("python3");

        Assert.Equal("209715200", run.Output.Trim());
        Assert.InRange(run.PeakMiB, 200, 260);
    }

    [Fact]
    public void WallTimeIncludesSleepingButCpuTimeDoesNot()
    {
        var run = MeasuredProcess.Run("/bin/sleep", ["0.5"]);

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.WallSeconds >= 0.5, $"wall {run.WallSeconds} s");
        Assert.True(run.CpuSeconds < 0.25, $"CPU {run.CpuSeconds} s");
    }

    [Fact]
    public void CpuTimeCountsBusyWork()
    {
        var run = MeasuredProcess.Run(Peer.Python, ["-c", "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass"]).EnsureSuccess("python3");

        Assert.InRange(run.CpuSeconds, 0.55, run.WallSeconds + 0.05);
    }

    [Fact]
    public void FailureCarriesWhatTheProcessSaid()
    {
        var run = MeasuredProcess.Run(Peer.Python, ["-c", "import sys; sys.exit('no such model')"]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Throws<InvalidOperationException>(() => run.EnsureSuccess("the peer"));
        Assert.Contains("the peer", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such model", error.Message, StringComparison.Ordinal);
    }
}
