namespace PackDaemon.Packaging.Metadata;

/// <summary>Writes entry_points.txt: groups and names sorted, <c>name = module:attr</c>.</summary>
public static class EntryPointsWriter
{
    /// <returns>The file text, or null when there are no entry points (the file is then omitted).</returns>
    public static string? Write(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups) => throw new NotImplementedException();
}
