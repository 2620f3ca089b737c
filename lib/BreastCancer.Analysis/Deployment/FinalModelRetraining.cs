using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// A deployed model's retraining on rows added after it was saved: <c>FinalModel.Train(model, data, split, addedRows, seed)</c>,
/// the study's final procedure (<see cref="FinalModel"/>) on the split's training rows and the added ones.
/// </summary>
public static class FinalModelRetraining
{
    extension(FinalModel)
    {
        /// <summary>
        /// As <see cref="FinalModel.Train(CatalogueModel, BreastCancerData, HeldOutSplit, int, OperatingPointOptions?)"/>, fitted on the
        /// training rows of <paramref name="split"/> followed by <paramref name="addedRows"/> (confirmed outcomes, say), the
        /// threshold chosen on those combined rows, with the added rows of one case in one inner fold; the held-out rows of
        /// the split are scored once, as before.
        /// </summary>
        public static FinalModel Train(CatalogueModel model, BreastCancerData data, HeldOutSplit split, AddedTrainingRows addedRows, int seed, OperatingPointOptions? operatingPoint = null)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(data);
            ArgumentNullException.ThrowIfNull(split);
            ArgumentNullException.ThrowIfNull(addedRows);
            var rows = data.ToArray().Concat(addedRows.Rows).ToArray();
            var labels = data.IsMalignant.Concat(addedRows.Malignant).ToArray();
            string?[] groups = [.. new string?[data.RowCount], .. addedRows.Cases];
            var (fitted, score) = HeldOutScore.FitAndScore(model.Pipeline(), rows, labels, [.. split.Train, .. Enumerable.Range(data.RowCount, addedRows.Count)], split.Test, seed, operatingPoint,
                groups);
            return new FinalModel(model, seed, fitted, score);
        }
    }
}
