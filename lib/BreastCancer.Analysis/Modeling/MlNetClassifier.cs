using System.Reflection;
using BreastCancer.Analysis.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A classifier backed by an ML.NET binary trainer. When the trained model has a <c>Probability</c> column (logistic
/// regression, FastTree, LightGBM: models fitted by log loss) that is the probability; otherwise (the linear SVM) the
/// probability is the logistic of the raw <c>Score</c>, which ranks rows but is not calibrated, and the decision score is the raw <c>Score</c>; and the factories
/// below wrap such trainers in a <see cref="CalibratedClassifier"/>. Each fit uses its own <see cref="MLContext"/>
/// seeded with the fit's seed, so results do not depend on what ran before.
/// </summary>
/// <param name="name">The name shown in tables.</param>
/// <param name="trainer">Builds the trainer for a context; it reads the <c>Features</c> and <c>Label</c> columns.</param>
/// <param name="boostingIterations">
/// The iterations asked of the trainer when it boosts trees by log loss without subsampling, so that a fit can score
/// from its first trees (<see cref="FittedMlNetBoosting"/>); null for any other trainer.
/// </param>
public sealed class MlNetClassifier(string name, Func<MLContext, IEstimator<ITransformer>> trainer, int? boostingIterations = null) : IClassifier
{
    /// <summary>
    /// L-BFGS logistic regression (ML.NET's <c>LbfgsLogisticRegression</c>) with penalties λ₁‖w‖₁ + λ₂/2‖w‖² on the
    /// summed log loss; ML.NET's defaults are λ₁ = λ₂ = 1. Each gradient is summed over <see cref="LbfgsThreads"/>
    /// blocks of rows.
    /// </summary>
    /// <param name="l1">λ₁ ≥ 0.</param>
    /// <param name="l2">λ₂ ≥ 0.</param>
    public static MlNetClassifier LogisticRegression(double l1 = 1, double l2 = 1) =>
        new(l1 == 1 && l2 == 1 ? "logistic regression" : $"logistic regression (λ₁ = {l1:G3}, λ₂ = {l2:G3})",
            c => c.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L1Regularization = (float)l1,
                L2Regularization = (float)l2,
                NumberOfThreads = LbfgsThreads,
            }));

    /// <summary>
    /// A linear SVM (ML.NET's <c>LinearSvm</c>, Pegasos: Shalev-Shwartz et al., ICML 2007) with regularisation λ and
    /// <paramref name="iterations"/> passes over the rows, Platt-calibrated on out-of-fold scores of the training rows.
    /// </summary>
    /// <param name="lambda">The regulariser λ &gt; 0 (ML.NET's default 0.001).</param>
    /// <param name="iterations">Passes over the training rows (ML.NET's default 1).</param>
    public static CalibratedClassifier LinearSvm(double lambda = 0.001, int iterations = 10) =>
        new(new MlNetClassifier($"linear SVM (λ = {lambda:G3}, {iterations} passes)",
            c => c.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options { Lambda = (float)lambda, NumberOfIterations = iterations })));

    /// <summary>
    /// Gradient-boosted trees by log loss (ML.NET FastTree, MART: Friedman 2001): <paramref name="trees"/> stages of at
    /// most <paramref name="leaves"/> leaves, shrinkage <paramref name="learningRate"/>, with <see cref="TreeThreads"/>
    /// threads for the split search.
    /// </summary>
    public static MlNetClassifier FastTree(int trees = 100, int leaves = 20, double learningRate = 0.2) =>
        new($"gradient boosting, FastTree ({trees} trees)",
            c => WithoutForcedCollections(c.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = leaves,
                LearningRate = learningRate,
                NumberOfThreads = TreeThreads,
            })), boostingIterations: trees);

    /// <summary>
    /// Gradient-boosted trees by log loss (ML.NET's LightGBM, Ke et al., NeurIPS 2017): <paramref name="trees"/> stages
    /// of at most <paramref name="leaves"/> leaves, shrinkage <paramref name="learningRate"/>, single-threaded so that
    /// results do not depend on the machine.
    /// </summary>
    public static MlNetClassifier LightGbm(int trees = 100, int leaves = 20, double learningRate = 0.1) =>
        new($"gradient boosting, LightGBM ({trees} trees)",
            c => c.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = trees,
                NumberOfLeaves = leaves,
                LearningRate = learningRate,
                NumberOfThreads = 1,
                Seed = 1,
                Deterministic = true,
            }), boostingIterations: trees);

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>
    /// The threads FastTree searches splits with. With one thread, ML.NET runs each node's per-feature searches as one
    /// thread-pool task per feature, started and waited for in turn (<c>Task.Run(…).Wait()</c> in its
    /// <c>ThreadTaskManager</c>), so a fit of 100 trees on 455 rows spends most of its time handing tens of thousands of
    /// tiny tasks to the pool and waiting for them; with two it runs them as one <c>Parallel.Invoke</c> per node, most of
    /// them on the calling thread. The split search writes each feature's best split to its own slot, so the trees do
    /// not depend on the number: the predictions are bit for bit those of one thread (bench/README.md, "Random forest
    /// fit time", measured on FastForest, which the study used before its own forest). ML.NET keeps the number per
    /// process and takes it from the first FastTree-family trainer created.
    /// </summary>
    private const int TreeThreads = 2;

    /// <summary>
    /// The blocks of rows ML.NET's L-BFGS sums each gradient and loss over, one per thread. Single-precision sums depend
    /// on how the rows are split, and ML.NET's default is one block per core, so the fitted weights (and every figure
    /// after them, in about the seventh digit) would depend on the machine; fixed at the two cores of the machine the
    /// study's figures come from. One block takes ML.NET's streaming path, about three times slower per fit here.
    /// </summary>
    private const int LbfgsThreads = 2;

    /// <summary>
    /// Turns off the two forced full garbage collections (and the forced <c>GC.GetTotalMemory(true)</c>) that ML.NET's
    /// FastTree family runs at the start of every fit, through its <c>AllowGC</c> field. On small data they cost more
    /// than the training itself, and the more so the larger the process's heap (a notebook's): measured at 244 MB of
    /// live heap, a 100-tree FastForest fit (the study's forest then) took 0.56 s with them and 0.27 s without.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ML.NET version in use has no such field.</exception>
    private static T WithoutForcedCollections<T>(T trainer)
    {
        var field = Ancestors(typeof(T)).Select(t => t.GetField("AllowGC", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)).FirstOrDefault(f => f is not null)
            ?? throw new InvalidOperationException($"{typeof(T).Name} of ML.NET {typeof(FastTreeBinaryTrainer).Assembly.GetName().Version} has no AllowGC field; review MlNetClassifier.WithoutForcedCollections for this version");
        field.SetValue(trainer, false);
        return trainer;

        static IEnumerable<Type> Ancestors(Type? type)
        {
            for (; type is not null; type = type.BaseType)
            {
                yield return type;
            }
        }
    }

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var context = new MLContext(seed);
        var model = trainer(context).Fit(MlNetRows.ToDataView(context, rows, labels));
        return boostingIterations is { } iterations ? new FittedMlNetBoosting(context, model, rows.Count > 0 ? rows[0].Length : 0, iterations) : new FittedMlNetClassifier(context, model);
    }
}
