using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace PackDaemon.Packaging.Projects;

/// <summary>Reads pyproject.toml (PEP 621) and the files it points at, without running Python.</summary>
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
        if (!File.Exists(file))
        {
            diagnostics.Error(
                DiagnosticCodes.PyprojectMissing,
                $"No pyproject.toml in `{root}`.",
                LoadContext.PyprojectFile,
                fix: "Run packd from the folder holding pyproject.toml, or create one with a [project] table (name, version).");
            return null;
        }

        var bootstrap = new LoadContext(root, diagnostics, TomlLocationIndex.Build(new Tomlyn.Syntax.DocumentSyntax()));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(
                DiagnosticCodes.FileUnreadable,
                $"pyproject.toml could not be read: {ex.Message}",
                LoadContext.PyprojectFile,
                fix: "Check the file's permissions and that no other program holds it open.");
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
        if (text is null)
        {
            return null;
        }

        var document = Parse(text, diagnostics);
        if (document is null)
        {
            return null;
        }

        var context = new LoadContext(root, diagnostics, TomlLocationIndex.Build(document.Value.Syntax)) { Evaluator = evaluator };
        return new ProjectReader(context, document.Value.Model).Read();
    }

    private static (Tomlyn.Syntax.DocumentSyntax Syntax, TomlTable Model)? Parse(string text, DiagnosticBag diagnostics)
    {
        const string Fix = "Fix the TOML syntax at this position (https://toml.io/en/v1.0.0).";

        // The syntax pass validates too: it catches duplicate keys and tables, which the serializer lets through.
        var syntax = SyntaxParser.Parse(text, LoadContext.PyprojectFile, validate: true);
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
