using System.Globalization;
using System.Reflection;

namespace PackDaemon.Engine.Building;

/// <summary>The version written into WHEEL's Generator. It comes from the assembly version (three parts, no commit hash),
/// so two builds from different commits of the same release still produce the same bytes.</summary>
public static class PackdVersion
{
    public static string Value { get; } = Format(typeof(PackdVersion).Assembly.GetName().Version);

    public static string Generator => "packd " + Value;

    private static string Format(Version? version) => version is null
        ? "0.0.0"
        : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}");
}
