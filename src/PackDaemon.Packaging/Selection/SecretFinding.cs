namespace PackDaemon.Packaging.Selection;

/// <summary>One match of the secrets guard. <paramref name="Detail"/> never holds the secret itself, only a redacted form.</summary>
/// <param name="File">Path relative to the project root, with <c>/</c> separators.</param>
/// <param name="Line">1-based line of the match; a finding about a whole file (<c>env-file</c>) points at line 1.</param>
/// <param name="Rule">Rule id, one of <see cref="SecretRules"/>: <c>private-key</c>, <c>aws-access-key</c>, <c>env-secret-value</c>, <c>env-file</c>...</param>
/// <param name="IsSecret">False for an env/credential file that holds no secret-looking value (packaged, with a warning)
/// and for a lone AWS access key id.</param>
public sealed record SecretFinding(string File, int Line, string Rule, string Detail, bool IsSecret)
{
    /// <summary>1-based column of the match in bytes from the start of the line; 0 when unknown.</summary>
    public int Column { get; init; }
}
