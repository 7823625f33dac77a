using System.Globalization;

namespace PackDaemon.Packaging.Selection;

/// <summary>What the ignore files say about one path, and which line said it.</summary>
/// <param name="ViaFolder">Set when the path lies under an ignored folder: no rule can re-include it (gitignore(5)).</param>
internal readonly record struct IgnoreVerdict(GitIgnoreFile? File, GitIgnorePattern? Pattern, string? ViaFolder)
{
    public bool IsIgnored => ViaFolder is not null || (Pattern is not null && !Pattern.IsNegated);

    public bool IsReIncluded => ViaFolder is null && Pattern is not null && Pattern.IsNegated;

    public IgnoreVerdict UnderFolder(string folder) => this with { ViaFolder = folder };

    public string Describe()
    {
        if (File is null || Pattern is null)
        {
            return "not ignored";
        }

        string rule = string.Create(CultureInfo.InvariantCulture, $"{File.DisplayPath}:{Pattern.Line} ('{Pattern.Text}')");
        if (ViaFolder is not null)
        {
            return $"inside folder {ViaFolder}/ ignored by {rule}";
        }

        return Pattern.IsNegated ? "re-included by " + rule : "ignored by " + rule;
    }
}
