using System.Diagnostics;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Faults;

/// <summary>
/// Hostile or careless trees, each built one-shot and through the daemon by the real CLI: the same verdict in both
/// modes, a diagnostic naming the file, no hang (the process timeout fails the case), nothing written, no temp file
/// left, and the daemon still alive afterwards. Reproductions from the attack campaign: a README linked to a key
/// outside the project went into METADATA; a FIFO named requirements.txt blocked builds for ever; a FIFO inside a
/// package was packaged as an empty file.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan s_noHang = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Cases => ["readme-link-outside", "readme-link-dev-zero", "readme-fifo", "requirements-fifo", "fifo-in-package", "license-link-outside", "pyproject-link-outside", "hardlink-private", "hardlink-foreign-owner",
        "toml-nested-100000-deep", "backslash-in-name", "name-not-utf8"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileTree_IsRefusedWithAClearDiagnostic_InBothModes(string name)
    {
        using var temp = new TempDirectory();
        await using var sandbox = new DaemonSandbox();
        var (project, code, file) = Make(temp, name);

        foreach (var mode in new[] { "one-shot", "daemon" })
        {
            var output = temp.Combine("out-" + mode);
            Directory.CreateDirectory(output);
            var arguments = mode == "one-shot" ? new[] { "build", project, "--no-daemon", "--out", output } : ["build", project, "--out", output];
            var result = await Packd.RunAsync(arguments, environment: sandbox.Environment, timeout: s_noHang);

            Assert.True(result.ExitCode == 1, $"{mode}: {result}");
            Assert.Contains($"{file}", result.StdErr, StringComparison.Ordinal);
            Assert.Contains($"error {code}", result.StdErr, StringComparison.Ordinal);
            Assert.Contains("Fix:", result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("daemon unavailable", result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("OUTSIDE-SECRET", result.StdOut + result.StdErr, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(output));
        }

        var status = await sandbox.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.ToString());
    }

    private static (string Project, string Code, string File) Make(TempDirectory temp, string name)
    {
        var project = temp.Combine("p");
        Directory.CreateDirectory(Path.Combine(project, "app"));
        File.WriteAllText(Path.Combine(project, "app", "__init__.py"), "");
        var outside = temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "OUTSIDE-SECRET\n");
        var pyproject = """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "app"
            version = "1.0"

            """;
        switch (name)
        {
            case "readme-link-outside":
                File.CreateSymbolicLink(Path.Combine(project, "README.md"), Path.Combine(outside, "secret.txt"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject + "readme = \"README.md\"\n");
                return (project, "PD5003", "README.md");
            case "readme-link-dev-zero":
                File.CreateSymbolicLink(Path.Combine(project, "README.md"), "/dev/zero");
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject + "readme = \"README.md\"\n");
                return (project, "PD5003", "README.md");
            case "readme-fifo":
                MakeFifo(Path.Combine(project, "README.md"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject + "readme = \"README.md\"\n");
                return (project, "PD5004", "README.md");
            case "requirements-fifo":
                MakeFifo(Path.Combine(project, "requirements.txt"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject.Replace("version = \"1.0\"", "version = \"1.0\"\ndynamic = [\"dependencies\"]", StringComparison.Ordinal)
                    + "[tool.hatch.metadata.hooks.requirements_txt]\nfiles = [\"requirements.txt\"]\n");
                return (project, "PD5004", "requirements.txt");
            case "fifo-in-package":
                MakeFifo(Path.Combine(project, "app", "events.pipe"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject);
                return (project, "PD5004", "app/events.pipe");
            case "license-link-outside":
                File.CreateSymbolicLink(Path.Combine(project, "LICENSE"), Path.Combine(outside, "secret.txt"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject + "license = { file = \"LICENSE\" }\n");
                return (project, "PD5003", "LICENSE");
            case "hardlink-private":
                // What a hard link to ~/.ssh/id_rsa or, run as root, to /etc/shadow looks like: a private file.
                File.SetUnixFileMode(Path.Combine(outside, "secret.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
                HardLink(Path.Combine(outside, "secret.txt"), Path.Combine(project, "app", "notes.txt"));
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject);
                return (project, "PD5006", "app/notes.txt");
            case "hardlink-foreign-owner":
                if (Environment.UserName != "root")
                {
                    Assert.Skip("needs root to give the linked file another owner (CI runs as root)");
                }

                HardLink(Path.Combine(outside, "secret.txt"), Path.Combine(project, "app", "notes.txt"));
                Chown(Path.Combine(outside, "secret.txt"), 65534);
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject);
                return (project, "PD5006", "app/notes.txt");
            case "toml-nested-100000-deep":
                // Was "internal error: TomlException ... This is a bug in packd".
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject + "[tool.x]\na = " + new string('[', 100_000) + new string(']', 100_000) + "\n");
                return (project, "PD1002", "pyproject.toml");
            case "backslash-in-name":
                // Was "internal error: AggregateException".
                File.WriteAllText(Path.Combine(project, "app", "we\\ird.txt"), "x");
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject);
                return (project, "PD5010", "backslash in its name");
            case "name-not-utf8":
                // Was reported as "no longer exists".
                Run("sh", "-c", $"touch \"{Path.Combine(project, "app")}/caf$(printf '\\351').txt\"");
                File.WriteAllText(Path.Combine(project, "pyproject.toml"), pyproject);
                return (project, "PD5010", "not valid UTF-8");
            default:
                File.WriteAllText(Path.Combine(outside, "pyproject.toml"), pyproject + "description = \"OUTSIDE-SECRET\"\n");
                File.CreateSymbolicLink(Path.Combine(project, "pyproject.toml"), Path.Combine(outside, "pyproject.toml"));
                return (project, "PD5003", "pyproject.toml");
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void HardLink(string existing, string link) => Run("ln", existing, link);

    private static void Chown(string path, int uid) => Run("chown", uid.ToString(System.Globalization.CultureInfo.InvariantCulture), path);

    private static void MakeFifo(string path) => Run("mkfifo", path);
}
