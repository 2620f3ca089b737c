using BreastCancer.Web.Monitoring;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Web.Tests;

public sealed class PredictionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-store-tests-{Guid.NewGuid():N}");

    private string Database => Path.Combine(_folder, "predictions.db");

    [Fact]
    public void Predictions_come_back_whole_and_oldest_first_and_a_window_holds_the_latest()
    {
        using var store = new PredictionStore(Database);
        var records = Enumerable.Range(0, 5).Select(i => Record(i, probability: i / 10.0)).ToArray();

        store.Record(records[..3]);
        store.Record(records[3..]);

        Assert.Equal(records, store.Recent(10), new RecordComparer());
        Assert.Equal(records[2..], store.Recent(3), new RecordComparer());
        Assert.Equal((5L, 0L), store.Counts());
    }

    [Fact]
    public void The_first_outcome_of_a_prediction_stands_and_an_unknown_id_is_told_apart()
    {
        using var store = new PredictionStore(Database);
        var (a, b) = (Record(1, 0.9), Record(2, 0.2));
        store.Record([a, b]);

        Assert.Equal(OutcomeResult.Recorded, store.RecordOutcome(b.Id, malignant: false, Noon.AddDays(3)));
        Assert.Equal(OutcomeResult.Recorded, store.RecordOutcome(a.Id, malignant: true, Noon.AddDays(4)));
        Assert.Equal(OutcomeResult.AlreadyRecorded, store.RecordOutcome(a.Id, malignant: false, Noon.AddDays(5)));
        Assert.Equal(OutcomeResult.UnknownPrediction, store.RecordOutcome(Guid.NewGuid(), malignant: true, Noon));

        var labelled = store.RecentLabelled(10);
        Assert.Equal([b.Id, a.Id], labelled.Select(l => l.Prediction.Id));
        Assert.Equal([false, true], labelled.Select(l => l.Malignant));
        Assert.Equal(Noon.AddDays(4), labelled[1].Time);
        Assert.Equal((2L, 2L), store.Counts());
    }

    [Fact]
    public void A_batch_that_fails_part_way_stores_none_of_its_predictions()
    {
        using var store = new PredictionStore(Database);
        var first = Record(1, 0.5);
        store.Record([first]);

        Assert.Throws<SqliteException>(() => store.Record([Record(2, 0.1), Record(3, 0.2), first]));

        Assert.Equal([first.Id], store.Recent(10).Select(r => r.Id));
    }

    [Fact]
    public void A_prediction_without_thirty_finite_features_or_a_probability_is_refused_before_anything_is_written()
    {
        using var store = new PredictionStore(Database);

        var short_ = Assert.Throws<ArgumentException>(() => store.Record([Record(1, 0.5) with { Features = new double[29] }]));
        Assert.Contains("has 29 features", short_.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => store.Record([Record(1, 1.5)]));
        Assert.Throws<ArgumentException>(() => store.Record([Record(1, 0.5) with { Features = [.. new double[29], double.NaN] }]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Recent(0));
        Assert.Equal((0L, 0L), store.Counts());
    }

    [Fact]
    public void The_database_is_in_write_ahead_log_mode_and_reopens_with_what_was_written()
    {
        var record = Record(7, 0.7);
        using (var store = new PredictionStore(Database))
        {
            store.Record([record]);
        }

        using var reopened = new PredictionStore(Database);
        Assert.Equal([record], reopened.Recent(1), new RecordComparer());
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static PredictionRecord Record(int seed, double probability) =>
        new(Guid.NewGuid(), Noon.AddMinutes(seed), "v1", [.. Enumerable.Range(0, 30).Select(f => (seed * 100) + f + 0.123456789)], probability, probability >= 0.5);

    private sealed class RecordComparer : IEqualityComparer<PredictionRecord>
    {
        public bool Equals(PredictionRecord? x, PredictionRecord? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Time == y.Time && x.ModelVersion == y.ModelVersion && x.Features.SequenceEqual(y.Features)
            && x.Probability == y.Probability && x.Biopsy == y.Biopsy;

        public int GetHashCode(PredictionRecord obj) => obj.Id.GetHashCode();
    }
}
