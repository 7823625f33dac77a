namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>The Debian interpreter whose backends scripts/prereqs.sh installs (python3-setuptools, python3-wheel,
/// python3-hatchling): delegated builds run without isolation, so they need the interpreter that has them, which is not
/// necessarily the python3 first on PATH.</summary>
internal static class DebianPython
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>The environment that makes packd's delegated builds use it.</summary>
    public static Dictionary<string, string?> Environment(params (string Key, string? Value)[] more)
    {
        var env = new Dictionary<string, string?> { ["PACKD_PYTHON"] = Executable, ["PACKD_DELEGATE_TIMEOUT"] = null };
        foreach (var (key, value) in more)
        {
            env[key] = value;
        }

        return env;
    }
}
