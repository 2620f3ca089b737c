namespace BreastCancer.Web.OpenApi;

/// <summary>The tags that group the OpenAPI document's operations.</summary>
public static class ApiTags
{
    /// <summary>Predicting a patient's diagnosis.</summary>
    public const string Prediction = "Prediction";

    /// <summary>Outcomes, drift, live performance, the dashboard's data and the metrics.</summary>
    public const string Monitoring = "Monitoring";

    /// <summary>The served model's card and the saved versions: promotion, rollback, retraining.</summary>
    public const string Models = "Models";

    /// <summary>The app's own state.</summary>
    public const string Service = "Service";

    /// <summary>Each tag with its description in the document, in the document's order.</summary>
    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        (Models, "The served model's card, the saved versions, and changing the served one: promotion, rollback and retraining on confirmed outcomes."),
        (Monitoring, "Confirmed outcomes of predictions, and what the app makes of them and of the predictions: drift, live performance, the dashboard's data, Prometheus metrics."),
        (Prediction, "The probability that a tumour is malignant, the biopsy decision and its explanation, from the 30 WDBC measurements of its cell nuclei."),
        (Service, "Whether the app is up, and which model it serves."),
    ];
}
