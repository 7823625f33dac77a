namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>Saves a file the way editors do: the new content is written beside it, then renamed over it, so a watcher
/// never sees the file truncated and half-written.</summary>
internal static class EditorSave
{
    public static async Task AtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        string temp = path + ".tmp" + Environment.ProcessId;
        await File.WriteAllTextAsync(temp, text, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
