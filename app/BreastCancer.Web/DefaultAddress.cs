namespace BreastCancer.Web;

/// <summary>Where the app listens when no address is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>, <c>HTTP_PORTS</c> or Kestrel endpoints).</summary>
public static class DefaultAddress
{
    /// <summary>Loopback only, port 5080.</summary>
    public const string Url = "http://127.0.0.1:5080";
}
