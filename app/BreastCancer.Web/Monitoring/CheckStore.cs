using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The monitoring checks already made, kept in the monitoring store's database (table <c>checks</c>) so that a restart
/// reads them instead of making them again from the predictions. A check is keyed by its kind (drift or performance),
/// the settings it was made with (window, thresholds: a check made under other settings is another check), the model
/// version it was measured against, and the position its window ends at; its body is the check as JSON, doubles
/// written in their shortest round-trip form, so a check read back equals the one made.
/// </summary>
public sealed class CheckStore
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly string _connectionString;

    /// <summary>Opens the checks of the database at <paramref name="path"/> (the monitoring store's), creating their table when missing.</summary>
    /// <exception cref="SqliteException">The file cannot be opened or is not a SQLite database.</exception>
    public CheckStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS checks (
                kind TEXT NOT NULL,
                settings TEXT NOT NULL,
                model_version TEXT NOT NULL,
                end_position INTEGER NOT NULL CHECK (end_position >= 1),
                body TEXT NOT NULL CHECK (json_valid(body)),
                PRIMARY KEY (kind, settings, model_version, end_position)) WITHOUT ROWID
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The checks of <paramref name="kind"/> made under <paramref name="settings"/> against <paramref name="version"/> whose windows end at any of <paramref name="ends"/> (positions, 1-based), by end.</summary>
    public IReadOnlyDictionary<long, T> Read<T>(string kind, string settings, string version, IReadOnlyList<long> ends)
    {
        ArgumentNullException.ThrowIfNull(ends);
        var found = new Dictionary<long, T>();
        if (ends.Count == 0)
        {
            return found;
        }

        using var connection = Open();
        using var command = Keyed(connection, kind, settings, version);
        command.CommandText = "SELECT end_position, body FROM checks WHERE kind = $kind AND settings = $settings AND model_version = $version AND end_position BETWEEN $first AND $last";
        command.Parameters.AddWithValue("$first", ends.Min());
        command.Parameters.AddWithValue("$last", ends.Max());
        var wanted = ends.ToHashSet();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (wanted.Contains(reader.GetInt64(0)))
            {
                found[reader.GetInt64(0)] = JsonSerializer.Deserialize<T>(reader.GetString(1), Json)
                    ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the stored {kind} check ending at {reader.GetInt64(0)} is null"));
            }
        }

        return found;
    }

    /// <summary>Keeps <paramref name="checks"/> (by the position their windows end at) of <paramref name="kind"/>, made under <paramref name="settings"/> against <paramref name="version"/>; a check kept already stays as it is.</summary>
    public void Write<T>(string kind, string settings, string version, IReadOnlyList<(long End, T Check)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (checks.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = Keyed(connection, kind, settings, version);
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO checks (kind, settings, model_version, end_position, body) VALUES ($kind, $settings, $version, $end, $body) ON CONFLICT DO NOTHING";
        var (end, body) = (command.Parameters.Add("$end", SqliteType.Integer), command.Parameters.Add("$body", SqliteType.Text));
        command.Prepare();
        foreach (var check in checks)
        {
            (end.Value, body.Value) = (check.End, JsonSerializer.Serialize(check.Check, Json));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Keyed(SqliteConnection connection, string kind, string settings, string version)
    {
        var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$settings", settings);
        command.Parameters.AddWithValue("$version", version);
        return command;
    }
}
