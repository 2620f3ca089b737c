using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A pipeline's fitted feature steps applied to one row in place, with the arithmetic of the steps themselves (so the
/// classifier's inputs are the same doubles as <see cref="FittedPipeline.Transform"/> gives): simple imputation
/// (a missing cell, NaN, takes the fill value), standardisation ((v − mean) / scale) and selection (the kept columns,
/// in order). Steps of other kinds (k-nearest-neighbour imputation, engineered features) combine rows or features and
/// are not compiled: <see cref="Of"/> returns null for them. A classifier input still NaN after the steps (a feature
/// missing where nothing imputes it) is an error naming the row and the data's feature. Immutable.
/// </summary>
internal sealed class InputTransform
{
    private readonly Step[] _steps;
    private readonly int[] _sources;
    private readonly IReadOnlyList<string> _names;

    private InputTransform(Step[] steps, int[] sources, IReadOnlyList<string> names, int width)
    {
        (_steps, _sources, _names) = (steps, sources, names);
        FeatureCount = names.Count;
        InputCount = sources.Length;
        Width = width;
    }

    /// <summary>The number of features a row has.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of inputs the classifier reads (fewer than <see cref="FeatureCount"/> after a selection).</summary>
    public int InputCount { get; }

    /// <summary>The widest a row gets on its way through the steps: the scratch <see cref="Apply"/> needs.</summary>
    public int Width { get; }

    /// <summary>
    /// The compiled steps for rows of the features <paramref name="names"/>, or null when a step is of a kind not
    /// compiled here.
    /// </summary>
    /// <exception cref="ArgumentException">A step's width does not match the row's at that point.</exception>
    public static InputTransform? Of(IReadOnlyList<IFittedFeatureStep> steps, IReadOnlyList<string> names)
    {
        var compiled = new List<Step>();
        int[] sources = [.. Enumerable.Range(0, names.Count)];
        foreach (var (step, position) in steps.Select((s, i) => (s, i + 1)))
        {
            Step? next = step switch
            {
                SimpleImputer.FittedImputer imputer => new Step(StepKind.Impute, [.. imputer.Fill], [], []),
                Standardizer.FittedStandardizer standardizer => new Step(StepKind.Standardise, [.. standardizer.Means], [.. standardizer.Scales], []),
                FittedSelection selection => new Step(StepKind.Select, [], [], [.. selection.Selected]),
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            var width = sources.Length;
            if (next.Kind == StepKind.Select)
            {
                if (next.Columns.Any(c => c < 0 || c >= width))
                {
                    throw new ArgumentException($"step {position} selects columns outside a row of {width} values", nameof(steps));
                }

                sources = [.. next.Columns.Select(c => sources[c])];
            }
            else if (next.First.Length != width || (next.Kind == StepKind.Standardise && next.Second.Length != width))
            {
                throw new ArgumentException($"step {position} ({step.GetType().Name}) has {next.First.Length} values for a row of {width}", nameof(steps));
            }

            compiled.Add(next);
        }

        return new InputTransform([.. compiled], sources, names, names.Count);
    }

    /// <summary>
    /// Writes the classifier's inputs for <paramref name="features"/> (one row, <see cref="FeatureCount"/> values) to
    /// <paramref name="inputs"/> (<see cref="InputCount"/> values), using <paramref name="scratch"/> (at least twice
    /// <see cref="Width"/>); <paramref name="row"/> (from 0, or −1 for a single row) names the row in an error.
    /// </summary>
    /// <exception cref="ArgumentException">A classifier input is missing (NaN) after the steps.</exception>
    public void Apply(ReadOnlySpan<double> features, Span<double> inputs, Span<double> scratch, int row)
    {
        var current = scratch[..Width];
        var other = scratch.Slice(Width, Width);
        features.CopyTo(current);
        var width = features.Length;
        foreach (var step in _steps)
        {
            switch (step.Kind)
            {
                case StepKind.Impute:
                    var fill = step.First;
                    for (var f = 0; f < width; f++)
                    {
                        if (double.IsNaN(current[f]))
                        {
                            current[f] = fill[f];
                        }
                    }

                    break;
                case StepKind.Standardise:
                    var (means, scales) = (step.First, step.Second);
                    for (var f = 0; f < width; f++)
                    {
                        current[f] = (current[f] - means[f]) / scales[f];
                    }

                    break;
                default:
                    var columns = step.Columns;
                    for (var k = 0; k < columns.Length; k++)
                    {
                        other[k] = current[columns[k]];
                    }

                    var swap = current;
                    current = other;
                    other = swap;
                    width = columns.Length;
                    break;
            }
        }

        current[..width].CopyTo(inputs);
        if (HasNaN(inputs, out var input))
        {
            var where = row >= 0 ? $"row {row + 1}: " : "";
            throw new ArgumentException($"{where}{_names[_sources[input]]} is missing (NaN), and the pipeline does not impute it", nameof(features));
        }
    }

    private static bool HasNaN(ReadOnlySpan<double> values, out int index)
    {
        for (index = 0; index < values.Length; index++)
        {
            if (double.IsNaN(values[index]))
            {
                return true;
            }
        }

        return false;
    }

    private enum StepKind
    {
        Impute,
        Standardise,
        Select,
    }

    /// <summary>A compiled step: the fill values, or the means and scales, or the kept columns.</summary>
    private sealed record Step(StepKind Kind, double[] First, double[] Second, int[] Columns);
}
