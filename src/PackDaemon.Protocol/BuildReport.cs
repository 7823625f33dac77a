namespace PackDaemon.Protocol;

/// <summary>The result of <c>build</c> and the payload of <c>build/finished</c>.</summary>
/// <param name="Generation">The workspace generation this build saw: it goes up with every reconciled change.</param>
/// <param name="Mode"><c>native</c> (built by packd itself) or <c>delegated:&lt;backend&gt;</c> (by the project's own
/// PEP 517 backend in packd's warm Python worker).</param>
/// <param name="ModeReason">Optional: why that mode, in one human sentence.</param>
/// <param name="ChangedEntries">Archive paths whose bytes were rebuilt (deflated again) for this build; empty when the
/// artifacts were already up to date.</param>
/// <param name="UpToDate">True when nothing changed since the last build and no artifact was rewritten.</param>
public sealed record BuildReport(
    string Root,
    long Generation,
    bool Succeeded,
    string Mode,
    bool UpToDate,
    IReadOnlyList<ArtifactReport> Artifacts,
    IReadOnlyList<string> ChangedEntries,
    BuildTimings Timings,
    IReadOnlyList<DiagnosticReport> Diagnostics,
    string? ModeReason = null);
