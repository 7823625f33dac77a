namespace PackDaemon.Packaging.Archives;

/// <summary>Builds a wheel's RECORD: csv rows <c>path,sha256=urlsafe-b64-nopad,size</c>, RECORD itself last with empty fields.</summary>
public sealed class RecordWriter
{
    public void Add(string path, byte[] sha256, long size) => throw new NotImplementedException();

    /// <summary>The RECORD bytes (UTF-8, <c>\n</c> line ends), ending with the row <paramref name="recordPath"/>,,.</summary>
    public byte[] ToBytes(string recordPath) => throw new NotImplementedException();

    /// <summary><c>sha256=</c> + urlsafe base64 without padding.</summary>
    public static string FormatHash(byte[] sha256) => throw new NotImplementedException();
}
