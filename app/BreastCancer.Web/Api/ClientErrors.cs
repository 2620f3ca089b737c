using Microsoft.AspNetCore.Diagnostics;

namespace BreastCancer.Web.Api;

/// <summary>
/// What the exception handler answers for a request the server refused while reading it (Kestrel's
/// <see cref="BadHttpRequestException"/>: a body over the size limit, a body that arrives too slowly, a malformed
/// chunk): the client's error status the exception carries, never a 500, with Kestrel's reason as the detail.
/// </summary>
public static class ClientErrors
{
    /// <summary>The status of a response to <paramref name="exception"/>: its own 4xx for a bad request, 500 for anything else.</summary>
    public static int StatusCodeOf(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// True when the handled exception is the client's error (Kestrel's 4xx for a body too large or too slow): it is
    /// answered, not logged as a failure of the app, as Kestrel logs bad requests at debug level.
    /// </summary>
    public static bool IsClientError(ExceptionHandlerSuppressDiagnosticsContext context) =>
        context is not null && context.Exception is BadHttpRequestException { StatusCode: >= 400 and < 500 };

    /// <summary>The detail of a problem answering <paramref name="exception"/>: Kestrel's reason for a bad request, none otherwise (a server error's detail would leak its internals).</summary>
    public static string? DetailOf(Exception? exception) => exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.Message : null;
}
