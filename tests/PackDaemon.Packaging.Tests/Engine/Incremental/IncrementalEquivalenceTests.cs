using PackDaemon.Engine.Incremental;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>
/// Invariant 1: after any sequence of edits, an incremental build's wheel and sdist are byte-identical to a clean
/// build's. Each seed drives a random sequence; the seed and every step are in the failure message.
/// </summary>
public sealed class IncrementalEquivalenceTests : IDisposable
{
    private const int Steps = 45;
    private readonly ProjectCopy _project = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomEdits_EveryBuild_EqualsACleanBuild(int seed)
    {
        var random = new Random(seed);
        var log = new List<string> { $"seed {seed}" };
        var builder = new IncrementalBuilder(_project.Root);
        try
        {
            _project.AssertSameAsClean(builder.Build(_project.Request, ChangeHints.All, TestContext.Current.CancellationToken), "first build");
            for (int step = 0; step < Steps; step++)
            {
                var (what, hints) = RandomChange(random, step);
                log.Add($"{step}: {what}");
                if (step % 15 == 14)
                {
                    // A restarted daemon: a new builder over the persisted cache, told to reconcile everything.
                    builder.Dispose();
                    builder = new IncrementalBuilder(_project.Root);
                    Assert.Equal("loaded", builder.CacheLoadOutcome);
                    hints = ChangeHints.All;
                    log.Add($"{step}: restart");
                }

                var result = builder.Build(_project.Request, hints, TestContext.Current.CancellationToken);
                _project.AssertSameAsClean(result, string.Join("\n", log));
            }
        }
        finally
        {
            builder.Dispose();
        }
    }

    private (string What, ChangeHints Hints) RandomChange(Random random, int step)
    {
        var files = _project.Files();
        string Pick() => files[random.Next(files.Count)];
        string PickOrdinary()
        {
            string path;
            do
            {
                path = Pick();
            }
            while (path is "pyproject.toml" or "flask_app/__init__.py");
            return path;
        }

        switch (random.Next(14))
        {
            case 0:
            case 1:
            {
                string path = PickOrdinary();
                File.AppendAllText(_project.Full(path), $"# edit {step}\n");
                return ($"edit {path}", ChangeHints.For([path]));
            }

            case 2:
            {
                string folder = random.Next(2) == 0 ? "flask_app" : $"flask_app/sub{random.Next(3)}";
                string ext = new[] { ".py", ".txt", ".log", ".sql" }[random.Next(4)];
                string path = $"{folder}/new{step}{ext}";
                Directory.CreateDirectory(_project.Full(folder));
                File.WriteAllText(_project.Full(path), $"created at {step}\n");
                return ($"create {path}", ChangeHints.For([path, folder]));
            }

            case 3:
            {
                string path = PickOrdinary();
                File.Delete(_project.Full(path));
                return ($"delete {path}", ChangeHints.For([path]));
            }

            case 4:
            {
                string path = PickOrdinary();
                string target = $"flask_app/renamed{step}{Path.GetExtension(path)}";
                File.Move(_project.Full(path), _project.Full(target));
                return ($"rename {path} -> {target}", ChangeHints.For([path, target]));
            }

            case 5:
            {
                string path = Pick();
                File.SetLastWriteTimeUtc(_project.Full(path), DateTime.UtcNow.AddSeconds(random.Next(1, 100)));
                return ($"touch {path}", ChangeHints.For([path]));
            }

            case 6:
            {
                string path = Pick();
                byte[] bytes = File.ReadAllBytes(_project.Full(path));
                if (random.Next(2) == 0)
                {
                    File.WriteAllBytes(_project.Full(path), bytes);
                    return ($"identical save {path}", ChangeHints.For([path]));
                }

                // An editor's atomic save: write a temp file, rename it over the original (a new inode).
                string temp = path + ".tmp~";
                File.WriteAllBytes(_project.Full(temp), bytes);
                File.Move(_project.Full(temp), _project.Full(path), overwrite: true);
                return ($"identical atomic save {path}", ChangeHints.For([path, temp]));
            }

            case 7:
            {
                string[] rules = ["*.sql", "*.log", "flask_app/static/", "!keep.log", "*.txt"];
                string rule = rules[random.Next(rules.Length)];
                var lines = File.Exists(_project.Full(".gitignore")) ? File.ReadAllLines(_project.Full(".gitignore")).ToList() : [];
                if (!lines.Remove(rule))
                {
                    lines.Add(rule);
                }

                File.WriteAllLines(_project.Full(".gitignore"), lines);
                return ($".gitignore toggles {rule}", ChangeHints.For([".gitignore"]));
            }

            case 8:
            {
                string text = File.ReadAllText(_project.Full("pyproject.toml"));
                string version = $"1.0.{step}";
                text = System.Text.RegularExpressions.Regex.Replace(text, "version = \"[^\"]*\"", $"version = \"{version}\"");
                File.WriteAllText(_project.Full("pyproject.toml"), text);
                return ($"version {version}", ChangeHints.For(["pyproject.toml"]));
            }

            case 9:
            {
                string text = File.ReadAllText(_project.Full("pyproject.toml"));
                const string Exclude = "\n[tool.packd]\nexclude = [\"*.css\"]\n";
                text = text.Contains(Exclude, StringComparison.Ordinal) ? text.Replace(Exclude, string.Empty, StringComparison.Ordinal) : text + Exclude;
                File.WriteAllText(_project.Full("pyproject.toml"), text);
                return ("toggle [tool.packd] exclude", ChangeHints.For(["pyproject.toml"]));
            }

            case 10 when !OperatingSystem.IsWindows():
            {
                string path = PickOrdinary();
                var mode = File.GetUnixFileMode(_project.Full(path));
                File.SetUnixFileMode(_project.Full(path), mode ^ UnixFileMode.UserExecute);
                return ($"chmod {path}", ChangeHints.For([path]));
            }

            case 11:
            {
                File.AppendAllText(_project.Full("README.md"), $"Line {step}.\n");
                return ("readme edit", ChangeHints.For(["README.md"]));
            }

            case 12:
            {
                // The fixture builds with hatchling, so hatchling's options decide the selection and must re-select.
                string text = File.ReadAllText(_project.Full("pyproject.toml"));
                const string Exclude = "\n[tool.hatch.build]\nexclude = [\"*.sql\"]\n";
                text = text.Contains(Exclude, StringComparison.Ordinal) ? text.Replace(Exclude, string.Empty, StringComparison.Ordinal) : text + Exclude;
                File.WriteAllText(_project.Full("pyproject.toml"), text);
                return ("toggle [tool.hatch.build] exclude", ChangeHints.For(["pyproject.toml"]));
            }

            default:
            {
                string folder = $"flask_app/sub{random.Next(3)}";
                if (Directory.Exists(_project.Full(folder)))
                {
                    Directory.Delete(_project.Full(folder), recursive: true);
                    return ($"delete folder {folder}", ChangeHints.For([folder]));
                }

                return ("nothing, full reconcile", ChangeHints.All);
            }
        }
    }

    public void Dispose() => _project.Dispose();
}
