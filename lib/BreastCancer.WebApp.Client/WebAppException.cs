namespace BreastCancer.WebApp.Client;

/// <summary>The web app refused a request, or could not be started; the message says which request, the status and the app's reason.</summary>
public sealed class WebAppException : Exception
{
    /// <summary>A failure with <paramref name="message"/>.</summary>
    public WebAppException(string message)
        : base(message)
    {
    }

    /// <summary>A failure with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public WebAppException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>A refused request: <paramref name="message"/> names it, <paramref name="status"/> is the HTTP status.</summary>
    public WebAppException(string message, int status)
        : base(message) => Status = status;

    /// <summary>Creates an exception without a message.</summary>
    public WebAppException()
    {
    }

    /// <summary>The HTTP status of the refusal, or null when no response came.</summary>
    public int? Status { get; }
}
