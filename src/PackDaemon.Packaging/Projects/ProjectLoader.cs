using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Inputs;
using PackDaemon.Packaging.Projects.SetupCfg;
using PackDaemon.Packaging.Projects.Evaluation;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace PackDaemon.Packaging.Projects;

/// <summary>Reads pyproject.toml (PEP 621), or a declarative setup.cfg translated to its shape, and the files they
/// point at, without running Python.</summary>
public static class ProjectLoader
{
    /// <returns>The project, or null when an error was reported to <paramref name="diagnostics"/>.</returns>
    public static LoadedProject? Load(string projectRoot, DiagnosticBag diagnostics) => Load(projectRoot, diagnostics, null);

    /// <param name="evaluator">Asked for a value the backend computes by importing project code (a setuptools
    /// <c>attr:</c> version that is not a literal); null makes such a value an error.</param>
    /// <returns>The project, or null when an error was reported to <paramref name="diagnostics"/>.</returns>
    public static LoadedProject? Load(string projectRoot, DiagnosticBag diagnostics, IValueEvaluator? evaluator)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = Path.GetFullPath(projectRoot);
        var file = Path.Combine(root, LoadContext.PyprojectFile);
        var hasSetupCfg = File.Exists(Path.Combine(root, IniFile.FileName));
        if (!File.Exists(file))
        {
            if (hasSetupCfg)
            {
                // PEP 517's fallback: setuptools reads the project from setup.cfg.
                return LoadSetupCfg(root, null, diagnostics, evaluator);
            }

            diagnostics.Error(
                DiagnosticCodes.PyprojectMissing,
                $"No pyproject.toml (or setup.cfg) in `{root}`.",
                LoadContext.PyprojectFile,
                fix: "Run packd from the folder holding pyproject.toml, or create one with a [project] table (name, version).");
            return null;
        }

        var document = ReadPyproject(root, diagnostics);
        if (document is null)
        {
            return null;
        }

        if (!document.Value.Model.ContainsKey("project") && hasSetupCfg)
        {
            // No [project] table: setuptools takes the metadata from setup.cfg (pyproject.toml holds [build-system]).
            return LoadSetupCfg(root, document, diagnostics, evaluator);
        }

        var context = new LoadContext(root, diagnostics, TomlLocationIndex.Build(document.Value.Syntax)) { Evaluator = evaluator };
        return new ProjectReader(context, document.Value.Model).Read();
    }

    private static LoadedProject? LoadSetupCfg(string root, (Tomlyn.Syntax.DocumentSyntax Syntax, TomlTable Model)? pyproject, DiagnosticBag diagnostics,
        IValueEvaluator? evaluator)
    {
        var index = TomlLocationIndex.Build(pyproject?.Syntax ?? new Tomlyn.Syntax.DocumentSyntax());
        var bootstrap = new LoadContext(root, diagnostics, index);
        if (ReadConfig(root, IniFile.FileName, diagnostics) is not { } bytes)
        {
            return null;
        }

        var text = bootstrap.DecodeUtf8(bytes, IniFile.FileName, "setup.cfg (setuptools reads it as UTF-8)");
        var ini = text is null ? null : IniFile.Parse(text, diagnostics);
        var translation = ini is null ? null : SetupCfgTranslator.Translate(ini, root, pyproject?.Model, index, diagnostics);
        if (translation is null)
        {
            return null;
        }

        var configFiles = new List<string>();
        foreach (var candidate in (string[])[LoadContext.PyprojectFile, IniFile.FileName, "setup.py"])
        {
            if (File.Exists(Path.Combine(root, candidate)))
            {
                configFiles.Add(candidate);
            }
        }

        configFiles.AddRange(translation.ReferencedFiles.Where(f => !configFiles.Contains(f)));
        var context = new LoadContext(root, diagnostics, index)
        {
            FromSetupCfg = true,
            ConfigFiles = configFiles,
            LegacyUrls = (translation.HomePage, translation.DownloadUrl),
            Evaluator = evaluator,
        };
        return new ProjectReader(context, translation.Document).Read();
    }

    /// <summary>pyproject.toml or setup.cfg through the bounded reader: a symlink out of the project, a FIFO or a
    /// file of gigabytes is an error naming the file, never a hang or another file's bytes.</summary>
    private static byte[]? ReadConfig(string root, string name, DiagnosticBag diagnostics)
    {
        var read = ProjectInput.Read(root, Path.Combine(root, name));
        if (read.Succeeded)
        {
            return read.Bytes;
        }

        diagnostics.Error(DiagnosticCodes.ForInput(read.Problem), $"{name} could not be read: {read.Detail}.", name,
            fix: read.Problem == InputProblem.Unreadable ? "Check the file's permissions (packd needs to read it) and that no other program holds it open." : read.Fix);
        return null;
    }

    private static (Tomlyn.Syntax.DocumentSyntax Syntax, TomlTable Model)? ReadPyproject(string root, DiagnosticBag diagnostics)
    {
        var bootstrap = new LoadContext(root, diagnostics, TomlLocationIndex.Build(new Tomlyn.Syntax.DocumentSyntax()));
        if (ReadConfig(root, LoadContext.PyprojectFile, diagnostics) is not { } bytes)
        {
            return null;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // Python's tomllib, which pip and build use to read this file, rejects a byte-order mark: a project packd
            // accepted would then fail for every other tool and for anyone building the sdist.
            diagnostics.Error(
                DiagnosticCodes.FileNotUtf8,
                "pyproject.toml starts with a UTF-8 byte-order mark, which Python's tomllib (used by pip and build) rejects.",
                LoadContext.PyprojectFile,
                1,
                1,
                "Re-save the file as UTF-8 without a BOM.");
            return null;
        }

        var text = bootstrap.DecodeUtf8(bytes, LoadContext.PyprojectFile, "project file");
        return text is null ? null : Parse(text, diagnostics);
    }

    private static (Tomlyn.Syntax.DocumentSyntax Syntax, TomlTable Model)? Parse(string text, DiagnosticBag diagnostics)
    {
        const string Fix = "Fix the TOML syntax at this position (https://toml.io/en/v1.0.0).";

        // The syntax pass validates too: it catches duplicate keys and tables, which the serializer lets through.
        Tomlyn.Syntax.DocumentSyntax syntax;
        try
        {
            syntax = SyntaxParser.Parse(text, LoadContext.PyprojectFile, validate: true);
        }
        catch (TomlException ex)
        {
            // Tomlyn's own limits (arrays or tables nested past 64 levels): a document no backend would read either.
            diagnostics.Error(DiagnosticCodes.TomlSyntax, "pyproject.toml cannot be read: " + ex.Message.Split(". Change ")[0] + ".",
                LoadContext.PyprojectFile, ex.Line ?? 0, ex.Column ?? 0, "Nest arrays and tables fewer than 64 levels deep.");
            return null;
        }

        if (syntax.HasErrors)
        {
            foreach (var message in syntax.Diagnostics)
            {
                if (message.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
                {
                    diagnostics.Error(
                        DiagnosticCodes.TomlSyntax,
                        "pyproject.toml is not valid TOML: " + message.Message,
                        LoadContext.PyprojectFile,
                        message.Span.Start.Line + 1,
                        message.Span.Start.Column + 1,
                        Fix);

                    // Later messages are mostly the parser tripping over the same mistake again.
                    break;
                }
            }

            return null;
        }

        try
        {
            var model = TomlSerializer.Deserialize<TomlTable>(text, PyprojectTomlContext.Default) ?? new TomlTable();
            return (syntax, model);
        }
        catch (TomlException ex)
        {
            diagnostics.Error(
                DiagnosticCodes.TomlSyntax,
                "pyproject.toml is not valid TOML: " + ex.Message,
                LoadContext.PyprojectFile,
                ex.Line ?? 0,
                ex.Column ?? 0,
                Fix);
            return null;
        }
    }
}
