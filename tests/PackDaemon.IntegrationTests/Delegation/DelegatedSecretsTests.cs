using System.Text.Json;
using PackDaemon.IntegrationTests.Daemon;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>
/// The secrets guard in every build mode: a classic setup.py app built by Debian's real setuptools ships its
/// <c>.env</c> (include_package_data and a MANIFEST.in graft take dotfiles), and packd refuses it exactly as it would
/// in a native build, one-shot and in the daemon, with the same <c>secrets-allow</c> escape.
/// </summary>
public sealed class DelegatedSecretsTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(2);

    // Made up for the test, shaped like a real Django key and a Stripe live key, so the guard's value rules fire.
    private const string DjangoKey = "k8#mz!2v9@q7w$e4r1t6y3u0i5o8p2a7s4d9f1g6h3j0";
    private const string StripeKey = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dcWx9Qp2";

    [Fact]
    public async Task Build_ClassicSetupPyApp_ShippingItsEnvFile_IsRefused_AndNothingIsWritten()
    {
        using var temp = new TempDirectory();
        var project = ClassicApp(temp);
        var output = temp.Combine("out");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 1, result.ToString());
        // Named by the project file, as a native build names it, for the wheel (package data) and the sdist (MANIFEST.in).
        Assert.Matches(@"(?m)/classic-shop/shop/\.env:\d+:\d+: error PD\d{4}: .*refuses to put a secret into the wheel", result.StdErr);
        Assert.Matches(@"(?m)/classic-shop/shop/\.env:\d+:\d+: error PD\d{4}: .*refuses to put a secret into the sdist", result.StdErr);
        Assert.Matches(@"(?m)/classic-shop/\.env:\d+:\d+: error PD\d{4}: .*refuses to put a secret into the sdist", result.StdErr);
        Assert.DoesNotContain(DjangoKey, result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(StripeKey, result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "a refused build writes nothing");
    }

    [Fact]
    public async Task Build_ClassicSetupPyApp_SecretsAllowListsTheFiles_BuildsWithWarningsThatSayItWasUsed()
    {
        using var temp = new TempDirectory();
        var project = ClassicApp(temp);
        File.WriteAllText(Path.Combine(project, "pyproject.toml"), """
            [tool.packd]
            secrets-allow = ["shop/.env", ".env"]
            """);
        var output = temp.Combine("out");

        var result = await Packd.RunAsync(["build", project, "--no-daemon", "--json", "--out", output], environment: DebianPython.Environment(), timeout: s_buildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.All(json.RootElement.GetProperty("artifacts").EnumerateArray(),
            a => Assert.StartsWith("delegated:setuptools", a.GetProperty("mode").GetString(), StringComparison.Ordinal));
        var warnings = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Contains(warnings, d => d.GetProperty("file").GetString() == "shop/.env"
            && d.GetProperty("severity").GetString() == "warning"
            && d.GetProperty("message").GetString()!.Contains("allowed by [tool.packd] secrets-allow 'shop/.env'", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.GetProperty("file").GetString() == ".env");
        Assert.DoesNotContain(DjangoKey, result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task Daemon_DelegatedProjectThatGainsASecret_FailsTheBuild_KeepsTheLastGoodWheel_AndStaysUp()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(150));
        var root = ClassicApp(scope.Temp);
        File.Delete(Path.Combine(root, "shop", ".env"));
        File.Delete(Path.Combine(root, ".env"));
        var daemon = await scope.StartReadyAsync(DebianPython.Environment());
        var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);
        Assert.True(workspace.LastBuild.GetProperty("succeeded").GetBoolean(), workspace.LastBuild.ToString());
        var wheel = Path.Combine(workspace.Dist, "shop-1.4.0-py3-none-any.whl");
        var goodWheel = await File.ReadAllBytesAsync(wheel, scope.Token);

        await EditorSave.AtomicallyAsync(Path.Combine(root, "shop", ".env"), $"STRIPE_API_KEY={StripeKey}\n", scope.Token);
        var refused = await workspace.NextChangedBuildAsync();

        Assert.False(refused.GetProperty("succeeded").GetBoolean(), refused.ToString());
        var errors = refused.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        Assert.Contains(errors, d => d.GetProperty("file").GetString() == "shop/.env");
        Assert.DoesNotContain(StripeKey, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(goodWheel, await File.ReadAllBytesAsync(wheel, scope.Token));
        Assert.False(daemon.Process.HasExited);
    }

    /// <summary>The shape the classic Flask tutorials give: setup.py with include_package_data, a MANIFEST.in that
    /// grafts the package, and the developer's .env files beside the code.</summary>
    private static string ClassicApp(TempDirectory temp)
    {
        var project = temp.Combine("classic-shop");
        Directory.CreateDirectory(Path.Combine(project, "shop", "templates"));
        File.WriteAllText(Path.Combine(project, "setup.py"), """
            import os
            from setuptools import setup, find_packages

            HERE = os.path.dirname(os.path.abspath(__file__))
            with open(os.path.join(HERE, "shop", "VERSION")) as f:
                VERSION = f.read().strip()

            setup(
                name="shop",
                version=VERSION,
                packages=find_packages(),
                include_package_data=True,
                zip_safe=False,
            )
            """);
        File.WriteAllText(Path.Combine(project, "MANIFEST.in"), "graft shop\ninclude .env\nglobal-exclude *.pyc\n");
        File.WriteAllText(Path.Combine(project, "shop", "VERSION"), "1.4.0\n");
        File.WriteAllText(Path.Combine(project, "shop", "__init__.py"), "");
        File.WriteAllText(Path.Combine(project, "shop", "templates", "index.html"), "<h1>shop</h1>\n");
        File.WriteAllText(Path.Combine(project, "shop", ".env"), $"DJANGO_SECRET_KEY={DjangoKey}\nDEBUG=1\n");
        File.WriteAllText(Path.Combine(project, ".env"), $"STRIPE_API_KEY={StripeKey}\n");
        return project;
    }
}
