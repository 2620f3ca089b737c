namespace BreastCancer.Analysis.Data;

/// <summary>Which of the two Wisconsin data sets a file holds.</summary>
public enum DataSetKind
{
    /// <summary>Wisconsin Diagnostic Breast Cancer: 30 real-valued nuclear features (Street et al. 1993).</summary>
    Wdbc,

    /// <summary>Wisconsin Breast Cancer Original: 9 cytology scores, integers 1–10 (Wolberg &amp; Mangasarian 1990).</summary>
    Wbco,
}
