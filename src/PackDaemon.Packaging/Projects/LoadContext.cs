using System.Text;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Inputs;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects.Evaluation;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>State shared while reading one pyproject.toml: the root, the diagnostics, where each value sits, and the
/// files read (metadata inputs).</summary>
internal sealed class LoadContext
{
    public const string PyprojectFile = "pyproject.toml";

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int _initialErrors;

    public LoadContext(string root, DiagnosticBag diagnostics, TomlLocationIndex index)
    {
        Root = root;
        Diagnostics = diagnostics;
        Index = index;
        _initialErrors = CountErrors(diagnostics);
    }

    public string Root { get; }

    public DiagnosticBag Diagnostics { get; }

    public TomlLocationIndex Index { get; }

    /// <summary>True when the project table was translated from setup.cfg, whose rules differ from pyproject.toml's
    /// where setuptools itself keeps its legacy behaviour (a License text next to License-File, for instance).</summary>
    public bool FromSetupCfg { get; init; }

    /// <summary>setup.cfg's <c>url</c> and <c>download_url</c>, at the index paths <c>setup.cfg.url</c> and
    /// <c>setup.cfg.download_url</c>: headers setuptools writes that have no [project] key.</summary>
    public (string? HomePage, string? DownloadUrl) LegacyUrls { get; init; }

    /// <summary>The configuration files the project was read from, relative to the root (pyproject.toml, or setup.cfg
    /// and setup.py with or without a pyproject.toml): the sdist carries them and a change to one reloads.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [PyprojectFile];

    /// <summary>Computes values the backend would get by running project code; null: such a value is an error.</summary>
    public IValueEvaluator? Evaluator { get; init; }

    public int ErrorCount { get; private set; }

    /// <summary>True when this load reported an error, directly or through a parser it called.</summary>
    public bool HasNewErrors => ErrorCount > 0 || CountErrors(Diagnostics) > _initialErrors;

    public static string TypeName(object? value) => value switch
    {
        string => "a string",
        long or double => "a number",
        bool => "a boolean",
        TomlArray or TomlTableArray => "an array",
        TomlTable => "a table",
        null => "nothing",
        _ => "a date/time",
    };

    /// <param name="innerColumn">1-based column inside the string value, when the problem is inside it.</param>
    public void Error(string code, string message, string path, string fix, int innerColumn = 0)
    {
        var location = Index.Locate(path);
        var column = location.Column;
        if (innerColumn > 0 && location.VerbatimString)
        {
            // A TOML string's position is its opening quote; a setup.cfg value's is its first character.
            column += location.File is null ? innerColumn : innerColumn - 1;
        }

        ErrorCount++;
        Diagnostics.Error(code, message, location.File ?? PyprojectFile, location.Line, column, fix);
    }

    public void Warning(string code, string message, string path, string? fix = null)
    {
        var location = Index.Locate(path);
        Diagnostics.Warning(code, message, location.File ?? PyprojectFile, location.Line, location.Column, fix);
    }

    public void FileError(string code, string message, string file, int line, int column, string fix)
    {
        ErrorCount++;
        Diagnostics.Error(code, message, file, line, column, fix);
    }

    /// <summary>A string value, or null when absent; a wrong type is reported.</summary>
    public string? GetString(TomlTable table, string key, string path) => Get<string>(table, key, path, "a string");

    public TomlTable? GetTable(TomlTable table, string key, string path) => Get<TomlTable>(table, key, path, "a table");

    private T? Get<T>(TomlTable table, string key, string path, string expected)
        where T : class
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is T typed)
        {
            return typed;
        }

        TypeError(TomlLocationIndex.Child(path, key), expected, value);
        return null;
    }

    public List<(string Value, string Path)>? GetStringList(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return AsStringList(value, TomlLocationIndex.Child(path, key));
    }

    public List<(string Value, string Path)>? AsStringList(object? value, string path)
    {
        if (value is not TomlArray array)
        {
            TypeError(path, "an array of strings", value);
            return null;
        }

        var result = new List<(string, string)>(array.Count);
        var ok = true;
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = TomlLocationIndex.Item(path, i);
            if (array[i] is string s)
            {
                result.Add((s, itemPath));
            }
            else
            {
                TypeError(itemPath, "a string", array[i]);
                ok = false;
            }
        }

        return ok ? result : null;
    }

    public void TypeError(string path, string expected, object? actual)
        => Error(
            DiagnosticCodes.FieldType,
            $"`{path}` must be {expected}, not {TypeName(actual)}.",
            path,
            $"Write `{path}` as {expected} (see https://packaging.python.org/en/latest/specifications/pyproject-toml/).");

    /// <summary>Reports a line break in a single-line field; true when the value is clean.</summary>
    public bool CheckSingleLine(string value, string path, string what)
    {
        var at = HeaderText.IndexOfLineBreak(value);
        if (at < 0)
        {
            return true;
        }

        Error(
            DiagnosticCodes.LineBreakInField,
            $"{what} must be a single line, but it holds a line break (U+{(int)value[at]:X4}), which would corrupt the metadata headers.",
            path,
            "Remove the line break; put long text in the readme instead.",
            at + 1);
        return false;
    }

    /// <summary>Normalizes a user path relative to the root (<c>/</c>-separated); null when it leaves the root (reported).</summary>
    public string? RelativePath(string userPath, string path, string what)
    {
        var normalized = userPath.Replace('\\', '/');
        var full = Path.GetFullPath(Path.Combine(Root, normalized));
        var relative = Path.GetRelativePath(Root, full).Replace('\\', '/');
        if (Path.IsPathRooted(normalized) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            Error(
                DiagnosticCodes.ReferencedFileMissing,
                $"The {what} `{userPath}` is outside the project folder, so the sdist could not carry it.",
                path,
                "Move the file into the project and give its path relative to pyproject.toml.");
            return null;
        }

        return relative;
    }

    /// <summary>Reads a UTF-8 text file named at <paramref name="path"/>; null when missing or not UTF-8 (reported).</summary>
    public string? ReadTextFile(string relativePath, string path, string what)
    {
        var read = ProjectInput.Read(Root, Path.Combine(Root, relativePath));
        if (read.Succeeded)
        {
            return DecodeUtf8(read.Bytes!, relativePath, what);
        }

        if (read.Problem == InputProblem.Missing && read.Detail.Length == 0)
        {
            Error(
                DiagnosticCodes.ReferencedFileMissing,
                $"The {what} `{relativePath}` does not exist.",
                path,
                $"Create `{relativePath}` or fix the path (it is relative to pyproject.toml).");
        }
        else
        {
            Error(DiagnosticCodes.ForInput(read.Problem), $"The {what} `{relativePath}` was not read: {read.Detail}.", path, read.Fix);
        }

        return null;
    }

    public string? DecodeUtf8(byte[] bytes, string relativePath, string what)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return s_strictUtf8.GetString(span);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index);
            var (line, column) = LineColumnOfByte(span, offset);
            FileError(
                DiagnosticCodes.FileNotUtf8,
                $"The {what} `{relativePath}` is not valid UTF-8.",
                relativePath,
                line,
                column,
                "Re-save the file as UTF-8.");
            return null;
        }
    }

    private static int CountErrors(DiagnosticBag diagnostics)
    {
        var count = 0;
        foreach (var d in diagnostics.Items)
        {
            if (d.IsError)
            {
                count++;
            }
        }

        return count;
    }

    private static (int Line, int Column) LineColumnOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
