using System.Collections.Concurrent;

namespace PackDaemon.Cli.Lsp;

/// <summary>The text of the documents the editor has open (it may be ahead of the disk until saved). Hover reads
/// the editor's text; ranges for a document that is not open are computed from the file on disk.</summary>
internal sealed class TextDocuments
{
    private readonly ConcurrentDictionary<string, string> _open = new(StringComparer.Ordinal);

    public void Set(string path, string text) => _open[path] = text;

    public void Remove(string path) => _open.TryRemove(path, out _);

    public string? Get(string path) => _open.TryGetValue(path, out var text) ? text : null;

    /// <summary>The editor's text when open, else the file's, else null (the file is gone or unreadable).</summary>
    public string? GetOrRead(string path)
    {
        if (Get(path) is { } text)
        {
            return text;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
