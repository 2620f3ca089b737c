namespace BreastCancer.Analysis.Data.Splits;

/// <summary>
/// K-fold cross-validation that keeps every group (a patient's rows) in one fold and keeps each fold's share of
/// malignant rows close to the whole data set's, in the manner of scikit-learn's <c>StratifiedGroupKFold</c>: groups
/// are shuffled with the seed, taken largest first, and each is put in the fold whose class counts it brings closest
/// to the target (n_class / k). With every row its own group this is plain stratified k-fold. The same labels,
/// groups, k and seed always give the same folds.
/// </summary>
public static class StratifiedGroupKFold
{
    /// <summary>
    /// The folds of <paramref name="repeats"/> repetitions of k-fold CV, each repetition with its own seed derived from
    /// <paramref name="seed"/>. <paramref name="groups"/> gives each row's group (null: every row alone).
    /// </summary>
    public static IReadOnlyList<Fold> Split(IReadOnlyList<bool> labels, IReadOnlyList<string?>? groups, int k, int seed, int repeats = 1)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (groups is not null && groups.Count != labels.Count)
        {
            throw new ArgumentException($"{groups.Count} groups for {labels.Count} rows", nameof(groups));
        }

        var members = Enumerable.Range(0, labels.Count)
            .GroupBy(r => groups?[r] is { } g ? "g:" + g : "r:" + r.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToList();
        if (members.Count < k)
        {
            throw new ArgumentException($"{members.Count} groups cannot fill {k} folds", nameof(k));
        }

        var folds = new List<Fold>();
        var seeds = new Random(seed);
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var assignment = Assign(labels, members, k, new Random(seeds.Next()));
            for (var fold = 0; fold < k; fold++)
            {
                var test = Enumerable.Range(0, labels.Count).Where(r => assignment[r] == fold).ToList();
                var train = Enumerable.Range(0, labels.Count).Where(r => assignment[r] != fold).ToList();
                folds.Add(new Fold(repeat, fold, train, test));
            }
        }

        return folds;
    }

    private static int[] Assign(IReadOnlyList<bool> labels, List<int[]> members, int k, Random random)
    {
        var order = members.ToArray();
        random.Shuffle(order);
        order = [.. order.OrderByDescending(g => g.Length)];
        var malignantTotal = labels.Count(l => l);
        var target = (Malignant: malignantTotal / (double)k, Benign: (labels.Count - malignantTotal) / (double)k);
        var counts = new (int Malignant, int Benign)[k];
        var assignment = new int[labels.Count];
        foreach (var group in order)
        {
            var malignant = group.Count(r => labels[r]);
            var benign = group.Length - malignant;
            var best = Enumerable.Range(0, k)
                .OrderBy(f => Cost(counts[f].Malignant + malignant, target.Malignant) + Cost(counts[f].Benign + benign, target.Benign)
                              - Cost(counts[f].Malignant, target.Malignant) - Cost(counts[f].Benign, target.Benign))
                .ThenBy(f => counts[f].Malignant + counts[f].Benign)
                .First();
            counts[best] = (counts[best].Malignant + malignant, counts[best].Benign + benign);
            foreach (var row in group)
            {
                assignment[row] = best;
            }
        }

        return assignment;
    }

    private static double Cost(double count, double target) => (count - target) * (count - target);
}
