using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The schema of a floating-point value: the app writes NaN and the infinities as named literals
/// (<c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>: an undefined ROC AUC is <c>"NaN"</c>), which the generator
/// describes as <c>anyOf: [number, enum of the literals]</c>, but with <c>type: object</c> beside it, which no number
/// satisfies. This drops that <c>type</c>, leaving the <c>anyOf</c>.
/// </summary>
internal sealed class NamedFloatingPointLiterals : IOpenApiSchemaTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type == JsonSchemaType.Object && schema.AnyOf is { Count: > 0 } any && any.Any(s => s.Type == JsonSchemaType.Number))
        {
            schema.Type = null;
        }

        return Task.CompletedTask;
    }
}
