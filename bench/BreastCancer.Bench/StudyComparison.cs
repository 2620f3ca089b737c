using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Bench;

/// <summary>
/// The whole study (issue 10): every notebook of <c>notebooks/</c> run headless by our runner (<c>Workbook run</c>,
/// the Release build, exports included) against <c>bench/peer/study.py</c>, the scikit-learn equivalent of the
/// notebooks' computations, each side a process of its own under GNU time, <c>runs</c> times, alternating. "Warm"
/// means built and with the files in the page cache: every run is a fresh process, so the runtime's JIT and Python's
/// imports are in every figure. Each side's seconds per notebook come from its own report; ours per code cell from the
/// executed notebooks of each run (<see cref="StudyCell"/>).
/// </summary>
internal static partial class StudyComparison
{
    /// <summary>The whole study's target, seconds warm on this machine.</summary>
    public const double TargetSeconds = 60;

    /// <summary>Issue 26's target for each code cell: "no code cell over 5 s", seconds (median over our runs) on this machine.</summary>
    public const double CellTargetSeconds = 5;

    /// <summary>What the machine lacks to run the comparison, or null.</summary>
    public static string? Missing() => File.Exists(Runner()) ? null : $"the notebook runner's build at {Runner()} (dotnet build -c Release bench/BreastCancer.Bench builds it)";

    /// <summary>Runs both sides <paramref name="runs"/> times, alternating.</summary>
    public static StudyFigures Measure(BenchData data, string output, int runs)
    {
        var artifacts = Path.GetFullPath(Path.Combine(output, "study-artifacts"));
        var split = Path.GetFullPath(Path.Combine(output, "study-split.json"));
        File.WriteAllText(split, JsonSerializer.Serialize(new { train = data.Split.Train, test = data.Split.Test }));
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var (ours, peer, cells) = (new List<MeasuredProcess>(), new List<MeasuredProcess>(), new List<IReadOnlyList<StudyCell>>());
        for (var run = 0; run < runs; run++)
        {
            ours.Add(MeasuredProcess.Run("dotnet", [Runner(), "run", "--out", artifacts]).EnsureSuccess("the notebook runner"));
            cells.Add(StudyCell.Read(artifacts));
            peer.Add(MeasuredProcess.Run(Peer.Python, [Path.Combine("bench", "peer", "study.py"), Path.GetFullPath("data"), split]).EnsureSuccess("bench/peer/study.py"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  study run {run + 1}: ours {ours[^1].WallSeconds:F1} s, peer {peer[^1].WallSeconds:F1} s"));
        }

        Directory.Delete(artifacts, recursive: true);
        var card = ModelStore.Load("models").Card;
        var ourHeldOut = new StudyHeldOut(card.Model.Pipeline, card.HeldOut.Metrics[Metric.Accuracy], card.HeldOut.Metrics[Metric.RocAuc]);
        var reports = peer.Select(p => PeerReport(p.Output)).ToList();
        return new StudyFigures(ours, peer, [.. ours.Select(p => OurSteps(p.Errors))], [.. reports.Select(r => r.Steps)], cells, ourHeldOut, reports[^1].HeldOut);
    }

    /// <summary>The notebook runner's assembly, built in the benchmark's configuration by its project reference.</summary>
    private static string Runner() => SiblingBuild.Assembly(Path.Combine("tools", "Workbook"), "Workbook.dll");

    private static Dictionary<string, double> OurSteps(string report) => NotebookLine().Matches(report)
        .ToDictionary(m => m.Groups["name"].Value, m => double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture));

    private static StudyReport PeerReport(string output) =>
        JsonSerializer.Deserialize<StudyReport>(output) ?? throw new InvalidOperationException($"bench/peer/study.py printed no report: {output}");

    [GeneratedRegex(@"^(?<name>\S+): ok in (?<seconds>[\d.]+) s$", RegexOptions.Multiline)]
    private static partial Regex NotebookLine();
}

/// <summary>What <c>bench/peer/study.py</c> prints: seconds per notebook, and the held-out figures of the model it deploys.</summary>
internal sealed record StudyReport(Dictionary<string, double> Steps, StudyHeldOut HeldOut);

/// <summary>The peer's deployed model and its held-out accuracy and ROC AUC.</summary>
internal sealed record StudyHeldOut(string Model, double Accuracy, double RocAuc);

/// <summary>
/// Both sides' runs of the whole study, their seconds per notebook, our seconds per code cell in each run, and the
/// held-out figures of the model each deploys (ours from the card notebook 06 saves in <c>models/</c>).
/// </summary>
internal sealed record StudyFigures(IReadOnlyList<MeasuredProcess> Ours, IReadOnlyList<MeasuredProcess> Peer,
    IReadOnlyList<IReadOnlyDictionary<string, double>> OurSteps, IReadOnlyList<IReadOnlyDictionary<string, double>> PeerSteps,
    IReadOnlyList<IReadOnlyList<StudyCell>> OurCells, StudyHeldOut OurHeldOut, StudyHeldOut PeerHeldOut)
{
    /// <summary>Our code cells' seconds over the runs.</summary>
    public IReadOnlyList<CellSeconds> Cells => CellSeconds.Of(OurCells);

    /// <summary>Our code cells whose median is over <see cref="StudyComparison.CellTargetSeconds"/>, in document order.</summary>
    public IReadOnlyList<CellSeconds> CellsOverTarget => CellSeconds.OverTarget(Cells);

    /// <summary>Our median seconds over the peer's.</summary>
    public double Ratio => Spread.Of(Ours.Select(p => p.WallSeconds)).Median / Spread.Of(Peer.Select(p => p.WallSeconds)).Median;

    /// <summary>Whether ours is under <see cref="StudyComparison.TargetSeconds"/> and not slower than the peer.</summary>
    public bool TimeMet => Spread.Of(Ours.Select(p => p.WallSeconds)).Median < StudyComparison.TargetSeconds && Ratio <= 1;

    /// <summary>Whether the time is met (<see cref="TimeMet"/>) and no code cell is over <see cref="StudyComparison.CellTargetSeconds"/>.</summary>
    public bool Met => TimeMet && CellsOverTarget.Count == 0;
}
