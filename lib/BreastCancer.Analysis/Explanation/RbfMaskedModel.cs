using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// An RBF support vector machine (<see cref="FittedKernelSvm"/>), with a map from its decision value to a probability,
/// evaluated on masked rows without building them. For an explained row x, a background row b and a support vector s,
/// the masked row z of coalition S (x on S, b elsewhere) has
/// ‖z − s‖² = ‖b − s‖² + Σ_{j∈S} Δⱼ = ‖x − s‖² − Σ_{j∉S} Δⱼ, with Δⱼ = (xⱼ − sⱼ)² − (bⱼ − sⱼ)²,
/// so each coalition's squared distances to every (background row, support vector) pair are a sum of at most
/// min(|S|, M − |S|) of the row's M difference vectors, instead of a sum over every feature of every masked row. The
/// kernel values, decision values f = Σ cₛ exp(−γ‖z − s‖²) − ρ and probabilities follow as
/// <see cref="FittedKernelSvm.DecisionFunction"/> computes them; only the order of the distance sums differs, so the
/// outputs agree with the masked rows' to rounding (about 10⁻¹⁵ relative).
/// </summary>
internal sealed class RbfMaskedModel : MaskedModel
{
    private readonly FittedKernelSvm _svm;
    private readonly Func<IReadOnlyList<double>, double[]> _probabilities;
    private readonly double[] _coefficients;

    /// <summary>The machine and the map from decision values to outputs (its calibrator's probabilities, or the logistic).</summary>
    public RbfMaskedModel(FittedKernelSvm svm, Func<IReadOnlyList<double>, double[]> probabilities)
    {
        _svm = svm;
        _probabilities = probabilities;
        _coefficients = [.. svm.DualCoefficients];
    }

    /// <summary>The masked model of a fitted classifier: this class for an RBF SVM, bare or calibrated; the masked rows themselves for any other.</summary>
    public static MaskedModel Of(IFittedClassifier classifier) => classifier switch
    {
        FittedCalibratedClassifier { Inner: FittedKernelSvm svm } calibrated => new RbfMaskedModel(svm, calibrated.Calibrator.Probabilities),
        FittedKernelSvm svm => new RbfMaskedModel(svm, FittedKernelSvm.Logistic),
        _ => new RowsMaskedModel(classifier.PredictProbability),
    };

    /// <inheritdoc />
    public override double[] Outputs(IReadOnlyList<double[]> rows) => _probabilities(_svm.DecisionFunction(rows));

    /// <inheritdoc />
    public override Func<double[], int[], IReadOnlyList<bool[]>, double[]> Worker(ShapBackground background)
    {
        var support = _svm.SupportVectors;
        var (n, p) = (background.Rows.Count, support.Count);
        if (p > 0 && support[0].Length != background.Width)
        {
            throw new ArgumentException($"the background rows have {background.Width} values for support vectors of {support[0].Length}", nameof(background));
        }

        var fromBackground = new double[n * p];
        for (var b = 0; b < n; b++)
        {
            for (var s = 0; s < p; s++)
            {
                fromBackground[b * p + s] = SquaredDistance(background.Rows[b], support[s]);
            }
        }

        var fromRow = new double[n * p];
        var exponents = new double[n * p];
        var decisions = new double[n];
        double[] differences = [];
        double[] outputs = [];
        return (x, varying, masks) =>
        {
            var m = varying.Length;
            if (differences.Length < m * n * p)
            {
                differences = new double[m * n * p];
            }

            for (var i = 0; i < m; i++)
            {
                var f = varying[i];
                for (var b = 0; b < n; b++)
                {
                    var bf = background.Rows[b][f];
                    for (var s = 0; s < p; s++)
                    {
                        var (xs, bs) = (x[f] - support[s][f], bf - support[s][f]);
                        differences[(i * n + b) * p + s] = xs * xs - bs * bs;
                    }
                }
            }

            for (var s = 0; s < p; s++)
            {
                fromRow[s] = SquaredDistance(x, support[s]);
            }

            for (var b = 1; b < n; b++)
            {
                Array.Copy(fromRow, 0, fromRow, b * p, p);
            }

            if (outputs.Length != masks.Count * n + 1)
            {
                outputs = new double[masks.Count * n + 1];
            }

            for (var c = 0; c < masks.Count; c++)
            {
                Distances(masks[c], differences, fromBackground, fromRow, exponents, n * p);
                TensorPrimitives.Multiply(exponents, -_svm.Gamma, exponents);
                TensorPrimitives.Exp<double>(exponents, exponents);
                for (var b = 0; b < n; b++)
                {
                    decisions[b] = TensorPrimitives.Dot<double>(exponents.AsSpan(b * p, p), _coefficients) - _svm.Rho;
                }

                _probabilities(decisions).CopyTo(outputs, c * n);
            }

            outputs[^1] = Outputs([x])[0];
            return outputs;
        };
    }

    /// <summary>The squared distances of a coalition's masked rows to every (background row, support vector) pair, from the side with fewer difference vectors to add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Distances(bool[] mask, double[] differences, double[] fromBackground, double[] fromRow, double[] distances, int block)
    {
        var inside = mask.Count(v => v);
        var (start, sign) = 2 * inside <= mask.Length ? (fromBackground, true) : (fromRow, false);
        var first = true;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != sign)
            {
                continue;
            }

            var difference = differences.AsSpan(i * block, block);
            ReadOnlySpan<double> from = first ? start : distances;
            if (sign)
            {
                TensorPrimitives.Add(from, difference, distances);
            }
            else
            {
                TensorPrimitives.Subtract(from, difference, distances);
            }

            first = false;
        }

        if (first)
        {
            start.CopyTo(distances, 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            sum += (a[f] - b[f]) * (a[f] - b[f]);
        }

        return sum;
    }
}
