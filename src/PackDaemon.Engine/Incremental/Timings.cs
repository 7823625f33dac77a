using System.Diagnostics;
using PackDaemon.Engine.Building;

namespace PackDaemon.Engine.Incremental;

/// <summary>Phase times of one build attempt as it goes; <see cref="ToPhaseTimings"/> closes it.</summary>
internal sealed record Timings(Stopwatch Total, long ReconcileMs)
{
    public long LoadMs { get; init; }

    public long SelectMs { get; init; }

    public long ReadMs { get; init; }

    public long WheelMs { get; init; }

    public long SdistMs { get; init; }

    public PhaseTimings ToPhaseTimings() => new(LoadMs, SelectMs, ReadMs, WheelMs, SdistMs, Total.ElapsedMilliseconds);
}
