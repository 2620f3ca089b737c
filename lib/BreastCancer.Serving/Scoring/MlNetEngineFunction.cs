using System.Collections.Concurrent;
using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// Any ML.NET model (the tree ensembles, a model with transforms of its own) scored one row at a time by ML.NET's own
/// <see cref="PredictionEngine{TSrc, TDst}"/>, which runs the same row mapper as <c>ITransformer.Transform</c> without
/// building a data view, so each row costs microseconds instead of the milliseconds of a transform. The probability is
/// what <see cref="FittedMlNetClassifier.PredictProbability"/> gives: the model's <c>Probability</c> column when it has
/// one, else the logistic of its <c>Score</c>; the decision score is the <c>Score</c>. An engine is not safe across
/// threads, so engines are kept in a pool: a call takes one (creating it, about a millisecond, when none is free) and
/// gives it back, and concurrent calls never share one.
/// </summary>
internal sealed class MlNetEngineFunction : ScoreFunction
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _input;
    private readonly ConcurrentBag<Engine> _free = [];

    /// <summary>The function of the ML.NET model <paramref name="form"/>, which reads <paramref name="width"/> inputs.</summary>
    public MlNetEngineFunction(MlNetForm form, int width)
    {
        ArgumentNullException.ThrowIfNull(form);
        (_context, _model) = (form.Context, form.Model);
        _input = SchemaDefinition.Create(typeof(Input));
        _input[nameof(Input.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        HasProbability = form.HasProbabilityColumn(width);
        Width = width;
    }

    /// <summary>The number of inputs the model reads.</summary>
    public int Width { get; }

    /// <summary>Whether the model has a <c>Probability</c> column of its own.</summary>
    public bool HasProbability { get; }

    /// <inheritdoc />
    public override ScoringMethod Method => ScoringMethod.PredictionEngine;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs)
    {
        var engine = Rent();
        try
        {
            return engine.Probability(inputs);
        }
        finally
        {
            _free.Add(engine);
        }
    }

    /// <inheritdoc />
    public override double DecisionScore(ReadOnlySpan<double> inputs)
    {
        var engine = Rent();
        try
        {
            return engine.Score(inputs);
        }
        finally
        {
            _free.Add(engine);
        }
    }

    /// <inheritdoc />
    public override void Probabilities(ReadOnlySpan<double> inputs, int width, Span<double> destination)
    {
        var engine = Rent();
        try
        {
            for (var r = 0; r < destination.Length; r++)
            {
                destination[r] = engine.Probability(inputs.Slice(r * width, width));
            }
        }
        finally
        {
            _free.Add(engine);
        }
    }

    private Engine Rent() => _free.TryTake(out var engine) ? engine : new Engine(this);

    /// <summary>One thread's engines (created when first needed) with their reused input and outputs.</summary>
    private sealed class Engine(MlNetEngineFunction owner)
    {
        private readonly Input _input = new() { Features = new float[owner.Width] };
        private readonly ScoreOutput _score = new();
        private readonly ProbabilityOutput _probability = new();
        private PredictionEngine<Input, ScoreOutput>? _scoreEngine;
        private PredictionEngine<Input, ProbabilityOutput>? _probabilityEngine;

        public double Score(ReadOnlySpan<double> inputs)
        {
            _scoreEngine ??= owner._context.Model.CreatePredictionEngine<Input, ScoreOutput>(owner._model, inputSchemaDefinition: owner._input);
            Fill(inputs);
            var output = _score;
            _scoreEngine.Predict(_input, ref output);
            return output.Score;
        }

        public double Probability(ReadOnlySpan<double> inputs)
        {
            if (!owner.HasProbability)
            {
                return 1 / (1 + Math.Exp(-Score(inputs)));
            }

            _probabilityEngine ??= owner._context.Model.CreatePredictionEngine<Input, ProbabilityOutput>(owner._model, inputSchemaDefinition: owner._input);
            Fill(inputs);
            var output = _probability;
            _probabilityEngine.Predict(_input, ref output);
            return output.Probability;
        }

        private void Fill(ReadOnlySpan<double> inputs)
        {
            var features = _input.Features;
            for (var i = 0; i < features.Length; i++)
            {
                features[i] = (float)inputs[i];
            }
        }
    }

    private sealed class Input
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoreOutput
    {
        public float Score { get; set; }
    }

    private sealed class ProbabilityOutput
    {
        public float Probability { get; set; }
    }
}
