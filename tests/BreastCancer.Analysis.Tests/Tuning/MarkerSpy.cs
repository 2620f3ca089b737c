using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Tuning;

/// <summary>
/// A classifier that counts the fits whose training rows include a marked row: the column <c>marker</c> is 1 on the
/// rows that must not be seen and 0 elsewhere, so after the pipeline's standardisation it is constant exactly when no
/// marked row is present. It learns nothing (the prior).
/// </summary>
internal sealed class MarkerSpy(Index marker) : IClassifier
{
    private int _fits;
    private int _sawMarked;

    public int Fits => _fits;

    public int FitsThatSawAMarkedRow => _sawMarked;

    public string Name => "marker spy";

    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
    {
        Interlocked.Increment(ref _fits);
        if (rows.Any(r => r[marker] != rows[0][marker]))
        {
            Interlocked.Increment(ref _sawMarked);
        }

        return new MajorityClass().Fit(rows, labels, seed);
    }
}
