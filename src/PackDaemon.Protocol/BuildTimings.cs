namespace PackDaemon.Protocol;

/// <summary>Milliseconds per phase of one build, so a slow build says where its time went.</summary>
/// <param name="ReconcileMs">Re-stat and re-hash of the changed paths (zero for a clean build).</param>
public sealed record BuildTimings(long ReconcileMs, long LoadMs, long SelectMs, long ReadMs, long WheelMs, long SdistMs, long TotalMs);
