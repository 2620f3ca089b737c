using BreastCancer.Analysis.Deployment;

namespace BreastCancer.Web.Models;

/// <summary>How a challenger is compared with the champion and when it is promoted (configuration section <c>Retrain</c>; the meaning of each is that of <see cref="RetrainCriteria"/>).</summary>
public sealed class RetrainOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Retrain";

    private static readonly RetrainCriteria Defaults = new();

    /// <summary>Stratified folds of the new outcomes' cases (5); fewer when a diagnosis has fewer cases.</summary>
    public int Folds { get; set; } = Defaults.Folds;

    /// <summary>The seed of the folds and of the bootstrap (1).</summary>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>The fewest cases with a new outcome of each diagnosis a retrain needs (10).</summary>
    public int MinOutcomesPerClass { get; set; } = Defaults.MinOutcomesPerClass;

    /// <summary>The largest drop in ROC AUC the 95 % interval may allow (0.02).</summary>
    public double MaxRocAucLoss { get; set; } = Defaults.MaxRocAucLoss;

    /// <summary>The largest drop in sensitivity at each model's own threshold the 95 % interval may allow (0.05).</summary>
    public double MaxSensitivityLoss { get; set; } = Defaults.MaxSensitivityLoss;

    /// <summary>The largest drop in specificity at each model's own threshold the 95 % interval may allow (0.05).</summary>
    public double MaxSpecificityLoss { get; set; } = Defaults.MaxSpecificityLoss;

    /// <summary>The largest rise in log loss, in nats, the 95 % interval may allow (0.02).</summary>
    public double MaxLogLossIncrease { get; set; } = Defaults.MaxLogLossIncrease;

    /// <summary>Bootstrap resamples of the cases for the intervals (2000).</summary>
    public int Resamples { get; set; } = Defaults.Resamples;

    /// <summary>The criteria these settings give.</summary>
    public RetrainCriteria ToCriteria() => new(Folds, Seed, MinOutcomesPerClass, MaxRocAucLoss, MaxSensitivityLoss, MaxSpecificityLoss, MaxLogLossIncrease, Resamples);

    /// <summary>What is wrong with these settings, each problem naming its key (<c>Retrain:Folds must be …</c>); none when they are usable.</summary>
    public IReadOnlyList<string> Problems() => [.. ToCriteria().Problems().Select(p => $"{Section}:{p}")];
}
