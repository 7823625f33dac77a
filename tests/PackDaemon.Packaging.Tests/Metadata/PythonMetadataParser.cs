using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PackDaemon.Packaging.Tests.Metadata;

/// <summary>Parses METADATA text with CPython's <c>email.parser</c> (compat32), the spec's reference reader.</summary>
internal static class PythonMetadataParser
{
    private const string Script = """
        import email.parser, email.policy, json, sys
        text = open(sys.argv[1], encoding="utf-8", newline="").read()
        msg = email.parser.Parser(policy=email.policy.compat32).parsestr(text)
        print(json.dumps({"headers": [[k, v] for k, v in msg.items()], "body": msg.get_payload(), "defects": [str(d) for d in msg.defects]}))
        """;

    public static (List<KeyValuePair<string, string>> Headers, string Body, List<string> Defects) Parse(string metadata)
    {
        var file = Path.Combine(Path.GetTempPath(), "packd-metadata-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(file, new UTF8Encoding(false).GetBytes(metadata));
        try
        {
            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(file);
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var pair in json.RootElement.GetProperty("headers").EnumerateArray())
            {
                headers.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            }

            var defects = json.RootElement.GetProperty("defects").EnumerateArray().Select(d => d.GetString()!).ToList();
            return (headers, json.RootElement.GetProperty("body").GetString()!, defects);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
