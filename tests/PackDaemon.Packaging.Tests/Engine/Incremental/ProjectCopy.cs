using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>A temp copy of tests/fixtures/flask-app (plus a readme and an ignore file) that tests edit, and the clean
/// one-shot build every incremental result is compared with.</summary>
internal sealed class ProjectCopy : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "packd-incremental-" + Guid.NewGuid().ToString("N"));

    public ProjectCopy()
    {
        Root = Path.Combine(_scratch, "project");
        CopyFolder(FixtureRoot(), Root);
        string pyproject = File.ReadAllText(Path.Combine(Root, "pyproject.toml"));
        File.WriteAllText(Path.Combine(Root, "pyproject.toml"), pyproject.Replace(
            "requires-python = \">=3.9\"",
            "requires-python = \">=3.9\"\nreadme = \"README.md\"\nlicense-files = [\"LICENSE*\"]",
            StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Root, "README.md"), "# flask-app\n\nA fixture.\n");
        File.WriteAllText(Path.Combine(Root, "LICENSE"), "MIT License\n");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), "*.log\n");
    }

    public string Root { get; }

    public BuildRequest Request => new(Root, Path.Combine(Root, "dist"), Wheel: true, Sdist: true, WriteArtifacts: true, SourceDateEpoch: null);

    public string Full(string relative) => Path.Combine(Root, relative);

    /// <summary>Files of the project as an editor sees them (not the output or the cache).</summary>
    public List<string> Files()
        => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("dist/", StringComparison.Ordinal) && !p.StartsWith(".packd_cache/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A clean one-shot build of the tree as it is now, into a folder of its own.</summary>
    public (BuildResult Result, byte[]? Wheel, byte[]? Sdist) CleanBuild()
    {
        string output = Path.Combine(_scratch, "clean-" + Guid.NewGuid().ToString("N"));
        var result = ProjectBuilder.Build(Request with { OutputDirectory = output });
        var artifacts = Read(result);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        return (result, artifacts.Wheel, artifacts.Sdist);
    }

    /// <summary>Asserts the incremental build succeeded exactly when a clean build does, with the same bytes.</summary>
    public void AssertSameAsClean(IncrementalBuildResult incremental, string context)
    {
        var (clean, wheel, sdist) = CleanBuild();
        Assert.True(clean.Succeeded == incremental.Result.Succeeded,
            $"{context}: clean {clean.Succeeded}, incremental {incremental.Result.Succeeded}: {string.Join("; ", incremental.Result.Diagnostics)} | {string.Join("; ", clean.Diagnostics)}");
        Assert.Equal(clean.Diagnostics.Select(d => d.Code + d.File), incremental.Result.Diagnostics.Select(d => d.Code + d.File));
        if (clean.Succeeded)
        {
            var (incWheel, incSdist) = Read(incremental.Result);
            Assert.True(wheel!.AsSpan().SequenceEqual(incWheel), $"{context}: wheel differs from a clean build");
            Assert.True(sdist!.AsSpan().SequenceEqual(incSdist), $"{context}: sdist differs from a clean build");

            // The reported digest and size are those of the bytes on disk (the digest may resume from a checkpoint).
            foreach (var artifact in incremental.Result.Artifacts)
            {
                byte[] bytes = artifact.Kind == "wheel" ? incWheel! : incSdist!;
                Assert.True(
                    Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) == artifact.Sha256 && bytes.Length == artifact.Size,
                    $"{context}: the reported sha256 or size of the {artifact.Kind} is not the file's");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (byte[]? Wheel, byte[]? Sdist) Read(BuildResult result)
    {
        byte[]? Bytes(string kind) => result.Artifacts.FirstOrDefault(a => a.Kind == kind) is { } a ? File.ReadAllBytes(a.Path) : null;
        return (Bytes("wheel"), Bytes("sdist"));
    }

    private static string FixtureRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "flask-app");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/flask-app not found above the test binaries");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
