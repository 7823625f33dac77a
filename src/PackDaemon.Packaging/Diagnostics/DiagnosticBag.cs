namespace PackDaemon.Packaging.Diagnostics;

/// <summary>Collects diagnostics so that one run reports every problem, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.IsError);
            }
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    public void Error(string code, string message, string? file = null, int line = 0, int column = 0, string? fix = null)
        => Add(new Diagnostic(code, DiagnosticSeverity.Error, message, file, line, column, fix));

    public void Warning(string code, string message, string? file = null, int line = 0, int column = 0, string? fix = null)
        => Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, file, line, column, fix));

    public void Info(string code, string message, string? file = null, int line = 0, int column = 0, string? fix = null)
        => Add(new Diagnostic(code, DiagnosticSeverity.Info, message, file, line, column, fix));
}
