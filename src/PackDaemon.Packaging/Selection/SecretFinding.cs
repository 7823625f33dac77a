namespace PackDaemon.Packaging.Selection;

/// <summary>One match of the secrets guard.</summary>
/// <param name="Rule">Rule id and name, e.g. <c>private-key</c>, <c>aws-access-key</c>, <c>env-secret-value</c>, <c>env-file</c>.</param>
/// <param name="IsSecret">False for an env/credential file that holds no secret-looking value: packaged, with a warning.</param>
public sealed record SecretFinding(string File, int Line, string Rule, string Detail, bool IsSecret);
