namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>What one model forecast at an origin: the horizon after it, and the one-day-ahead
/// forecast it would have made at the start of each of the days before it, from the data before
/// that day only.</summary>
internal sealed class ModelRun
{
    /// <summary>The model's name, one of <see cref="ForecastModels"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Forecast for the horizon; null when the history is too short for this model.</summary>
    public required double[]? Future { get; init; }

    /// <summary>Index j (1 = the last day before the origin): the forecast of that day made at its
    /// start; null where the model could not forecast it. Index 0 is unused.</summary>
    public required double[]?[] Past { get; init; }

    /// <summary>The fitted persistence of the level correction (0 for models without one).</summary>
    public double Persistence { get; init; }

    /// <summary>The factor applied on each forecast day (1 for models without a level correction).</summary>
    public double[]? Corrections { get; init; }
}
