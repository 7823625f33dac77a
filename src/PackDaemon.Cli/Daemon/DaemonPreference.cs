namespace PackDaemon.Cli.Daemon;

/// <summary>Whether this invocation may use the daemon. <c>--no-daemon</c> and <c>PACKD_NO_DAEMON=1</c> both force an
/// in-process build, for CI machines and sandboxes where a background process is unwelcome.</summary>
internal static class DaemonPreference
{
    public const string DisableVariable = "PACKD_NO_DAEMON";

    public static bool InProcessRequested(bool noDaemonOption) => noDaemonOption || IsTruthy(Environment.GetEnvironmentVariable(DisableVariable));

    private static bool IsTruthy(string? value) => value is not null
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
