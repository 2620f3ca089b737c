using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Tests.Data;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Deployment;

/// <summary>Rows added to a retrained version: their file, their hash on the card, and the version saved without becoming current.</summary>
public sealed class AddedTrainingRowsTests(StudyModels study) : IClassFixture<StudyModels>
{
    private AddedTrainingRows FirstHeldOutRows(int count)
    {
        var heldOut = study.Wdbc.Subset([.. study.Split.Test.Take(count)]);
        return new AddedTrainingRows(heldOut.ToArray(), heldOut.IsMalignant);
    }

    [Fact]
    public void The_file_reads_back_as_the_same_rows_and_its_hash_is_that_of_the_same_rows_as_a_data_set()
    {
        using var files = new TempFiles();
        var added = FirstHeldOutRows(7);
        var path = files.Write(AddedTrainingRows.FileName, added.ToCsv());

        var read = AddedTrainingRows.Read(path, added.Summary());

        Assert.Equal(added.Rows, read.Rows);
        Assert.Equal(added.Malignant, read.Malignant);
        Assert.Equal(DataFingerprint.OfRows(study.Wdbc.Subset([.. study.Split.Test.Take(7)])), added.Sha256);
        Assert.Equal(8, File.ReadAllLines(path).Length);
        Assert.StartsWith("diagnosis,radius_mean,texture_mean,", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_travel_in_a_last_column_that_may_hold_commas_and_are_part_of_the_hash()
    {
        using var files = new TempFiles();
        var plain = FirstHeldOutRows(4);
        string?[] cases = ["T1", null, "clinic 2, room 5", "T1"];
        var added = new AddedTrainingRows(plain.Rows, plain.Malignant, cases);
        var path = files.Write(AddedTrainingRows.FileName, added.ToCsv());

        var read = AddedTrainingRows.Read(path, added.Summary());

        Assert.Equal(cases, read.Cases);
        Assert.Equal(added.Rows, read.Rows);
        var lines = File.ReadAllLines(path);
        Assert.EndsWith(",fractal_dimension_worst,case", lines[0], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(files.Write("plain.csv", plain.ToCsv()))[2] + ",", lines[2]);
        Assert.EndsWith(",clinic 2, room 5", lines[3], StringComparison.Ordinal);
        var body = string.Concat(lines[1..].Select(l => l + "\n"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))), added.Sha256);
        Assert.NotEqual(plain.Sha256, added.Sha256);
        Assert.False(plain.HasCases);
        Assert.Equal([null, null, null, null], plain.Cases);
        Assert.Equal([.. cases, .. cases], added.Concat(added).Cases);

        lines[4] = lines[4].Replace(",T1", ",T2", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        Assert.Contains("holds 4 rows with SHA-256", Assert.Throws<ModelFileException>(() => AddedTrainingRows.Read(path, added.Summary())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("T1\nB")]
    [InlineData("tab\there")]
    public void A_case_that_would_not_read_back_is_refused_naming_the_row(string badCase)
    {
        var plain = FirstHeldOutRows(2);
        var refused = Assert.Throws<ArgumentException>(() => new AddedTrainingRows(plain.Rows, plain.Malignant, ["fine", badCase]));
        Assert.Contains("added row 2's case", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1 cases for 2 rows", Assert.Throws<ArgumentException>(() => new AddedTrainingRows(plain.Rows, plain.Malignant, ["one"])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value", "holds 7 rows with SHA-256")]
    [InlineData("diagnosis", "line 3: diagnosis must be M or B, not \"X\"")]
    [InlineData("text", "line 2: radius_mean must be a finite number, not \"abc\"")]
    [InlineData("short", "line 4: 30 cells, but the header has 31")]
    [InlineData("header", "line 1: the header must be diagnosis and the 30 WDBC features")]
    [InlineData("missing", "is missing")]
    public void A_changed_or_missing_file_is_refused_naming_the_file_and_why(string change, string reason)
    {
        using var files = new TempFiles();
        var added = FirstHeldOutRows(7);
        var path = files.Write(AddedTrainingRows.FileName, added.ToCsv());
        var lines = File.ReadAllLines(path);
        switch (change)
        {
            case "value":
                lines[5] = lines[5].Replace(',', ';').Split(';') is var cells ? string.Join(',', [cells[0], "99", .. cells[2..]]) : "";
                break;
            case "diagnosis":
                lines[2] = "X" + lines[2][1..];
                break;
            case "text":
                lines[1] = string.Join(',', [lines[1].Split(',')[0], "abc", .. lines[1].Split(',')[2..]]);
                break;
            case "short":
                lines[3] = string.Join(',', lines[3].Split(',')[..30]);
                break;
            case "header":
                lines[0] = lines[0].Replace("radius_mean", "radius", StringComparison.Ordinal);
                break;
            default:
                File.Delete(path);
                break;
        }

        if (change != "missing")
        {
            File.WriteAllLines(path, lines);
        }

        var refused = Assert.Throws<ModelFileException>(() => AddedTrainingRows.Read(path, added.Summary()));
        Assert.StartsWith($"{path}: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retrained_version_is_saved_without_becoming_current_and_loads_with_its_added_rows_while_old_cards_stay_as_they_were()
    {
        using var files = new TempFiles();
        var root = files.PathOf("models");
        ModelStore.Save(root, study.Final, study.Card);
        var added = FirstHeldOutRows(40);
        var final = FinalModel.Train(study.Model, study.Wdbc, study.Split, added, seed: 1);
        var rows = study.Train.ToArray().Concat(added.Rows).ToArray();
        var labels = study.Train.IsMalignant.Concat(added.Malignant).ToArray();
        var folds = Analysis.Data.Splits.StratifiedGroupKFold.Split(labels, null, 5, seed: 1);
        var crossValidation = CrossValidation.Run(study.Model.Pipeline(), rows, labels, folds, seed: 1, operatingPoint: new OperatingPointOptions());
        var nested = NestedCrossValidation.Grid(Analysis.Modeling.ModelCatalogue.LogisticRegressionL2, [("l2", [3.0])], rows, labels, folds, innerFolds: 3, Metric.RocAuc, seed: 1);
        var comparison = ChallengerComparison.Run(new SavedModel("(memory)", study.Card, study.Final.Fitted), study.Model, study.Train.ToArray(), study.Train.IsMalignant,
            FirstHeldOutRows(60), new RetrainCriteria(MinOutcomesPerClass: 5));
        var card = ModelCard.ForChallenger(final, study.Wdbc, study.Split, added, comparison, crossValidation, nested, IntendedUse.Study, StudyModels.Created);

        var saved = ModelStore.SaveVersion(root, final, card, added);
        var loaded = ModelStore.Load(root, card.Version);

        Assert.Equal(study.Card.Version, ModelStore.Load(root).Version);
        Assert.NotEqual(study.Card.Version, card.Version);
        Assert.Equal(final.Fitted.PredictProbability(rows), loaded.PredictProbability(rows));
        Assert.Equal(added.Sha256, loaded.AddedRows!.Sha256);
        Assert.Equal((40, added.MalignantCount, AddedTrainingRows.FileName), (card.Update!.AddedRows.Rows, card.Update.AddedRows.Malignant, card.Update.AddedRows.File));
        Assert.Equal(study.Card.Version, card.Update.Champion);
        Assert.Equal(study.Card.Data, card.Data);
        Assert.Equal(495, final.HeldOut.TrainingRows);
        Assert.Equal(rows.Max(r => r[3]), card.Features[3].Max);
        Assert.Equal(card.ToJson(), ModelCard.FromJson(card.ToJson(), "card.json").ToJson());
        Assert.DoesNotContain("\"update\"", study.Card.ToJson(), StringComparison.Ordinal);
        Assert.Null(ModelStore.Load(root).AddedRows);
        var page = File.ReadAllText(ModelCardHtml.Save(saved));
        Assert.Contains("bc-card-update", page, StringComparison.Ordinal);
        Assert.Equal(40, card.HeldOut.AddedRowsAmongThem);
        Assert.Contains("trained on 40 of the 114 held-out rows", page, StringComparison.Ordinal);
        Assert.Contains("the card records 40 added rows", Assert.Throws<ArgumentException>(() => ModelStore.SaveVersion(root, final, card)).Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(saved.Folder, AddedTrainingRows.FileName), FirstHeldOutRows(39).ToCsv());
        var tampered = Assert.Throws<ModelFileException>(() => ModelStore.Promote(root, card.Version));
        Assert.Equal(Path.Combine(saved.Folder, AddedTrainingRows.FileName), tampered.Path);
        Assert.Equal(study.Card.Version, ModelStore.Load(root).Version);
    }
}
