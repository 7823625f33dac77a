using System.Text.Json;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Cli.Output;

/// <summary>
/// Writes JSON with Utf8JsonWriter rather than reflection-based JsonSerializer: a one-shot CLI pays for every
/// millisecond of start-up, and reflection metadata for a handful of records costs more than the build of a small app.
/// </summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,

            // Paths and messages are shown to people and parsed by tools, not embedded in HTML: keep them readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteDiagnostics(Utf8JsonWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("code", d.Code);
            writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            writer.WriteString("message", d.Message);
            if (d.File is not null)
            {
                writer.WriteString("file", d.File);
            }

            writer.WriteNumber("line", d.Line);
            writer.WriteNumber("column", d.Column);
            if (d.Fix is not null)
            {
                writer.WriteString("fix", d.Fix);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
