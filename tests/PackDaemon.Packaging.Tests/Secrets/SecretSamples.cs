using System.Text;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Secrets;

/// <summary>
/// Fake credentials with the real shapes, assembled at run time so the repository never holds a string that a push
/// protection scanner (or this guard) would flag.
/// </summary>
internal static class SecretSamples
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string AwsKeyId { get; } = "AK" + "IA" + Random(16, Upper, 1);

    public static string AwsSecret { get; } = Random(18, Alphanumeric, 2) + "/" + Random(12, Alphanumeric, 3) + "+" + Random(8, Alphanumeric, 4);

    public static string GitHubClassic { get; } = "gh" + "p_" + Random(36, Alphanumeric, 5);

    public static string GitHubFineGrained { get; } = "github" + "_pat_" + Random(22, Alphanumeric, 6) + "_" + Random(59, Alphanumeric, 7);

    public static string Slack { get; } = "xo" + "xb-" + "2436912345678-4561237890123-" + Random(24, Alphanumeric, 8);

    public static string Stripe { get; } = "sk" + "_live_" + Random(24, Alphanumeric, 9);

    public static string Google { get; } = "AI" + "za" + Random(35, Alphanumeric + "-_", 10);

    public static string PyPi { get; } = "py" + "pi-AgEIcHlwaS5vcmc" + Random(150, Alphanumeric + "-_", 11);

    public static string KeyBody { get; } = Random(64, Alphanumeric + "+/", 12);

    public static string Pem(string label) =>
        $"-----BEGIN {label}-----\n{KeyBody}\n{Random(64, Alphanumeric, 13)}\n{Random(20, Alphanumeric, 14)}==\n-----END {label}-----\n";

    public static string Random(int length, string alphabet, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public static IReadOnlyList<SecretFinding> Scan(string path, string text, params string[] allow)
        => new SecretsGuard(allow).Scan(path, Encoding.UTF8.GetBytes(text));

    public static IReadOnlyList<Diagnostic> Report(string path, string text, ArtifactKind kind, params string[] allow)
    {
        var guard = new SecretsGuard(allow);
        var bag = new DiagnosticBag();
        guard.Report(guard.Scan(path, Encoding.UTF8.GetBytes(text)), kind, bag);
        return bag.Items;
    }
}
