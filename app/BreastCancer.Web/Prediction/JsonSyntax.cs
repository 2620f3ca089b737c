using System.Text;
using System.Text.Json;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// Finds where a request body stops being JSON, by field: a bare <c>NaN</c> or <c>Infinity</c> (which JSON does not
/// allow) after <c>"radius_mean":</c> is reported under <c>features.radius_mean</c>, not as a byte offset.
/// </summary>
public static class JsonSyntax
{
    /// <summary>The deepest nesting a request body may have.</summary>
    public const int MaxDepth = 16;

    /// <summary>The field (dotted path, arrays indexed) at which <paramref name="body"/> is not valid JSON and why, or null when it is valid. The field is <c>body</c> when the error is not inside one.</summary>
    public static (string Field, string Reason)? FindError(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ("body", "is empty: send a JSON object");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Name = reader.GetString() };
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            var field = Field(path);
            var next = NextToken(body[(int)Math.Min(reader.BytesConsumed, body.Length)..]);
            var bare = next.TrimStart('-', '+');
            var reason = bare.Equals("NaN", StringComparison.OrdinalIgnoreCase) || bare.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
                ? $"is not valid JSON: {next} is not a JSON number (NaN and infinities are not allowed)"
                : $"is not valid JSON: {e.Message}";
            return (field, reason);
        }
    }

    private static string NextToken(ReadOnlySpan<byte> rest)
    {
        var text = Encoding.UTF8.GetString(rest[..Math.Min(rest.Length, 64)]).TrimStart(' ', '\t', '\r', '\n', ':', ',');
        var end = text.IndexOfAny([',', '}', ']', ' ', '\t', '\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static void Advance(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
        }
    }

    private static string Field(List<Frame> path)
    {
        var text = new StringBuilder();
        foreach (var frame in path)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                text.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Name is not null)
            {
                text.Append(text.Length > 0 ? "." : "").Append(frame.Name);
            }
        }

        return text.Length > 0 ? text.ToString() : "body";
    }

    private sealed record Frame(bool IsArray, int Index, string? Name);
}
