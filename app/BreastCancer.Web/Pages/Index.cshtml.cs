using System.Globalization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;
using BreastCancer.Web.Prediction;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Pages;

/// <summary>
/// The clinician's form: the 30 measurements of one fine needle aspirate, by statistic and property, each with its unit
/// and training range; filled with a typical example on request (<c>?example=benign</c> or <c>malignant</c>); on
/// submission the probability, the decision, the top contributions and the model version, or each bad value's reason
/// beside it with the other values kept.
/// </summary>
public sealed class IndexModel(ModelHolder holder, Predictor predictor, IOptions<ValidationOptions> validation) : PageModel
{
    /// <summary>The model snapshot this request uses.</summary>
    public ModelSnapshot Snapshot { get; } = holder.Current;

    /// <summary>The text of each field, by feature name, as shown in the inputs.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The errors by feature name.</summary>
    public ValidationErrors Errors { get; } = new();

    /// <summary>The prediction, after a valid submission.</summary>
    public PatientPrediction? Result { get; private set; }

    /// <summary>The example filled in, if one was asked for.</summary>
    public ExamplePatient? Example { get; private set; }

    /// <summary>The feature's training range from the card.</summary>
    public FeatureRange RangeOf(string feature) => Snapshot.Card.Features.First(f => f.Name == feature);

    /// <summary>The field's text, empty when none.</summary>
    public string ValueOf(string feature) => Values.TryGetValue(feature, out var text) ? text : "";

    /// <summary>Shows the empty form, or the example named by <paramref name="example"/>.</summary>
    public void OnGet(string? example)
    {
        Example = Snapshot.Examples.FirstOrDefault(e => e.Key == example);
        if (Example is not null)
        {
            for (var f = 0; f < Snapshot.FeatureNames.Count; f++)
            {
                Values[Snapshot.FeatureNames[f]] = Example.Values[f].ToString("R", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Validates the submitted measurements and, when all are valid, predicts.</summary>
    public async Task OnPostAsync()
    {
        foreach (var feature in Snapshot.FeatureNames)
        {
            Values[feature] = Request.Form.TryGetValue(feature, out var text) ? text.ToString() : "";
        }

        var check = new PatientValidator(Snapshot.Card.Features, validation.Value.RejectOutOfRange)
            .ValidateText(Values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal), Errors);
        if (check.Values is not null)
        {
            Result = (await predictor.PredictAsync(Snapshot, [check]))[0];
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
