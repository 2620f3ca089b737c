using BreastCancer.Web.Prediction;

namespace BreastCancer.Web.Api;

/// <summary>The API's RFC 7807 answers for bad requests.</summary>
public static class ProblemResults
{
    /// <summary>400 with every field's errors.</summary>
    public static IResult Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not a valid patient or batch of patients",
            detail: "Each field named in errors is missing or wrong, for the reason given; nothing was predicted.");
    }

    /// <summary>413 for a prediction request's body over <paramref name="maxBytes"/> (the setting <c>Prediction:MaxBodyBytes</c>).</summary>
    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
            detail: $"The body of a prediction request may hold at most {maxBytes} bytes (Prediction:MaxBodyBytes); send a smaller batch.");

    /// <summary>413 for the body of a request of fixed, small shape (<paramref name="what"/>: "an outcome", "a promotion") over <paramref name="maxBytes"/>.</summary>
    public static IResult TooLarge(string what, int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
            detail: $"The body of {what} may hold at most {maxBytes} bytes.");

    /// <summary>
    /// 415 unless <paramref name="request"/> declares a JSON body (<c>application/json</c> or a <c>+json</c> type), or
    /// has no body when <paramref name="bodyOptional"/>; null when it may proceed. Refusing other types keeps a web
    /// page on another origin from posting to the API without the browser's CORS preflight, which a JSON type triggers.
    /// </summary>
    public static IResult? NotJson(HttpRequest request, bool bodyOptional = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasJsonContentType() || (bodyOptional && request.ContentLength == 0 && string.IsNullOrEmpty(request.ContentType)))
        {
            return null;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request body must be JSON",
            detail: $"Send the body with Content-Type: application/json{(string.IsNullOrEmpty(request.ContentType) ? "; the request named no type" : $", not {request.ContentType}")}; nothing was done.");
    }
}
