using System.Text.RegularExpressions;

namespace BreastCancer.Analysis.Charts;

/// <summary>Model names shortened for legends and axes: the hyperparameter lists in parentheses are left out (tables keep them).</summary>
internal static partial class ChartLabels
{
    /// <summary>
    /// <paramref name="pipeline"/> without its parenthesised settings, e.g. <c>RBF SVM (C = 1, gamma = scale)</c> →
    /// <c>RBF SVM</c>; a parenthesis without "=" (a citation, a cut) is kept.
    /// </summary>
    public static string Short(string pipeline) => Settings().Replace(pipeline, "");

    [GeneratedRegex(@" \([^()]*=[^()]*\)")]
    private static partial Regex Settings();
}
