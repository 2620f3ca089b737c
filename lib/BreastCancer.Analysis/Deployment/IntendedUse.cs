namespace BreastCancer.Analysis.Deployment;

/// <summary>What a model is for, who should use it, and where it must not be trusted: the model card's first section (Mitchell et al., FAT* 2019).</summary>
/// <param name="Purpose">What the model does and for what decision.</param>
/// <param name="Users">Who is meant to use it, and how.</param>
/// <param name="Limitations">Where it must not be trusted, one statement each.</param>
public sealed record IntendedUse(string Purpose, string Users, IReadOnlyList<string> Limitations)
{
    /// <summary>The study's statement for a model trained on WDBC.</summary>
    public static IntendedUse Study { get; } = new(
        "Estimates the probability that a breast mass is malignant from the 30 nuclear measurements of a digitised fine needle aspirate "
        + "(WDBC's features, computed as in Street, Wolberg & Mangasarian 1993), and flags it for biopsy at a threshold chosen for 98 % sensitivity. "
        + "A research model from one study of 569 tumours from one centre, with no external or prospective validation: it is not for "
        + "decisions about patients. Were it used, it would support a diagnosis and not replace one: the pathologist's reading of the biopsy decides.",
        "Analysts, students and reviewers reproducing or examining the study, and clinicians trying the web app to see what such a model "
        + "would say. A prediction is read together with its probability, its decision threshold and the features that drove it, never alone.",
        [
            "Trained on tumours from one centre (University of Wisconsin Hospitals, Madison; WDBC): it has not been validated on other centres, "
            + "scanners or contouring software, and has not been tested prospectively.",
            "The size features are in image length units with no physical scale: measurements from another imaging setup may not be comparable, "
            + "and values outside the training ranges listed below are extrapolation.",
            "37 % of WDBC's tumours are malignant. In a population with a different share of malignant masses (screening, for one) the "
            + "probabilities are miscalibrated and the predictive values change, though sensitivity and specificity need not.",
            "The data record nothing of the patients (age, sex, ethnicity, history): performance in any subgroup is unknown.",
            "All 30 measurements are needed. The pipeline would fill a missing one with its training median, but the estimates above assume "
            + "complete rows.",
            "Its probabilities are not calibrated risks: a calibration slope above 1, as the study's final model has out of fold, means they are "
            + "too cautious, too close to 0.5. A probability is to be read as a ranking of tumours and the decision taken at the card's threshold; "
            + "the calibration section below gives the slope with its 95 % interval.",
            "Its estimates carry uncertainty, and the held-out score rests on one small sample of tumours. The 95 % intervals given are "
            + "Nadeau–Bengio corrected intervals over folds for the cross-validated figures, bootstrap intervals over the held-out rows for the "
            + "held-out ROC AUC, average precision, Brier score and log loss, Wilson score intervals from the counts for the held-out accuracy, "
            + "sensitivity, specificity and precision, and Wald intervals for the calibration slope and calibration-in-the-large.",
        ]);
}
