using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Secrets;

/// <summary>
/// Zero false refusals on real code: every file of Django, Flask, Werkzeug, Jinja, pip, botocore, requests and the
/// other libraries Debian installs here (scripts/prereqs.sh installs the first ones) goes through the guard, and none
/// may be called a secret. Each new rule must pass this before it ships.
/// </summary>
public sealed class RealCodeFalseRefusalTests
{
    private const string DistPackages = "/usr/lib/python3/dist-packages";

    private static readonly string[] s_projects =
    [
        "django", "flask", "werkzeug", "jinja2", "pip", "botocore", "requests", "setuptools", "urllib3", "oauthlib", "jwt",
        "cryptography", "twine", "rich", "pygments", "docutils", "yaml",
    ];

    [Fact]
    public void RealLibraries_HaveNoSecretFindings()
    {
        var guard = new SecretsGuard([]);
        var present = s_projects.Where(p => Directory.Exists(Path.Combine(DistPackages, p))).ToList();
        Assert.Contains("django", present);
        Assert.Contains("flask", present);
        Assert.Contains("pip", present);
        Assert.Contains("botocore", present);
        int scanned = 0;
        var refused = new List<string>();
        foreach (var project in present)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(DistPackages, project), "*", SearchOption.AllDirectories))
            {
                if (file.Contains("/__pycache__/", StringComparison.Ordinal) || new FileInfo(file).Length > 16 * 1024 * 1024)
                {
                    continue;
                }

                var relative = Path.GetRelativePath(DistPackages, file).Replace('\\', '/');
                scanned++;
                refused.AddRange(guard.Scan(relative, File.ReadAllBytes(file))
                    .Where(f => f.IsSecret)
                    .Select(f => $"{f.File}:{f.Line} {f.Rule} {f.Detail}"));
            }
        }

        Assert.True(scanned > 5000, $"only {scanned} files scanned");
        Assert.True(refused.Count == 0, $"{refused.Count} false refusals in {scanned} files:\n" + string.Join("\n", refused.Take(40)));
    }
}
