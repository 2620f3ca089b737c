using System.Globalization;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Deployment;

/// <summary>What a retrain of the web app (its <c>retrain</c> command or <c>POST /api/models/retrain</c>) did: the champion, the challenger saved as a new version, the outcomes it added, the comparison and whether it was promoted.</summary>
/// <param name="Champion">The champion's version.</param>
/// <param name="Challenger">The new version, saved in the model store (current only if <paramref name="Promoted"/>).</param>
/// <param name="Folder">The new version's folder.</param>
/// <param name="NewOutcomes">Confirmed outcomes the champion had not been trained on: compared on, then added.</param>
/// <param name="OutcomesAlreadyTrainedOn">Confirmed outcomes already among the champion's added rows (same diagnosis and 30 values): neither compared on nor added twice.</param>
/// <param name="TrainingRows">The rows the challenger was trained on: WDBC's split and every added row.</param>
/// <param name="Comparison">The comparison with the champion on folds of the new outcomes.</param>
/// <param name="Promoted">Whether the challenger was made current (and, in the app, served).</param>
/// <param name="Seconds">Wall time of the comparison, the fit, the card and the save, in seconds.</param>
public sealed record RetrainReport(string Champion, string Challenger, string Folder, int NewOutcomes, int OutcomesAlreadyTrainedOn, int TrainingRows,
    ChallengerComparison Comparison, bool Promoted, double Seconds)
{
    /// <summary>The report as text for a terminal: the comparison's table, its folds, the verdict with its reasons and what became of the challenger.</summary>
    public string ToText()
    {
        var c = Comparison;
        var text = new System.Text.StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"champion {Champion}: {c.ChampionTrainingRows} training rows; {NewOutcomes} new outcomes ({c.OutcomesMalignant} malignant), {OutcomesAlreadyTrainedOn} already trained on");
        Line($"comparison: {c.Protocol}");
        Line($"{"metric",-13} {"champion",9} {"challenger",10} {"difference",10} {"95 % interval",-19} {"worst loss",10} {"allowed",8}  criterion");
        foreach (var m in c.Metrics)
        {
            Line($"{m.Metric.Label(),-13} {m.Champion,9:F4} {m.Challenger,10:F4} {m.Difference,10:+0.0000;-0.0000;0.0000} {Interval(m.Low, m.High),-19} {m.WorstLoss,10:+0.0000;-0.0000;0.0000} {(m.AllowedLoss is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : ""),8}  {(m.AllowedLoss is null ? "reported" : m.Passed ? "not worse" : "possibly worse")}");
        }

        Line($"{"fold",4} {"outcomes",8} {"malignant",9}  {"threshold",-15}  {"ROC AUC",-15}  {"log loss",-15}  {"sensitivity",-15}  {"specificity",-15}  (champion / challenger)");
        foreach (var f in c.Folds)
        {
            Line($"{f.Fold + 1,4} {f.Outcomes.Count,8} {f.Labels.Count(l => l),9}  {Pair(f.Champion.Threshold, f.Challenger.Threshold),-15}  {Pair(f, Metric.RocAuc),-15}  {Pair(f, Metric.LogLoss),-15}  {Pair(f, Metric.Sensitivity),-15}  {Pair(f, Metric.Specificity),-15}");
        }

        Line($"verdict: {(c.Verdict.Promote ? "promote: the challenger is not worse by any criterion" : "keep the champion: the challenger may be worse by a criterion")}");
        foreach (var reason in c.Verdict.Reasons)
        {
            Line($"  {reason}");
        }

        Line($"challenger {Challenger} saved in {Folder}: {TrainingRows} training rows (the champion's {c.ChampionTrainingRows} and the {NewOutcomes} new outcomes), in {Seconds:F1} s");
        return text.ToString();
    }

    private static string Pair(double champion, double challenger) => string.Create(CultureInfo.InvariantCulture, $"{champion:F4} / {challenger:F4}");

    private static string Interval(double low, double high) => string.Create(CultureInfo.InvariantCulture, $"{low:+0.0000;-0.0000;0.0000} to {high:+0.0000;-0.0000;0.0000}");

    private static string Pair(ComparisonFold fold, Metric metric) => Pair(metric.Of(fold.Champion.Metrics), metric.Of(fold.Challenger.Metrics));
}
