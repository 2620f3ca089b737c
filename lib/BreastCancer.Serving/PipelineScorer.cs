using System.Buffers;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Serving.Scoring;

namespace BreastCancer.Serving;

/// <summary>
/// Scores rows with a fitted pipeline one row, or one caller's buffer of rows, at a time: the probabilities of
/// <see cref="FittedPipeline.PredictProbability"/>, without its list of arrays per step and without ML.NET's fixed cost
/// per call (building and reading a data view, about a millisecond), so one patient costs microseconds or less and a
/// batch allocates nothing per row. Made by <see cref="FittedPipelineScoring.CreateScorer(FittedPipeline, IReadOnlyList{string}?)"/>;
/// <see cref="Method"/> says how it computes (see <see cref="ScoringMethod"/>), which follows from what the classifier
/// says of itself, its <see cref="IFittedClassifier.Form"/>.
/// <para>
/// Exactness: the steps run the steps' own double arithmetic, the exact RBF SVM its own vectorised operations on its
/// own support vectors, and an ML.NET linear model ML.NET's single-precision score b + w·x (the dense dot product of
/// <c>System.Numerics.Tensors</c>, which ML.NET 5 calls) with its calibration in double precision, rounded to single
/// precision where ML.NET's <c>Probability</c> column is; tree ensembles run in ML.NET itself. The probabilities equal
/// <see cref="FittedPipeline.PredictProbability"/>'s bit for bit on the study's models (the tests compare them on all
/// 569 WDBC rows for every model of the <see cref="ModelCatalogue"/>).
/// </para>
/// <para>
/// Thread safety: a scorer is immutable and safe to share between threads. Each call works in buffers of its own
/// (on the stack, or rented from the shared array pool for wide rows and batches); the ML.NET prediction engines of
/// <see cref="ScoringMethod.PredictionEngine"/>, which are not thread-safe, are pooled so that concurrent calls never
/// share one. Make one scorer per model and keep it.
/// </para>
/// </summary>
public sealed class PipelineScorer
{
    /// <summary>Rows transformed at once by the batch overloads: the size of the rented buffer of classifier inputs.</summary>
    private const int Block = 256;

    /// <summary>Above this many values the scratch of one row is rented, not taken from the stack.</summary>
    private const int StackLimit = 256;

    private readonly FittedPipeline _pipeline;
    private readonly IReadOnlyList<string> _names;
    private readonly InputTransform? _transform;
    private readonly ScoreFunction? _function;

    /// <summary>The scorer of <paramref name="pipeline"/>, whose rows hold the features <paramref name="featureNames"/> (null: "feature 1", "feature 2", …, as many as the pipeline's first step reads).</summary>
    /// <exception cref="ArgumentException">No names are given and the pipeline does not say how many features it reads, or a step's width contradicts the row's.</exception>
    internal PipelineScorer(FittedPipeline pipeline, IReadOnlyList<string>? featureNames)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _names = featureNames is { } names ? [.. names] : [.. Enumerable.Range(1, Width(pipeline)).Select(f => $"feature {f}")];
        _transform = InputTransform.Of(pipeline.Steps, _names);
        _function = _transform is null ? null : pipeline.Classifier.Form.Accept(new ScoreFunctionBuilder(_transform.InputCount));
        Method = _function?.Method ?? ScoringMethod.Pipeline;
    }

    /// <summary>The number of features a row has.</summary>
    public int FeatureCount => _names.Count;

    /// <summary>The features a row holds, in order (the names used in errors).</summary>
    public IReadOnlyList<string> FeatureNames => _names;

    /// <summary>How the probabilities are computed.</summary>
    public ScoringMethod Method { get; }

    /// <summary>The probability of malignancy, 0–1, of one row of <see cref="FeatureCount"/> features (NaN for a missing value the pipeline imputes).</summary>
    /// <exception cref="ArgumentException">The row has the wrong number of values, or a value is missing where nothing imputes it (the message names the feature).</exception>
    public double Probability(ReadOnlySpan<double> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"the row has {features.Length} values; the pipeline reads {FeatureCount} features ({string.Join(", ", _names)})", nameof(features));
        }

        if (_transform is null || _function is null)
        {
            return _pipeline.PredictProbability([features.ToArray()])[0];
        }

        var size = (2 * _transform.Width) + _transform.InputCount;
        double[]? rented = null;
        var scratch = size <= StackLimit ? stackalloc double[size] : (rented = ArrayPool<double>.Shared.Rent(size)).AsSpan(0, size);
        try
        {
            var inputs = scratch[..(_transform.InputCount)];
            _transform.Apply(features, inputs, scratch[_transform.InputCount..], row: -1);
            return _function.Probability(inputs);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The probability of each row of <paramref name="rows"/>, <see cref="FeatureCount"/> values per row laid one row
    /// after the other (row-major), written to <paramref name="destination"/>, one per row.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths disagree, or a value is missing where nothing imputes it (the message names the row, from 1, and the feature).</exception>
    public void Probabilities(ReadOnlySpan<double> rows, Span<double> destination)
    {
        if (rows.Length != destination.Length * FeatureCount)
        {
            throw new ArgumentException($"{rows.Length} values are not {destination.Length} rows of {FeatureCount} features", nameof(rows));
        }

        Score(new FlatRows(rows, FeatureCount), destination);
    }

    /// <summary>The probability of each of <paramref name="rows"/> (each <see cref="FeatureCount"/> features), written to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The counts disagree, a row has the wrong number of values, or a value is missing where nothing imputes it (the message names the row, from 1, and the feature).</exception>
    public void Probabilities(IReadOnlyList<double[]> rows, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count != destination.Length)
        {
            throw new ArgumentException($"{rows.Count} rows for {destination.Length} probabilities", nameof(destination));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != FeatureCount)
            {
                throw new ArgumentException($"row {r + 1} has {rows[r].Length} values; the pipeline reads {FeatureCount} features ({string.Join(", ", _names)})", nameof(rows));
            }
        }

        Score(new ArrayRows(rows), destination);
    }

    private void Score<TRows>(TRows rows, Span<double> destination)
        where TRows : IRows, allows ref struct
    {
        if (_transform is null || _function is null)
        {
            var copies = new double[destination.Length][];
            for (var r = 0; r < copies.Length; r++)
            {
                copies[r] = rows.Row(r).ToArray();
            }

            _pipeline.PredictProbability(copies).CopyTo(destination);
            return;
        }

        var width = _transform.InputCount;
        var inputs = ArrayPool<double>.Shared.Rent(Block * width);
        var scratch = ArrayPool<double>.Shared.Rent(2 * _transform.Width);
        try
        {
            for (var start = 0; start < destination.Length; start += Block)
            {
                var count = Math.Min(Block, destination.Length - start);
                for (var r = 0; r < count; r++)
                {
                    _transform.Apply(rows.Row(start + r), inputs.AsSpan(r * width, width), scratch, start + r);
                }

                _function.Probabilities(inputs.AsSpan(0, count * width), width, destination.Slice(start, count));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inputs);
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>The number of features the pipeline's first step (or, with no steps, its classifier) reads.</summary>
    private static int Width(FittedPipeline pipeline) => (pipeline.Steps.Count > 0 ? pipeline.Steps[0] : null) switch
    {
        SimpleImputer.FittedImputer imputer => imputer.Fill.Count,
        Standardizer.FittedStandardizer standardizer => standardizer.Means.Count,
        null when pipeline.Classifier is FittedKernelSvm { SupportVectors: [var first, ..] } => first.Length,
        _ => throw new ArgumentException("the pipeline does not say how many features it reads: give the feature names", nameof(pipeline)),
    };

    /// <summary>Rows to score, one span each.</summary>
    private interface IRows
    {
        ReadOnlySpan<double> Row(int index);
    }

    private readonly ref struct FlatRows(ReadOnlySpan<double> values, int width) : IRows
    {
        private readonly ReadOnlySpan<double> _values = values;

        public ReadOnlySpan<double> Row(int index) => _values.Slice(index * width, width);
    }

    private readonly struct ArrayRows(IReadOnlyList<double[]> rows) : IRows
    {
        public ReadOnlySpan<double> Row(int index) => rows[index];
    }
}
