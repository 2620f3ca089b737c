using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Analysis.Modeling;

/// <summary>Out-of-fold predictions: every row predicted by a model fitted on the other folds (stratified, grouped, seeded).</summary>
internal static class OutOfFold
{
    /// <summary>
    /// One value per row, from <paramref name="fitAndPredict"/> given the rows to fit on and the rows to predict, for
    /// each of <paramref name="folds"/> stratified folds of <paramref name="labels"/> that keep each group of
    /// <paramref name="groups"/> (null: every row alone) in one fold.
    /// </summary>
    public static double[] Predict(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<string?>? groups, int folds, int seed,
        Func<IReadOnlyList<double[]>, IReadOnlyList<bool>, IReadOnlyList<double[]>, double[]> fitAndPredict)
    {
        var values = new double[rows.Count];
        foreach (var fold in StratifiedGroupKFold.Split(labels, groups, folds, seed))
        {
            var predicted = fitAndPredict([.. fold.Train.Select(r => rows[r])], [.. fold.Train.Select(r => labels[r])], [.. fold.Test.Select(r => rows[r])]);
            for (var t = 0; t < fold.Test.Count; t++)
            {
                values[fold.Test[t]] = predicted[t];
            }
        }

        return values;
    }
}
