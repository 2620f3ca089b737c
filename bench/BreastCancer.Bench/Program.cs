using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Bench;
using Microsoft.ML;
using Microsoft.ML.Transforms;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var command = args.Length > 0 ? args[0] : "models";
if (command is not ("all" or "measure" or "models" or "nested" or "shap" or "batch" or "serve" or "dashboard" or "study-cells"))
{
    Console.Error.WriteLine($"bench: unknown command '{command}'; commands: all [--runs N] [--only KEY,...] [--out FILE], measure KEY RUNS [OUT], models, nested, shap, batch [ROWS...], serve, dashboard [SIZE...], study-cells DIR [DIR2]");
    return 2;
}

if (command == "all")
{
    return ResultsCommand.Run(args[1..]);
}

if (command == "measure")
{
    return MeasureCommand.Run(args[1..]);
}

if (command == "study-cells")
{
    return StudyCellsCommand.Run(args[1..]);
}

if (command == "batch")
{
    var batchOutput = Path.Combine("bench", "out");
    Directory.CreateDirectory(batchOutput);
    return BatchBench.Run(args[1..], batchOutput);
}

if (command == "dashboard")
{
    var dashboardOutput = Path.Combine("bench", "out");
    Directory.CreateDirectory(dashboardOutput);
    return DashboardBench.Run(args[1..], BenchData.Load(), dashboardOutput);
}

var output = args.Length > 1 ? args[1] : Path.Combine("bench", "out");
Directory.CreateDirectory(output);
var data = BenchData.Load();
var (wdbc, x, y, folds) = (data.Wdbc, data.X, data.Y, data.Folds);
var foldsFile = Path.Combine(output, "folds.json");
File.WriteAllText(foldsFile, JsonSerializer.Serialize(new { x, y, folds = folds.Select(f => new { train = f.Train, test = f.Test }) }));

Console.WriteLine($"WDBC training rows: {x.Length}; repeated stratified 10 × 3 CV (seed 1), the same folds for both sides ({foldsFile})");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

if (command == "nested")
{
    return NestedBench.Run(x, y, folds, output);
}

if (command == "shap")
{
    return ShapBench.Run(wdbc, output);
}

if (command == "serve")
{
    return ServeBench.Run(data, output);
}

var peer = RunPeer(foldsFile);
var rows = new List<string[]>();
void Measure(string name, ClassificationPipeline pipeline, string? peerName)
{
    CrossValidation.Run(pipeline, x, y, folds.Take(2).ToList(), seed: 1);
    var clock = Stopwatch.StartNew();
    var result = CrossValidation.Run(pipeline, x, y, folds, seed: 1);
    var seconds = clock.Elapsed.TotalSeconds;
    var point = CrossValidation.Run(pipeline, x, y, folds, seed: 1, operatingPoint: new OperatingPointOptions(0.98));
    var theirs = peerName is not null && peer.TryGetValue(peerName, out var p) ? p : null;
    rows.Add(
    [
        name, F(result.MeanAccuracy), F(result.MeanRocAuc),
        F(point.OperatingPointSummary(Metric.Sensitivity).Mean), F(point.OperatingPointSummary(Metric.Specificity).Mean),
        seconds.ToString("F2", CultureInfo.InvariantCulture),
        theirs is null ? "" : F(theirs.Accuracy), theirs is null ? "" : F(theirs.RocAuc), theirs is null ? "" : theirs.Seconds.ToString("F2", CultureInfo.InvariantCulture),
        theirs is null ? "" : (seconds / theirs.Seconds).ToString("F2", CultureInfo.InvariantCulture),
    ]);
}

foreach (var (model, peerName) in new (CatalogueModel, string?)[]
{
    (ModelCatalogue.MajorityClass, "majority"), (ModelCatalogue.LogisticRegressionL2, "logistic_l2"), (ModelCatalogue.LogisticRegressionL1, "logistic_l1"),
    (ModelCatalogue.LinearSvm, "linear_svm"), (ModelCatalogue.RbfSvm, "rbf_svm_probability"), (ModelCatalogue.RandomForest, "random_forest"),
    (ModelCatalogue.FastTree, "gradient_boosting"), (ModelCatalogue.LightGbm, "gradient_boosting"),
})
{
    Measure(model.Name, model.Pipeline(), peerName);
}

var standardise = ModelCatalogue.MajorityClass.Pipeline().Steps;
Measure("RBF SVM, uncalibrated (sign of the margin at 0.5)", new ClassificationPipeline(standardise, new KernelSvm()), "rbf_svm");
Measure("RBF SVM alternative: random Fourier features (1000) + linear SVM", new ClassificationPipeline(standardise, new CalibratedClassifier(new MlNetClassifier("RFF",
    c => c.Transforms.ApproximatedKernelMap("Features", rank: 1000, generator: new GaussianKernel(1f / 30), seed: 1)
        .Append(c.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 10))))), "rbf_svm_probability");
Measure("RBF SVM alternative: LD-SVM", new ClassificationPipeline(standardise, new CalibratedClassifier(new MlNetClassifier("LD-SVM",
    c => c.BinaryClassification.Trainers.LdSvm(useCachedData: true)))), "rbf_svm_probability");

string[] headers = ["model", "accuracy", "ROC AUC", "sens @0.98", "spec @0.98", "time s", "sklearn acc", "sklearn AUC", "sklearn s", "time ratio"];
Console.WriteLine("| " + string.Join(" | ", headers) + " |");
Console.WriteLine("|" + string.Concat(headers.Select(_ => "---|")));
foreach (var row in rows)
{
    Console.WriteLine("| " + string.Join(" | ", row) + " |");
}

return 0;

static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

static Dictionary<string, PeerFigure> RunPeer(string foldsFile) => Peer.Run<Dictionary<string, PeerFigure>>("models.py", foldsFile) ?? [];

internal sealed record PeerFigure(double Accuracy, double RocAuc, double Seconds);
