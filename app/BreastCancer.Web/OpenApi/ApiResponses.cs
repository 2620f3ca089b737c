using Microsoft.AspNetCore.Mvc;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// Describes an endpoint's problem answers (<c>application/problem+json</c>) as the framework's <c>ProducesProblem</c>
/// does, with a description of when each is given. The metadata is <see cref="ProducesResponseTypeAttribute"/>, whose
/// description the document takes, where that of <c>ProducesResponseTypeMetadata</c> (what <c>ProducesProblem</c> adds) is
/// not read (ASP.NET Core 10).
/// </summary>
public static class ApiResponses
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The endpoint answers <paramref name="statusCode"/> with problem details when <paramref name="description"/> says.</summary>
    public static RouteHandlerBuilder Problem(this RouteHandlerBuilder builder, int statusCode, string description) =>
        builder.WithMetadata(new ProducesResponseTypeAttribute(typeof(ProblemDetails), statusCode, ProblemJson) { Description = description });

    /// <summary>The endpoint answers 400 with validation problem details, whose <c>errors</c> name each bad field, when <paramref name="description"/> says.</summary>
    public static RouteHandlerBuilder ValidationProblem(this RouteHandlerBuilder builder, string description) =>
        builder.WithMetadata(new ProducesResponseTypeAttribute(typeof(HttpValidationProblemDetails), StatusCodes.Status400BadRequest, ProblemJson) { Description = description });

    /// <summary>
    /// The answers of an endpoint that reads a JSON body (<see cref="Api.RequestBody"/>, <see cref="Api.ProblemResults.NotJson"/>):
    /// 408 for a body that arrives too slowly, 413 for one over its limit (<paramref name="limit"/>), 415 for one not declared as JSON.
    /// </summary>
    public static RouteHandlerBuilder JsonBody(this RouteHandlerBuilder builder, string limit) => builder
        .Problem(StatusCodes.Status408RequestTimeout, "The body arrived too slowly (the server's minimum data rate); nothing was done.")
        .Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit}, by its Content-Length or as read; nothing was done.")
        .Problem(StatusCodes.Status415UnsupportedMediaType, "The body is not declared as JSON (`Content-Type: application/json`, or a `+json` type); nothing was done.");
}
