namespace PackDaemon.Engine.Delegation;

/// <summary>The worker's answer to one build hook call.</summary>
/// <param name="Kind">Null on success, else <c>backend-missing</c>, <c>hook-missing</c>, <c>hook-failed</c>,
/// <c>bad-request</c>, <c>evaluation-failed</c>; packd adds <c>timeout</c> and <c>worker-died</c>.</param>
/// <param name="File">The artifact's file name in the output folder, on success.</param>
/// <param name="Missing">For <c>backend-missing</c>: the module Python could not import.</param>
/// <param name="Output">The tail of the worker's stderr during the call (the backend's own output).</param>
internal sealed record WorkerReply(string? Kind, string? File, string? Message, string? Missing, string? Traceback, string Output)
{
    public bool Succeeded => Kind is null && File is not null;

    /// <summary>For <c>evaluate_attr</c>: the attribute's value, converted to text by the backend's rules.</summary>
    public string? Value { get; init; }
}
