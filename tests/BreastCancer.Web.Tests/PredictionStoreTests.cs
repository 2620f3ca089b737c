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
    public void The_first_outcome_of_a_prediction_stands_a_repeat_is_told_from_a_contradiction_and_an_unknown_id_is_told_apart()
    {
        using var store = new PredictionStore(Database);
        var (a, b) = (Record(1, 0.9), Record(2, 0.2));
        store.Record([a, b]);

        Assert.Equal(OutcomeResult.Recorded, store.RecordOutcome(b.Id, malignant: false, Noon.AddDays(3)));
        Assert.Equal(OutcomeResult.Recorded, store.RecordOutcome(a.Id, malignant: true, Noon.AddDays(4)));
        Assert.Equal(OutcomeResult.Contradicted, store.RecordOutcome(a.Id, malignant: false, Noon.AddDays(5)));
        Assert.Equal(OutcomeResult.Repeated, store.RecordOutcome(a.Id, malignant: true, Noon.AddDays(6)));
        Assert.Equal(OutcomeResult.Repeated, store.RecordOutcome(b.Id, malignant: false, Noon.AddDays(6)));
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
    public void A_case_number_is_kept_with_its_prediction_and_an_empty_or_overlong_one_is_refused_before_anything_is_written()
    {
        using var store = new PredictionStore(Database);
        var (a, b) = (Record(1, 0.9) with { Case = "T-0042" }, Record(2, 0.2));
        store.Record([a, b]);
        store.RecordOutcome(a.Id, malignant: true, Noon);

        Assert.Equal([a, b], store.Recent(2), new RecordComparer());
        Assert.Equal("T-0042", Assert.Single(store.Labelled()).Prediction.Case);
        Assert.Contains("case number of 65 characters (1 to 64)", Assert.Throws<ArgumentException>(() => store.Record([Record(3, 0.5) with { Case = new string('x', 65) }])).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => store.Record([Record(4, 0.5) with { Case = "" }]));
        Assert.Equal((2L, 1L), store.Counts());
    }

    [Fact]
    public void A_store_made_before_case_numbers_gains_the_column_and_keeps_its_predictions_without_one()
    {
        Directory.CreateDirectory(_folder);
        var old = Record(5, 0.6);
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE predictions (id TEXT PRIMARY KEY, time TEXT NOT NULL, model_version TEXT NOT NULL, features TEXT NOT NULL,
                    probability REAL NOT NULL, biopsy INTEGER NOT NULL);
                CREATE TABLE outcomes (prediction_id TEXT PRIMARY KEY REFERENCES predictions (id), malignant INTEGER NOT NULL, time TEXT NOT NULL);
                INSERT INTO predictions VALUES ('{old.Id}', '{old.Time.UtcDateTime:O}', 'v1', '[{string.Join(',', old.Features.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]', 0.6, 1);
                """;
            command.ExecuteNonQuery();
        }

        using var store = new PredictionStore(Database);
        var next = Record(6, 0.1) with { Case = "T-7" };
        store.Record([next]);

        Assert.Equal([old, next], store.Recent(2), new RecordComparer());
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

    [Fact]
    public async Task Concurrent_calls_sharing_commits_are_all_stored_each_whole_and_in_one_piece()
    {
        using var store = new PredictionStore(Database);
        var calls = Enumerable.Range(0, 200).Select(c => Enumerable.Range(0, 1 + (c % 3)).Select(k => Record((c * 3) + k, probability: 0.3)).ToArray()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            foreach (var call in calls.Where((_, c) => c % 8 == t))
            {
                await store.RecordAsync(call);
            }
        })));

        var stored = store.Recent(10_000);
        Assert.Equal(calls.Sum(c => c.Length), stored.Count);
        var position = stored.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Assert.All(calls, call =>
        {
            var at = position[call[0].Id];
            Assert.Equal(call, stored.Skip(at).Take(call.Length), new RecordComparer());
        });
    }

    [Fact]
    public async Task A_commit_that_fails_fails_every_call_it_held_and_stores_none_of_them_while_the_other_calls_are_stored()
    {
        using var store = new PredictionStore(Database);
        var first = Record(0, 0.5);
        store.Record([first]);
        var calls = Enumerable.Range(1, 50).Select(c => c == 2 ? [Record(c, 0.4), first] : new[] { Record(c, 0.4) }).ToArray();
        Task[] writes;
        using (var blocker = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            blocker.Open();
            using var hold = blocker.BeginTransaction(deferred: false);
            writes = [.. calls.Select(store.RecordAsync)];
            hold.Rollback();
        }

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return null;
            }
            catch (SqliteException e)
            {
                return e;
            }
        }));

        Assert.NotNull(outcomes[1]);
        Assert.Contains(outcomes.Where((_, c) => c != 1), e => e is not null);
        var stored = store.Recent(1000).Select(p => p.Id).ToHashSet();
        Assert.Equal(1 + outcomes.Where((_, c) => c != 1 && outcomes[c] is null).Count(), stored.Count);
        Assert.All(calls.Zip(outcomes), pair => Assert.Equal(pair.Second is null, pair.First.Where(p => p != first).All(p => stored.Contains(p.Id))));
        Assert.All(calls.Zip(outcomes).Where(pair => pair.Second is not null), pair => Assert.DoesNotContain(pair.First[0].Id, stored));
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
            && x.Probability == y.Probability && x.Biopsy == y.Biopsy && x.Case == y.Case;

        public int GetHashCode(PredictionRecord obj) => obj.Id.GetHashCode();
    }
}
