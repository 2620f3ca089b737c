namespace BreastCancer.Web.Api;

/// <summary>Lets endpoints answer before the app serves a model (<see cref="ModelGate"/>).</summary>
public static class WithoutModelEndpoints
{
    /// <summary>Marks <paramref name="builder"/>'s endpoint with <see cref="Api.ServedWithoutModel"/>, so that <see cref="ModelGate"/> lets it answer while the first model is made.</summary>
    public static TBuilder ServedWithoutModel<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(Api.ServedWithoutModel.Instance);
    }
}

/// <summary>Endpoint metadata: the endpoint needs no model, and answers while the app starts (<see cref="ModelGate"/>); the OpenAPI document gives it no 503.</summary>
public sealed class ServedWithoutModel
{
    private ServedWithoutModel()
    {
    }

    /// <summary>The one instance.</summary>
    public static ServedWithoutModel Instance { get; } = new();
}
