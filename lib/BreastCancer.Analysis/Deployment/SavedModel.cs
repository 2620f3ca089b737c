using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Deployment;

/// <summary>A model saved in a <see cref="ModelStore"/>: its folder, its card, the fitted pipeline and the rows it was trained on beyond WDBC's split.</summary>
/// <param name="Folder">The version's folder.</param>
/// <param name="Card">The model card.</param>
/// <param name="Pipeline">The fitted pipeline.</param>
/// <param name="AddedRows">The rows added to WDBC's training rows (<see cref="AddedTrainingRows.FileName"/>, checked against the card's <see cref="ModelUpdate.AddedRows"/>); null for a model trained on the split's rows alone.</param>
public sealed record SavedModel(string Folder, ModelCard Card, FittedPipeline Pipeline, AddedTrainingRows? AddedRows = null)
{
    /// <summary>The model's version.</summary>
    public string Version => Card.Version;

    /// <summary>The probability of malignancy of each row, whose features are in the card's order.</summary>
    /// <exception cref="ArgumentException">A row has the wrong number of features (the message names the row).</exception>
    public double[] PredictProbability(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != Card.Features.Count)
            {
                throw new ArgumentException($"row {r + 1} has {rows[r].Length} values; model {Version} reads {Card.Features.Count} features ({string.Join(", ", Card.Features.Select(f => f.Name))})", nameof(rows));
            }
        }

        return Pipeline.PredictProbability(rows);
    }

    /// <summary>Whether each probability calls for biopsy: at least the card's decision threshold.</summary>
    public bool[] Decide(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return [.. probabilities.Select(p => p >= Card.Threshold.Threshold)];
    }
}
