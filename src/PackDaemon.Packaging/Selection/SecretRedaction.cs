using System.Globalization;
using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Shows enough of a secret to find it in the file, never enough to use it: the first 4 characters of a value of 16 or
/// more (for tokens those are the public prefix such as <c>ghp_</c>), nothing of a shorter one (4 characters of an
/// 8-character password is half of it), then <c>…</c> and the length.
/// </summary>
internal static class SecretRedaction
{
    private const int MinLengthToShowPrefix = 16;
    private const int ShownPrefix = 4;

    public static string Redact(ReadOnlySpan<byte> secretUtf8)
    {
        string value = Encoding.UTF8.GetString(secretUtf8);
        return Redact(value);
    }

    public static string Redact(string value)
    {
        string length = value.Length.ToString(CultureInfo.InvariantCulture);
        if (value.Length < MinLengthToShowPrefix)
        {
            return "…(" + length + " chars)";
        }

        int shown = ShownPrefix;
        if (char.IsHighSurrogate(value[shown - 1]))
        {
            shown--;
        }

        return string.Concat(value.AsSpan(0, shown), "…(", length, " chars)");
    }
}
