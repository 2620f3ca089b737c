namespace BreastCancer.Web.Models;

/// <summary>Where the app's first model is (<see cref="ModelStartup"/>): the readiness that <c>/health</c> reports.</summary>
public enum StartupState
{
    /// <summary>The model store has a current model, which is being loaded (its training rows checked, its prediction sets calibrated).</summary>
    Loading,

    /// <summary>The model store has no model yet: the default model is being trained and saved there.</summary>
    Training,

    /// <summary>A model is served.</summary>
    Serving,

    /// <summary>The first model could not be loaded or trained; the app's log says why, and the app stays up without serving one.</summary>
    Failed,
}
