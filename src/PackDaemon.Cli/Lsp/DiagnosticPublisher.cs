using PackDaemon.Cli.Lsp.Messages;
using PackDaemon.Packaging.Projects;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// Turns the daemon's complete diagnostic set for a project into one <c>textDocument/publishDiagnostics</c> per file,
/// and remembers which files it published for, so a file whose problems are fixed gets an empty list (LSP has no
/// "clear"; an editor keeps the last list it got for a document).
/// </summary>
internal sealed class DiagnosticPublisher
{
    public const string Source = "packd";

    private readonly TextDocuments _documents;
    private readonly Dictionary<string, HashSet<string>> _publishedByRoot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DiagnosticPublisher(TextDocuments documents) => _documents = documents;

    /// <returns>What to send: the files with diagnostics, then an empty list for each file that had some before.</returns>
    public IReadOnlyList<PublishDiagnosticsParams> Replace(string root, IReadOnlyList<DiagnosticReport> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var byPath = new Dictionary<string, List<DiagnosticReport>>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var path = PathOf(root, diagnostic.File);
            if (!byPath.TryGetValue(path, out var list))
            {
                byPath[path] = list = [];
            }

            list.Add(diagnostic);
        }

        var messages = new List<PublishDiagnosticsParams>();
        foreach (var (path, list) in byPath)
        {
            var lines = _documents.GetOrRead(path) is { } text ? DiagnosticRanges.SplitLines(text) : null;
            messages.Add(new PublishDiagnosticsParams(DocumentUris.FromPath(path), list.Select(d => ToLsp(d, lines)).ToArray()));
        }

        var now = messages.Select(m => m.Uri).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_publishedByRoot.TryGetValue(root, out var before))
            {
                messages.AddRange(before.Where(uri => !now.Contains(uri)).Select(uri => new PublishDiagnosticsParams(uri, [])));
            }

            _publishedByRoot[root] = now;
        }

        return messages;
    }

    public static LspDiagnostic ToLsp(DiagnosticReport diagnostic, IReadOnlyList<string>? lines)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var message = diagnostic.Fix is { Length: > 0 } fix ? diagnostic.Message + "\nfix: " + fix : diagnostic.Message;
        return new LspDiagnostic(
            DiagnosticRanges.Map(diagnostic.Line, diagnostic.Column, lines),
            DiagnosticRanges.Severity(diagnostic.Severity),
            diagnostic.Code,
            Source,
            message);
    }

    /// <summary>A diagnostic about the project as a whole lands on its pyproject.toml (setup.cfg, then setup.py, for a project without one).</summary>
    private static string PathOf(string root, string? file)
    {
        if (file is { Length: > 0 })
        {
            return Path.GetFullPath(Path.Combine(root, file));
        }

        return ProjectMarkers.PrimaryFile(root);
    }
}
