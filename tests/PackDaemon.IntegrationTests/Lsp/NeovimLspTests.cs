using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Lsp;

/// <summary>
/// <c>packd lsp</c> in a real editor: headless Neovim (Debian's <c>neovim</c>, installed by scripts/prereqs.sh) with its
/// built-in LSP client starting the packd under test, against a real daemon in an isolated runtime folder. The Lua
/// script (packd_lsp_neovim.lua) opens a broken pyproject.toml, records what Neovim received, fixes and saves the file,
/// and records again; this test asserts on that record.
/// </summary>
public sealed class NeovimLspTests
{
    private const string FixedPyproject = """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "broken-pyproject"
        version = "1.0.0"
        description = "packd test fixture: broken-pyproject"
        dependencies = [
            "flask>=3.0",
            "gunicorn",
            "click",
        ]
        """;

    [Fact]
    public async Task Neovim_ReceivesExactDiagnostics_HoversRequirements_AndSeesTheFixClearThem()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        Directory.CreateDirectory(sandbox.RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var temp = new TempDirectory("packd-lsp");
        var project = temp.CopyFixture("broken-pyproject");
        File.WriteAllText(Path.Combine(project, "requirements.txt"), "# web\nrequests[socks]>=2.31 ; python_version >= \"3.8\"  # http\n");

        var root = await RunNeovimAsync(sandbox, temp, new Dictionary<string, string?>
        {
            ["PACKD_LSP_PROJECT"] = project,
            ["PACKD_LSP_FIXED"] = FixedPyproject,
        });

        // The daemon reports 12:5 (1-based), the start of "click" after the missing ','; LSP is 0-based, and the range
        // runs to the end of that line's content: '    "click",' is 12 characters.
        Assert.True(root.GetProperty("diagnostics_received").GetBoolean(), root.ToString());
        var diagnostic = Assert.Single(root.GetProperty("broken").EnumerateArray());
        Assert.Equal(11, diagnostic.GetProperty("lnum").GetInt32());
        Assert.Equal(4, diagnostic.GetProperty("col").GetInt32());
        Assert.Equal(11, diagnostic.GetProperty("end_lnum").GetInt32());
        Assert.Equal(12, diagnostic.GetProperty("end_col").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("severity").GetInt32());
        Assert.Equal("packd", diagnostic.GetProperty("source").GetString());
        Assert.StartsWith("PD1", diagnostic.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Contains("Missing a `,`", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);

        var pyprojectHover = HoverText(root, "pyproject_hover");
        Assert.Contains("**flask**", pyprojectHover, StringComparison.Ordinal);
        Assert.Contains("specifier: `>=3.0`", pyprojectHover, StringComparison.Ordinal);

        var requirementsHover = HoverText(root, "requirements_hover");
        Assert.Contains("name: `requests`", requirementsHover, StringComparison.Ordinal);
        Assert.Contains("specifier: `>=2.31`", requirementsHover, StringComparison.Ordinal);
        Assert.Contains("extras: `socks`", requirementsHover, StringComparison.Ordinal);
        Assert.Contains("markers: `python_version >= \"3.8\"`", requirementsHover, StringComparison.Ordinal);

        Assert.True(root.GetProperty("cleared").GetBoolean(), $"the diagnostics stayed after the fix was saved: {root}");
        Assert.Empty(root.GetProperty("after_fix").EnumerateArray());
        var lens = root.GetProperty("code_lens").GetString();
        Assert.Matches(@"^packd: build succeeded in \d+ ms · broken_pyproject-1\.0\.0-py3-none-any\.whl$", lens);
        Assert.True(root.GetProperty("stopped").GetBoolean(), $"packd lsp did not stop when Neovim asked: {root}");
    }

    [Fact]
    public async Task Neovim_ReceivesRequirementsFileDiagnostics_ForAProjectFoundAboveTheFile()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        Directory.CreateDirectory(sandbox.RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var temp = new TempDirectory("packd-lsp");
        var project = temp.CopyFixture("broken-requirements");
        Directory.CreateDirectory(Path.Combine(project, "requirements"));
        File.Move(Path.Combine(project, "requirements.txt"), Path.Combine(project, "requirements", "base.txt"));
        var pyproject = Path.Combine(project, "pyproject.toml");
        File.WriteAllText(pyproject, File.ReadAllText(pyproject).Replace("\"requirements.txt\"", "\"requirements/base.txt\"", StringComparison.Ordinal));

        // The editor's root is the temp folder, no project: the project is found by walking up from requirements/.
        var root = await RunNeovimAsync(sandbox, temp, new Dictionary<string, string?>
        {
            ["PACKD_LSP_SCENARIO"] = "requirements",
            ["PACKD_LSP_ROOT"] = temp.Path,
            ["PACKD_LSP_FILE"] = Path.Combine(project, "requirements", "base.txt"),
        });

        // tests/fixtures/broken-requirements/expected.txt: lines 3-6, column 1, one per rejected line.
        Assert.True(root.GetProperty("diagnostics_received").GetBoolean(), root.ToString());
        var diagnostics = root.GetProperty("broken").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5], diagnostics.Select(d => d.GetProperty("lnum").GetInt32()));
        Assert.All(diagnostics, d => Assert.Equal(0, d.GetProperty("col").GetInt32()));
        Assert.All(diagnostics, d => Assert.StartsWith("PD2", d.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Equal(["-e .".Length, "--index-url https://pypi.example.org/simple".Length, "./local/pkg".Length, "git+https://github.com/x/y.git".Length],
            diagnostics.Select(d => d.GetProperty("end_col").GetInt32()));
        Assert.True(root.GetProperty("stopped").GetBoolean(), $"packd lsp did not stop when Neovim asked: {root}");
    }

    /// <summary>Runs the Lua script in headless Neovim with this test's runtime folder and returns what it recorded.</summary>
    private static async Task<JsonElement> RunNeovimAsync(DaemonSandbox sandbox, TempDirectory temp, Dictionary<string, string?> settings)
    {
        var nvim = FindOnPath("nvim")
            ?? throw new InvalidOperationException("nvim not found on PATH: install Debian's 'neovim' (bash scripts/prereqs.sh does)");
        var output = temp.Combine("neovim-saw.json");
        var environment = new Dictionary<string, string?>(sandbox.Environment)
        {
            ["PACKD_LSP_EXE"] = Path.GetFullPath(Packd.Executable),
            ["PACKD_LSP_OUT"] = output,

            // Neovim's own state (shada, lsp.log) goes to the temp folder, never the user's.
            ["XDG_CONFIG_HOME"] = temp.Combine("xdg", "config"),
            ["XDG_DATA_HOME"] = temp.Combine("xdg", "data"),
            ["XDG_STATE_HOME"] = temp.Combine("xdg", "state"),
            ["XDG_CACHE_HOME"] = temp.Combine("xdg", "cache"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var script = Path.Combine(RepositoryPaths.Root, "tests", "PackDaemon.IntegrationTests", "Lsp", "packd_lsp_neovim.lua");
        var run = await ProcessRunner.RunAsync(nvim, ["--headless", "-n", "-i", "NONE", "-u", script], temp.Path, environment, TimeSpan.FromMinutes(4));

        Assert.True(File.Exists(output), $"Neovim wrote no result file\n{run}");
        using var saw = JsonDocument.Parse(File.ReadAllText(output));
        var root = saw.RootElement.Clone();
        Assert.False(root.TryGetProperty("error", out var error), $"the Neovim script failed: {error}\n{root}");
        return root;
    }

    private static string HoverText(JsonElement root, string name)
    {
        Assert.True(root.TryGetProperty(name, out var hover) && hover.ValueKind == JsonValueKind.Object, $"no {name}: {root}");
        var contents = hover.GetProperty("contents");
        Assert.Equal("markdown", contents.GetProperty("kind").GetString());
        return contents.GetProperty("value").GetString()!;
    }

    private static string? FindOnPath(string name) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);
}
