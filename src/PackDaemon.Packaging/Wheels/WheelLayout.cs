using System.Text;

namespace PackDaemon.Packaging.Wheels;

/// <summary>The names a pure-Python wheel and its sdist take from the escaped name and the normalized version.</summary>
/// <param name="DistributionName">Already escaped (PEP 427/625): normalized, <c>-</c> replaced by <c>_</c>.</param>
/// <param name="Version">Already normalized (PEP 440).</param>
public sealed record WheelLayout(string DistributionName, string Version)
{
    /// <summary>Pure-Python web apps target Python 3 only; py2.py3 wheels are out of scope.</summary>
    public const string Tag = "py3-none-any";

    public string WheelFileName => $"{DistributionName}-{Version}-{Tag}.whl";

    public string SdistFileName => $"{SdistTopFolder}.tar.gz";

    public string SdistTopFolder => $"{DistributionName}-{Version}";

    public string DistInfo => $"{DistributionName}-{Version}.dist-info";

    public string RecordPath => $"{DistInfo}/RECORD";

    /// <summary>The WHEEL file. Installers abort on a greater major Wheel-Version, so it stays 1.0.</summary>
    public static byte[] WheelFile(string generator)
    {
        ArgumentException.ThrowIfNullOrEmpty(generator);
        var text = "Wheel-Version: 1.0\n" +
                   $"Generator: {generator}\n" +
                   "Root-Is-Purelib: true\n" +
                   $"Tag: {Tag}\n";
        return Encoding.UTF8.GetBytes(text);
    }
}
