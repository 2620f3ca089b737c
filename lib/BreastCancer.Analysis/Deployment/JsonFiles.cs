using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BreastCancer.Analysis.Deployment;

/// <summary>How the model file's <c>pipeline.json</c> and the model card's <c>card.json</c> are written and read.</summary>
internal static class JsonFiles
{
    /// <summary>camelCase names, enums by name, indented, NaN and infinities as named literals, non-ASCII text as is.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads <typeparamref name="T"/> from <paramref name="json"/>, <paramref name="what"/> in the file <paramref name="path"/>; a clear error naming both when it is not valid.</summary>
    public static T Read<T>(string json, string path, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new ModelFileException(path, $"{what} is null");
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"{what} is not valid: {e.Message}", e);
        }
    }
}
