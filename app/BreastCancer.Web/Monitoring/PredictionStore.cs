using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The monitoring store: a SQLite database in write-ahead-log mode holding every prediction and every confirmed outcome.
/// Predictions are written by group commit: one writer takes every call waiting when it is free and stores their
/// predictions in one transaction, and each call completes once that transaction has committed (or fails with it), so
/// under load many requests share a commit while every prediction a caller was answered is in the store. A process
/// killed mid-write leaves the database readable with whole calls only (the log's uncommitted frames are discarded when
/// it is next opened), and a CHECK constraint refuses a prediction whose features are not 30 numbers. Writes are
/// serialised through one connection; reads open their own, which WAL lets run beside a write.
/// </summary>
public sealed class PredictionStore : IDisposable
{
    private const int FeatureCount = 30;
    private const int MaxGroup = 256;
    private const int MaxCaseLength = 64;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _write = new();
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _groupCommits;
    private long _rowsRead;

    /// <summary>Opens the database at <paramref name="path"/>, creating it and its tables when missing.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public PredictionStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            CREATE TABLE IF NOT EXISTS predictions (
                id TEXT PRIMARY KEY,
                time TEXT NOT NULL,
                model_version TEXT NOT NULL,
                features TEXT NOT NULL CHECK (json_valid(features) AND json_array_length(features) = 30),
                probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
                biopsy INTEGER NOT NULL CHECK (biopsy IN (0, 1)),
                case_id TEXT CHECK (case_id IS NULL OR length(case_id) BETWEEN 1 AND 64));
            CREATE TABLE IF NOT EXISTS outcomes (
                prediction_id TEXT PRIMARY KEY REFERENCES predictions (id),
                malignant INTEGER NOT NULL CHECK (malignant IN (0, 1)),
                time TEXT NOT NULL);
            """);
        AddCaseColumn();
        _groupCommits = Task.Run(CommitGroupsAsync);
    }

    /// <summary>Adds the <c>case_id</c> column to a store made before predictions had case numbers; their predictions keep none.</summary>
    private void AddCaseColumn()
    {
        using var columns = _writer.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('predictions') WHERE name = 'case_id'";
        if (Convert.ToInt64(columns.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            Execute(_writer, "ALTER TABLE predictions ADD COLUMN case_id TEXT CHECK (case_id IS NULL OR length(case_id) BETWEEN 1 AND 64)");
        }
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>How many predictions, with their 30 values, have been read from the store since it was opened, by every reader together: what monitoring has cost it.</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>
    /// Stores <paramref name="predictions"/>, all of them or, on any failure, none: the task completes once the
    /// transaction holding them (and the other calls' waiting with them) has committed, and fails when it failed.
    /// </summary>
    /// <exception cref="ArgumentException">A prediction does not have 30 finite features or a probability in 0–1 (thrown before anything is queued).</exception>
    public Task RecordAsync(IReadOnlyList<PredictionRecord> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (var p in predictions)
        {
            if (p.Features.Count != FeatureCount || p.Features.Any(v => !double.IsFinite(v)) || !(p.Probability is >= 0 and <= 1))
            {
                throw new ArgumentException($"prediction {p.Id} has {p.Features.Count} features (need {FeatureCount} finite values) and probability {p.Probability}", nameof(predictions));
            }

            if (p.Case is { Length: 0 or > MaxCaseLength })
            {
                throw new ArgumentException($"prediction {p.Id} has a case number of {p.Case.Length} characters (1 to {MaxCaseLength})", nameof(predictions));
            }
        }

        var write = new PendingWrite(predictions, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(write), this);

        return write.Committed.Task;
    }

    /// <summary>Stores <paramref name="predictions"/> as <see cref="RecordAsync"/> does and waits for the commit.</summary>
    /// <exception cref="ArgumentException">A prediction does not have 30 finite features or a probability in 0–1.</exception>
    public void Record(IReadOnlyList<PredictionRecord> predictions) => RecordAsync(predictions).GetAwaiter().GetResult();

    /// <summary>
    /// Stores the confirmed diagnosis of prediction <paramref name="id"/>. The first outcome reported for a prediction
    /// stands: the same diagnosis reported again changes nothing (<see cref="OutcomeResult.Repeated"/>), a different one
    /// is refused (<see cref="OutcomeResult.Contradicted"/>).
    /// </summary>
    public OutcomeResult RecordOutcome(Guid id, bool malignant, DateTimeOffset time)
    {
        lock (_write)
        {
            using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO outcomes (prediction_id, malignant, time)
                SELECT $id, $malignant, $time WHERE EXISTS (SELECT 1 FROM predictions WHERE id = $id)
                ON CONFLICT (prediction_id) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", id.ToString());
            command.Parameters.AddWithValue("$malignant", malignant ? 1 : 0);
            command.Parameters.AddWithValue("$time", Format(time));
            if (command.ExecuteNonQuery() == 1)
            {
                return OutcomeResult.Recorded;
            }

            command.CommandText = "SELECT malignant FROM outcomes WHERE prediction_id = $id";
            return command.ExecuteScalar() switch
            {
                null => OutcomeResult.UnknownPrediction,
                var stored when Convert.ToInt64(stored, CultureInfo.InvariantCulture) == (malignant ? 1 : 0) => OutcomeResult.Repeated,
                _ => OutcomeResult.Contradicted,
            };
        }
    }

    /// <summary>The latest <paramref name="count"/> predictions, oldest first: the window drift is measured over.</summary>
    public IReadOnlyList<PredictionRecord> Recent(int count) =>
        Query($"SELECT id, time, model_version, features, probability, biopsy, case_id FROM (SELECT rowid AS r, * FROM predictions ORDER BY rowid DESC LIMIT {Limit(count)}) ORDER BY r",
            Prediction);

    /// <summary>The latest <paramref name="count"/> predictions that have a confirmed outcome, oldest first: the window live performance is measured over.</summary>
    public IReadOnlyList<LabelledPrediction> RecentLabelled(int count) =>
        Query($"""
            SELECT p.id, p.time, p.model_version, p.features, p.probability, p.biopsy, p.case_id, o.malignant, o.time FROM (
                SELECT outcomes.rowid AS r, outcomes.* FROM outcomes ORDER BY outcomes.rowid DESC LIMIT {Limit(count)}) o
            JOIN predictions p ON p.id = o.prediction_id ORDER BY o.r
            """,
            LabelledRow);

    /// <summary>Every prediction that has a confirmed outcome, in the order the outcomes were recorded: what a retrain adds to the training rows.</summary>
    public IReadOnlyList<LabelledPrediction> Labelled() => RecentLabelled(int.MaxValue);

    /// <summary>
    /// How many predictions and outcomes the store holds: the position of the latest of each. The store only appends,
    /// so the n-th prediction (and outcome) ever recorded has position, and rowid, n; the largest rowid is read from the
    /// table's b-tree in O(log n), where <c>COUNT(*)</c> would scan it.
    /// </summary>
    public (long Predictions, long Outcomes) Counts()
    {
        var counts = Query("SELECT (SELECT COALESCE(MAX(rowid), 0) FROM predictions), (SELECT COALESCE(MAX(rowid), 0) FROM outcomes)", reader => (reader.GetInt64(0), reader.GetInt64(1)));
        return counts[0];
    }

    /// <summary>The predictions at positions <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive; see <see cref="Counts"/>), oldest first.</summary>
    public IReadOnlyList<PredictionRecord> Between(long from, long to) =>
        Query($"SELECT id, time, model_version, features, probability, biopsy, case_id FROM predictions WHERE rowid BETWEEN {from} AND {to} ORDER BY rowid", Prediction);

    /// <summary>The model version of each prediction at positions <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<string> VersionsBetween(long from, long to) =>
        Query($"SELECT model_version FROM predictions WHERE rowid BETWEEN {from} AND {to} ORDER BY rowid", reader => reader.GetString(0));

    /// <summary>The model version of the prediction of each outcome at outcome positions <paramref name="from"/> to <paramref name="to"/>, in the order the outcomes were recorded: no features read.</summary>
    public IReadOnlyList<string> OutcomeVersionsBetween(long from, long to) =>
        Query($"SELECT p.model_version FROM outcomes o JOIN predictions p ON p.id = o.prediction_id WHERE o.rowid BETWEEN {from} AND {to} ORDER BY o.rowid", reader => reader.GetString(0));

    /// <summary>The outcomes at outcome positions <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive), with their predictions, in the order they were recorded.</summary>
    public IReadOnlyList<LabelledPrediction> LabelledBetween(long from, long to) =>
        Query($"""
            SELECT p.id, p.time, p.model_version, p.features, p.probability, p.biopsy, p.case_id, o.malignant, o.time
            FROM outcomes o JOIN predictions p ON p.id = o.prediction_id WHERE o.rowid BETWEEN {from} AND {to} ORDER BY o.rowid
            """,
            LabelledRow);

    /// <inheritdoc />
    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _groupCommits.GetAwaiter().GetResult();
        _writer.Dispose();
    }

    /// <summary>The writer: takes every call waiting (up to <see cref="MaxGroup"/>) and commits them in one transaction, completing or failing each.</summary>
    private async Task CommitGroupsAsync()
    {
        var group = new List<PendingWrite>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            try
            {
                Commit(group);
                group.ForEach(w => w.Committed.TrySetResult());
            }
            catch (Exception e)
            {
                group.ForEach(w => w.Committed.TrySetException(e));
            }

            group.Clear();
        }
    }

    private void Commit(List<PendingWrite> group)
    {
        lock (_write)
        {
            using var transaction = _writer.BeginTransaction();
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO predictions (id, time, model_version, features, probability, biopsy, case_id)
                VALUES ($id, $time, $version, $features, $probability, $biopsy, $case)
                """;
            var (id, time, version, features, probability, biopsy) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$time", SqliteType.Text),
                insert.Parameters.Add("$version", SqliteType.Text), insert.Parameters.Add("$features", SqliteType.Text), insert.Parameters.Add("$probability", SqliteType.Real),
                insert.Parameters.Add("$biopsy", SqliteType.Integer));
            var caseId = insert.Parameters.Add("$case", SqliteType.Text);
            insert.Prepare();
            foreach (var p in group.SelectMany(w => w.Predictions))
            {
                (id.Value, time.Value, version.Value) = (p.Id.ToString(), Format(p.Time), p.ModelVersion);
                (features.Value, probability.Value, biopsy.Value) = (JsonSerializer.Serialize(p.Features), p.Probability, p.Biopsy ? 1 : 0);
                caseId.Value = (object?)p.Case ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Limit(int count) => count >= 1
        ? count.ToString(CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(count), count, "a window holds at least one prediction");

    /// <summary>A prediction (columns 0–6, as <see cref="Prediction"/> reads them) with its outcome (columns 7 and 8: malignant, time).</summary>
    private LabelledPrediction LabelledRow(SqliteDataReader reader) =>
        new(Prediction(reader), reader.GetInt64(7) == 1, DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture));

    /// <summary>A prediction (columns 0–6), counted in <see cref="RowsRead"/>.</summary>
    private PredictionRecord Prediction(SqliteDataReader reader)
    {
        Interlocked.Increment(ref _rowsRead);
        return Read(reader);
    }

    private static PredictionRecord Read(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2),
        JsonSerializer.Deserialize<double[]>(reader.GetString(3))!, reader.GetDouble(4), reader.GetInt64(5) == 1, reader.IsDBNull(6) ? null : reader.GetString(6));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A call's predictions waiting for the writer, and the completion its caller awaits.</summary>
    private sealed record PendingWrite(IReadOnlyList<PredictionRecord> Predictions, TaskCompletionSource Committed);
}
