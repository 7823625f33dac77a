namespace PackDaemon.Cli;

/// <summary>Process exit codes, the same for every command so scripts can branch on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The build (or check) found errors in the project; diagnostics are on stderr.</summary>
    public const int BuildError = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Ctrl+C or SIGTERM stopped the command (128 + SIGINT, as shells report an interrupted program).</summary>
    public const int Interrupted = 130;
}
