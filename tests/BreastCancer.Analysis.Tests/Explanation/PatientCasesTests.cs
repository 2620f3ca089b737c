using BreastCancer.Analysis.Display;
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

        Assert.Equal(new PatientCase("typical cancer", 7, true, 0.7, true), cases.Malignant);
        Assert.Equal(new PatientCase("typical benign tumour", 1, false, 0.1, false), cases.Benign);
        Assert.Equal(new PatientCase("missed cancer", 8, true, 0.15, false), cases.Misclassified);
        Assert.Equal([7, 1, 8], cases.All.Select(c => c.Row));
    }

    [Fact]
    public void Without_a_missed_cancer_the_wrong_one_is_the_most_confident_false_alarm_and_without_errors_there_is_none()
    {
        double[] p = [0.9, 0.6, 0.8, 0.1];
        bool[] labels = [true, false, false, false];

        Assert.Equal(new PatientCase("false alarm", 2, false, 0.8, true), PatientCases.Pick(p, labels, 0.5).Misclassified);
        var none = PatientCases.Pick(p, labels, 0.85);
        Assert.Null(none.Misclassified);
        Assert.Equal(2, none.All.Count);
    }

    [Fact]
    public void A_class_with_no_correct_row_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => PatientCases.Pick([0.4, 0.1], [true, false], 0.5));
        Assert.Contains("no malignant row is flagged", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PatientCases.Pick([0.4], [true, false], 0.5));
    }

    [Fact]
    public void The_html_lists_each_case_with_its_diagnosis_probability_and_decision()
    {
        var cases = PatientCases.Pick([0.9, 0.1, 0.3], [true, false, true], 0.5);

        var html = ExplanationHtml.Render(cases);

        Assert.Contains("<td>typical cancer</td><td>0</td><td>malignant</td><td>0.900</td><td>biopsy</td><td>right</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>missed cancer</td><td>2</td><td>malignant</td><td>0.300</td><td>no biopsy</td><td>wrong</td>", html, StringComparison.Ordinal);
        Assert.Contains("threshold 0.500", html, StringComparison.Ordinal);
    }
}
