namespace PackDaemon.Packaging.Archives;

public enum ZipCompression
{
    Stored = 0,
    Deflated = 8,
}
