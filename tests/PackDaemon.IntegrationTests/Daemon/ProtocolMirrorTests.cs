using System.Reflection;
using System.Text.RegularExpressions;
using PackDaemon.IntegrationTests.TestUtilities;
using PackDaemon.Protocol;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>
/// The protocol lives in one C# project and is mirrored by each client in one file. These tests hold the mirrors and
/// the catalogue page to the C# definitions, both ways, so a protocol change that forgets a client fails here rather
/// than in a user's editor.
/// </summary>
public sealed partial class ProtocolMirrorTests
{
    private static readonly string s_typeScript = Path.Combine(RepositoryPaths.Root, "clients", "vscode", "src", "protocol.ts");
    private static readonly string s_python = Path.Combine(RepositoryPaths.Root, "clients", "python", "src", "packd_client", "protocol.py");
    private static readonly string s_catalogue = Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");

    [Fact]
    public void TypeScriptMirror_HasExactlyTheMethodsErrorCodesStatesAndVersion()
    {
        var text = File.ReadAllText(s_typeScript);

        Assert.Equal(Sorted(StringConstants(typeof(Methods))), Sorted(TypeScriptObjectValues(text, "Methods")));
        Assert.Equal(Sorted(IntConstants(typeof(ErrorCodes))), Sorted(TypeScriptObjectValues(text, "ErrorCodes").Where(IsApplicationCode)));
        var states = TypeScriptStateUnion().Match(text);
        Assert.True(states.Success, "protocol.ts: no `export type WorkspaceState = ...` union");
        Assert.Equal(Sorted(StringConstants(typeof(WorkspaceStates))), Sorted(QuotedValues().Matches(states.Value).Select(m => m.Groups[1].Value)));
        Assert.Equal(ProtocolVersion.Current.ToString(System.Globalization.CultureInfo.InvariantCulture), TypeScriptVersion().Match(text).Groups[1].Value);
    }

    [Fact]
    public void PythonMirror_HasExactlyTheMethodsErrorCodesStatesAndVersion()
    {
        var text = File.ReadAllText(s_python);

        Assert.Equal(Sorted(StringConstants(typeof(Methods))), Sorted(PythonClassValues(text, "Methods")));
        Assert.Equal(Sorted(IntConstants(typeof(ErrorCodes))), Sorted(PythonClassValues(text, "ErrorCodes").Where(IsApplicationCode)));
        Assert.Equal(Sorted(StringConstants(typeof(WorkspaceStates))), Sorted(PythonClassValues(text, "WorkspaceStates")));
        Assert.Equal(ProtocolVersion.Current.ToString(System.Globalization.CultureInfo.InvariantCulture), PythonVersion().Match(text).Groups[1].Value);
    }

    [Fact]
    public void Catalogue_DocumentsEveryMethodAndErrorCode()
    {
        var text = File.ReadAllText(s_catalogue);

        var undocumented = StringConstants(typeof(Methods)).Where(m => !text.Contains($"`{m}`", StringComparison.Ordinal))
            .Concat(IntConstants(typeof(ErrorCodes)).Where(c => !text.Contains(c, StringComparison.Ordinal)))
            .ToList();
        Assert.True(undocumented.Count == 0, "docs/protocol.md does not mention: " + string.Join(", ", undocumented));
    }

    private static bool IsApplicationCode(string code) => !code.StartsWith('-');

    private static List<string> Sorted(IEnumerable<string> values) => values.Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> StringConstants(Type type) => Constants(type).Select(v => (string)v);

    private static IEnumerable<string> IntConstants(Type type) =>
        Constants(type).Select(v => ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<object> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => f.GetRawConstantValue()!);

    /// <summary>The values of <c>export const {name} = { key: value, ... }</c>.</summary>
    private static IEnumerable<string> TypeScriptObjectValues(string text, string name)
    {
        var start = text.IndexOf($"export const {name} = {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"protocol.ts: no `export const {name}`");
        var body = text[start..text.IndexOf("} as const", start, StringComparison.Ordinal)];
        return TypeScriptEntry().Matches(body).Select(m => m.Groups[1].Value.Trim('\''));
    }

    /// <summary>The values of <c>class {name}:</c>'s <c>NAME = value</c> lines, up to the next top-level line.</summary>
    private static IEnumerable<string> PythonClassValues(string text, string name)
    {
        var start = text.IndexOf($"\nclass {name}:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"protocol.py: no `class {name}:`");
        var end = TopLevelLine().Match(text, start + 1 + $"class {name}:".Length);
        var body = end.Success ? text[start..end.Index] : text[start..];
        return PythonEntry().Matches(body).Select(m => m.Groups[1].Value.Trim('"'));
    }

    [GeneratedRegex(@"^\s+\w+:\s*('[^']*'|-?\d+),", RegexOptions.Multiline)]
    private static partial Regex TypeScriptEntry();

    [GeneratedRegex(@"export type WorkspaceState =[^;]*;")]
    private static partial Regex TypeScriptStateUnion();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex QuotedValues();

    [GeneratedRegex(@"export const PROTOCOL_VERSION = (\d+);")]
    private static partial Regex TypeScriptVersion();

    [GeneratedRegex(@"^\s+[A-Z_]+ = (""[^""]*""|-?\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PythonEntry();

    [GeneratedRegex(@"^PROTOCOL_VERSION = (\d+)$", RegexOptions.Multiline)]
    private static partial Regex PythonVersion();

    [GeneratedRegex(@"\n\S")]
    private static partial Regex TopLevelLine();
}
