namespace PackDaemon.Packaging.Archives;

/// <summary>Writes a file through a temp file in the same folder and a rename, so readers never see a partial artifact.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write) => throw new NotImplementedException();
}
