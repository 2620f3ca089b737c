using System.Globalization;

namespace BreastCancer.Analysis.Tuning;

/// <summary>How a random search draws one hyperparameter (scikit-learn's <c>ParameterSampler</c> distributions).</summary>
/// <param name="Name">The hyperparameter's name in the catalogue model.</param>
public abstract record ParameterDistribution(string Name)
{
    /// <summary>One draw.</summary>
    public abstract double Sample(Random random);

    /// <summary>One of the given values, each equally likely.</summary>
    public static ParameterDistribution Choice(string name, params double[] values) => new ChoiceDistribution(name, values);

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static ParameterDistribution Uniform(string name, double low, double high) => new UniformDistribution(name, low, high, Log: false, Whole: false);

    /// <summary>Log-uniform on [<paramref name="low"/>, <paramref name="high"/>), both &gt; 0 (scipy's <c>loguniform</c>): for scales like C and γ.</summary>
    public static ParameterDistribution LogUniform(string name, double low, double high) => new UniformDistribution(name, low, high, Log: true, Whole: false);

    /// <summary>A whole number uniform on [<paramref name="low"/>, <paramref name="high"/>], both included.</summary>
    public static ParameterDistribution WholeNumber(string name, int low, int high) => new UniformDistribution(name, low, high + 1, Log: false, Whole: true);

    private sealed record ChoiceDistribution(string Name, IReadOnlyList<double> Values) : ParameterDistribution(Name)
    {
        public override double Sample(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return Values.Count > 0 ? Values[random.Next(Values.Count)] : throw new InvalidOperationException($"{Name}: no values to choose from");
        }
    }

    private sealed record UniformDistribution(string Name, double Low, double High, bool Log, bool Whole) : ParameterDistribution(Name)
    {
        public override double Sample(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (!(High > Low) || (Log && Low <= 0))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Name}: the range [{Low}, {High}) is empty{(Log ? " or not positive" : "")}"));
            }

            var u = random.NextDouble();
            var value = Log ? Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))) : Low + u * (High - Low);
            return Whole ? Math.Floor(value) : value;
        }
    }
}
