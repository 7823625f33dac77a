using System.Runtime.InteropServices;

namespace PackDaemon.Protocol.Discovery;

/// <summary>The few libc calls .NET has no managed API for.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEuid();
}
