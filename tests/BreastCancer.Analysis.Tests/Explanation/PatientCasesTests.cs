using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class PatientCasesTests
{
    [Fact]
    public void The_typical_cases_are_the_median_correct_rows_of_each_class_and_the_wrong_one_is_the_worst_missed_cancer()
    {
        double[] p = [0.9, 0.1, 0.6, 0.2, 0.95, 0.05, 0.3, 0.7, 0.15];
        bool[] malignant = [true, false, true, true, true, false, false, true, true];

        var cases = PatientCases.Pick(p, malignant, threshold: 0.5);

        Assert.Equal(7, cases.Malignant);
        Assert.Equal(1, cases.Benign);
        Assert.Equal(8, cases.Misclassified);
    }

    [Fact]
    public void Without_a_missed_cancer_the_wrong_one_is_the_most_confident_false_alarm_and_without_errors_there_is_none()
    {
        double[] p = [0.9, 0.6, 0.8, 0.1];
        bool[] labels = [true, false, false, false];

        Assert.Equal(2, PatientCases.Pick(p, labels, 0.5).Misclassified);
        Assert.Null(PatientCases.Pick(p, labels, 0.85).Misclassified);
    }

    [Fact]
    public void A_class_with_no_correct_row_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => PatientCases.Pick([0.4, 0.1], [true, false], 0.5));
        Assert.Contains("no malignant row is flagged", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PatientCases.Pick([0.4], [true, false], 0.5));
    }
}
