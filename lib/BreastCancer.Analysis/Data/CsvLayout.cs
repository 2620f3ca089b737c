namespace BreastCancer.Analysis.Data;

/// <summary>The file layouts the loader recognises from their content.</summary>
public enum CsvLayout
{
    /// <summary>A file with a header row naming its columns (ours, or the widely shared WDBC <c>data.csv</c>).</summary>
    Headed,

    /// <summary>UCI's <c>wdbc.data</c>: no header; id, M/B, then the 30 features in catalogue order.</summary>
    UciWdbc,

    /// <summary>UCI's <c>breast-cancer-wisconsin.data</c>: no header; id, the 9 scores, class 2 (benign) or 4 (malignant); <c>?</c> for missing.</summary>
    UciWbco,
}
