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

    /// <summary>
    /// The diagnostics in file, line, column order. Parallel phases (the tree walk, the content loader) report in
    /// whatever order threads finish; what is shown to people and tools uses this order, so the same tree always
    /// prints the same output.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var items = Items.ToList();
        items.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.File, b.File);
            c = c != 0 ? c : a.Line.CompareTo(b.Line);
            c = c != 0 ? c : a.Column.CompareTo(b.Column);
            c = c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
        });
        return items;
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
