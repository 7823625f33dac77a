using System.Globalization;
using System.Text;

namespace PackDaemon.Packaging.Diagnostics;

/// <summary>
/// One finding about the user's input. Every error names the file, the line and column (1-based, 0 when unknown),
/// what is wrong and how to fix it, because the user must be able to act on it without reading packd's source.
/// </summary>
/// <param name="Code">Stable identifier such as <c>PD1001</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="File">Path relative to the project root, with <c>/</c> separators, or null for the project as a whole.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0,
    string? Fix = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats as <c>file:line:col: error PD1001: message (fix: ...)</c>, the shape compilers use so editors link it.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line > 0)
            {
                sb.Append(':').Append(Line.ToString(CultureInfo.InvariantCulture));
                if (Column > 0)
                {
                    sb.Append(':').Append(Column.ToString(CultureInfo.InvariantCulture));
                }
            }

            sb.Append(": ");
        }

        sb.Append(Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        });
        sb.Append(' ').Append(Code).Append(": ").Append(Message);
        if (!string.IsNullOrEmpty(Fix))
        {
            sb.Append(" Fix: ").Append(Fix);
        }

        return sb.ToString();
    }
}
