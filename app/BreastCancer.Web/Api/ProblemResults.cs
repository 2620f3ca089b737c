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

    /// <summary>413 for a body over <paramref name="maxBytes"/>.</summary>
    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
            detail: $"The body of a prediction request may hold at most {maxBytes} bytes (Prediction:MaxBodyBytes); send a smaller batch.");
}
