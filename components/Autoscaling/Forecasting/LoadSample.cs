namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>One observation of load: the wall-clock time it was taken at, in the time zone of its
/// series, and the load measured from then until the next sample.</summary>
/// <param name="LocalTime">Wall-clock time in the series' time zone (no offset: daily and weekly
/// patterns follow the clock people live by, not UTC).</param>
/// <param name="Value">The load, a rate such as requests per minute; never negative.</param>
public readonly record struct LoadSample(DateTime LocalTime, double Value);
