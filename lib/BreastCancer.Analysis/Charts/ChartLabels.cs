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

    /// <summary>A legend laid out in rows under the plot, so that long names do not squeeze it.</summary>
    public static DynamicObj.DynamicObj LegendBelow()
    {
        var legend = new DynamicObj.DynamicObj();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("yanchor", "top");
        legend.SetProperty("y", -0.15);
        return legend;
    }

    [GeneratedRegex(@" \([^()]*=[^()]*\)")]
    private static partial Regex Settings();
}
