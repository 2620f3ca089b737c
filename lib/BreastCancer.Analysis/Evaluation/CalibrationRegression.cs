using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Logistic recalibration of predicted probabilities (Cox 1958, Biometrika 45:562–565; Van Calster et al. 2019, BMC
/// Medicine 17:230): the calibration slope b of logit P(y = 1) = a + b·logit p, and calibration-in-the-large, the
/// intercept a′ of logit P(y = 1) = a′ + logit p with the slope held at 1. Each is the maximum-likelihood fit
/// (Newton–Raphson, a step halved until the likelihood rises), with a Wald 95 % interval from the observed information.
/// A calibrated model has b = 1 and a′ = 0; b &lt; 1 means its probabilities are too extreme (as an overfitted model's
/// are), a′ &gt; 0 that they are too low on average. Probabilities are clipped to [10⁻¹⁵, 1 − 10⁻¹⁵] before the logit.
/// </summary>
/// <param name="Rows">Predictions fitted.</param>
/// <param name="Positives">Of them, malignant.</param>
/// <param name="Slope">b, with its interval.</param>
/// <param name="InterceptInTheLarge">a′, with its interval.</param>
public sealed record CalibrationRegression(int Rows, int Positives, IntervalEstimate Slope, IntervalEstimate InterceptInTheLarge)
{
    private const double Clip = 1e-15;
    private const int MaxIterations = 100;

    /// <summary>The recalibration fits of <paramref name="probabilities"/> against <paramref name="labels"/> (true = malignant).</summary>
    /// <exception cref="ArgumentException">The lists differ in length, a probability is outside 0–1, every probability is the same, or both classes are not present.</exception>
    /// <exception cref="InvalidOperationException">The likelihood has no maximum: the probabilities separate the classes perfectly.</exception>
    public static CalibrationRegression Of(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException($"{labels.Count} labels and {probabilities.Count} probabilities", nameof(probabilities));
        }

        for (var i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] is not (>= 0 and <= 1))
            {
                throw new ArgumentException($"probability {i} is {probabilities[i]}, outside 0–1", nameof(probabilities));
            }
        }

        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
        {
            throw new ArgumentException("both classes must be present to fit a calibration slope", nameof(labels));
        }

        var x = probabilities.Select(p => SpecialFunctions.Logit(Math.Clamp(p, Clip, 1 - Clip))).ToArray();
        if (x.Distinct().Take(2).Count() < 2)
        {
            throw new ArgumentException("every probability is the same: a calibration slope needs at least two different ones", nameof(probabilities));
        }

        var y = labels.Select(l => l ? 1.0 : 0.0).ToArray();
        var (_, b, slopeSe) = FitSlope(x, y);
        var (large, largeSe) = FitInterceptInTheLarge(x, y);
        return new CalibrationRegression(labels.Count, positives, IntervalEstimate.Wald(b, slopeSe), IntervalEstimate.Wald(large, largeSe));
    }

    /// <summary>a and b of logit P(y = 1) = a + b x, and the standard error of b.</summary>
    private static (double A, double B, double SlopeSe) FitSlope(double[] x, double[] y)
    {
        var (a, b) = (0.0, 1.0);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var mu = SpecialFunctions.Logistic(a + b * x[i]);
                var w = mu * (1 - mu);
                g0 += y[i] - mu;
                g1 += (y[i] - mu) * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }

            var det = h00 * h11 - h01 * h01;
            if (!(det > 0))
            {
                throw new InvalidOperationException("the calibration slope has no maximum-likelihood fit: the probabilities separate the classes perfectly");
            }

            var (da, db) = ((h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det);
            var before = LogLikelihood(x, y, a, b);
            var step = 1.0;
            while (LogLikelihood(x, y, a + step * da, b + step * db) < before && step > 1e-6)
            {
                step /= 2;
            }

            (a, b) = (a + step * da, b + step * db);
            if (Math.Abs(step * da) < 1e-10 && Math.Abs(step * db) < 1e-10)
            {
                return (a, b, Math.Sqrt(h00 / det));
            }
        }

        throw new InvalidOperationException($"the calibration slope did not converge in {MaxIterations} iterations: the probabilities separate the classes (nearly) perfectly");
    }

    /// <summary>a′ of logit P(y = 1) = a′ + x, and its standard error.</summary>
    private static (double Intercept, double Se) FitInterceptInTheLarge(double[] x, double[] y)
    {
        var a = 0.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double g = 0, h = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var mu = SpecialFunctions.Logistic(a + x[i]);
                g += y[i] - mu;
                h += mu * (1 - mu);
            }

            var step = g / h;
            a += step;
            if (Math.Abs(step) < 1e-10)
            {
                return (a, 1 / Math.Sqrt(h));
            }
        }

        throw new InvalidOperationException($"calibration-in-the-large did not converge in {MaxIterations} iterations");
    }

    /// <summary>Σ y η − log(1 + e^η) with η = a + b x, computed without overflow.</summary>
    private static double LogLikelihood(double[] x, double[] y, double a, double b)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var eta = a + b * x[i];
            sum += y[i] * eta - (eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta)));
        }

        return sum;
    }
}

/// <summary>An estimate with its standard error and 95 % interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Low">Lower bound of the 95 % interval.</param>
/// <param name="High">Upper bound of the 95 % interval.</param>
public sealed record IntervalEstimate(double Value, double StandardError, double Low, double High)
{
    /// <summary>The Wald interval, value ± z₀.₉₇₅ · standard error.</summary>
    public static IntervalEstimate Wald(double value, double standardError)
    {
        var z = Normal.InvCDF(0, 1, 0.975);
        return new IntervalEstimate(value, standardError, value - z * standardError, value + z * standardError);
    }
}
