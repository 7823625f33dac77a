using System.Diagnostics;
using System.Text.Json;
using PackDaemon.Packaging.Selection.Flit;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>Compares packd's reading of module sources and of sdist globs with Debian's flit_core 3.8 and Python's glob,
/// run on the same inputs.</summary>
public sealed class FlitDifferentialTests : IDisposable
{
    private const string DebianPython = "/usr/bin/python3";

    // flit_core's own AST pass, and the same glob call its sdist builder makes.
    private const string Script = """
        import ast, glob, json, os, sys
        from pathlib import Path
        from types import SimpleNamespace
        from flit_core import common
        request = json.load(sys.stdin)
        sources = []
        for i, text in enumerate(request["sources"]):
            path = Path(request["root"]) / f"m{i}.py"
            path.write_text(text, encoding="utf-8")
            doc, version = common.get_docstring_and_version_via_ast(SimpleNamespace(file=path))
            summary = doc.lstrip().splitlines()[0] if doc and doc.strip() else None
            sources.append([summary, version])
        patterns = {}
        for pattern in request["patterns"]:
            found = set()
            for p in glob.glob(os.path.join(request["tree"], pattern), recursive=True):
                rel = os.path.relpath(p, request["tree"])
                found.add(rel + ("/" if os.path.isdir(p) else ""))
            patterns[pattern] = sorted(found)
        json.dump({"sources": sources, "patterns": patterns}, sys.stdout)
        """;

    private static readonly string[] s_sources =
    [
        "\"\"\"Plain.\"\"\"\n__version__ = '1.0'\n",
        "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\nr'''\n\tRaw \\d with a tab.\n'''\n__version__ = \"2.0\"\n",
        "(\"Paren \" 'joined'\n \"\"\" text\"\"\")\nimport x; __version__ = VERSION = (\"3.\" \"0\")\n",
        "\"\"\"\n\n   Leading blank lines.\n   More.\n\"\"\"\n__version__ = get()\n__version__ = '4.0'\n",
        "\"\"\"Escapes \\x41\\u00e9\\101\\\\ and \\q kept.\"\"\"\n",
        "import os\n\"\"\"Not the docstring.\"\"\"\n__version__ = b'5.0'\n",
        "f\"\"\"No docstring.\"\"\"\nif True:\n    __version__ = '6.0'\n",
        "\"\"\"Doc.\"\"\"\nx = '''\n__version__ = \"0\"\n'''\ndef f(a=(1,\n  2)):\n    __version__ = '9'\n__version__ = '7.0'\n",
        "\"Line one\\nline two\"\n__version__ = \"\"\"8.0\"\"\"\n",
        "\"\"\"Doc.\"\"\"\r\n__version__ = '9.0'\r\n",
    ];

    private static readonly string[] s_patterns =
    [
        "**", "docs", "docs/", "docs/**", "docs/*", "**/*.py", "**.py", "*/**/*.md", ".hidden/*", ".hidden/**", "tests/[!u]*",
        "tests/**/test_?.py", "**/__pycache__", "*.cfg", "docs/**/*.md",
    ];

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void DocstringVersionAndGlobs_AgreeWithFlitCoreAndPython()
    {
        string[] files =
        [
            "a.py", "setup.cfg", ".dot.cfg", "docs/index.md", "docs/.nojekyll", "docs/api/ref.md", "docs/.private/x.md",
            ".hidden/h.txt", ".hidden/sub/i.txt", "tests/test_a.py", "tests/unit/test_b.py", "tests/unit/helper.py",
            "tests/.cache/test_c.py", "pkg/__pycache__/m.txt", "pkg/mod.py",
        ];
        _tree.Files([.. files.Select(f => "tree/" + f)]);
        Directory.CreateDirectory(Path.Join(_tree.Root, "modules"));

        string request = JsonSerializer.Serialize(new
        {
            root = Path.Join(_tree.Root, "modules"),
            tree = Path.Join(_tree.Root, "tree"),
            sources = s_sources,
            patterns = s_patterns,
        });
        using var reference = RunPython(request);
        if (reference is null)
        {
            Assert.Skip("Debian's python3 with flit_core is not installed");
            return;
        }

        var expectedSources = reference.RootElement.GetProperty("sources");
        for (int i = 0; i < s_sources.Length; i++)
        {
            var (docstring, version, problem) = FlitModuleSource.Read(s_sources[i]);
            Assert.Null(problem);
            string? flitVersion = version.Source == FlitVersionSource.Literal ? version.Value : null;
            Assert.Equal(expectedSources[i][0].GetString(), FlitModuleSource.Summary(docstring));
            Assert.Equal(expectedSources[i][1].GetString(), flitVersion);
        }

        var glob = new FlitGlob(files);
        foreach (string pattern in s_patterns)
        {
            var (matchedFiles, folders) = glob.Match(FlitGlob.Normalize(pattern));
            string[] ours = [.. matchedFiles.Concat(folders.Select(static f => f + "/")).Order(StringComparer.Ordinal)];
            string[] theirs = [.. reference.RootElement.GetProperty("patterns").GetProperty(pattern).EnumerateArray()
                .Select(static e => e.GetString()!).Order(StringComparer.Ordinal)];
            Assert.True(theirs.SequenceEqual(ours), $"{pattern}: Python {string.Join(", ", theirs)} / packd {string.Join(", ", ours)}");
        }
    }

    private static JsonDocument? RunPython(string request)
    {
        if (!File.Exists(DebianPython))
        {
            return null;
        }

        var start = new ProcessStartInfo(DebianPython, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(request);
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && error.Contains("No module named 'flit_core'", StringComparison.Ordinal))
        {
            return null;
        }

        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output);
    }
}
