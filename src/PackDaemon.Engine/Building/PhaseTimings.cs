namespace PackDaemon.Engine.Building;

/// <summary>Milliseconds spent in each phase of one build, so a slow build says where its time went.</summary>
public sealed record PhaseTimings(long LoadMs, long SelectMs, long ReadMs, long WheelMs, long SdistMs, long TotalMs);
