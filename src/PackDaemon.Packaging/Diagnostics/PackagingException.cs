namespace PackDaemon.Packaging.Diagnostics;

/// <summary>
/// The root of packd's domain errors. It carries the diagnostics that stopped the build, so callers print them
/// instead of a stack trace.
/// </summary>
public class PackagingException : Exception
{
    public PackagingException()
        : this([])
    {
    }

    public PackagingException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public PackagingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public PackagingException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Summarize(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Summarize(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count == 0
            ? "The build failed."
            : string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
    }
}
