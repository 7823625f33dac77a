using System.Globalization;

namespace PackDaemon.Engine.Delegation;

/// <summary>The delegated builder's private temp folders (<c>packd-delegate-&lt;pid&gt;-&lt;random&gt;</c>, 0700): the
/// worker script and each build's output before it is published. A builder removes its own when disposed; one whose
/// process was killed cannot, so the next builder sweeps those whose pid no longer runs.</summary>
internal static class PrivateFolders
{
    private const string Prefix = "packd-delegate-";

    public static DirectoryInfo Create()
    {
        SweepAbandoned();
        return Directory.CreateTempSubdirectory(Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-");
    }

    private static void SweepAbandoned()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Liveness is read from /proc.
        }

        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                var rest = Path.GetFileName(folder)[Prefix.Length..];
                var dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && pid != Environment.ProcessId && !Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: another user's folder, or one removed meanwhile; a leftover costs only disk space.
        }
    }
}
