namespace PackDaemon.Cli.Lsp;

/// <summary>file:// URIs (what LSP names documents with) to and from absolute paths, percent-encoding included.</summary>
internal static class DocumentUris
{
    /// <returns>The absolute local path, or null for a URI that is not a local file (untitled:, http:, …).</returns>
    public static string? ToPath(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
