namespace PackDaemon.Packaging.Archives;

/// <summary>The one timestamp every entry of an artifact carries.</summary>
public static class ReproducibleClock
{
    /// <summary>SOURCE_DATE_EPOCH when set and valid, clamped to 1980-01-01 or later (the zip DOS epoch); otherwise a fixed date.</summary>
    public static DateTimeOffset FromSourceDateEpoch(string? sourceDateEpoch) => throw new NotImplementedException();
}
