namespace PackDaemon.Benchmarks;

/// <summary>
/// Real files to compress: the machine's installed botocore (thousands of .py and .json files, the tree the
/// measurements in the README use), or PACKD_BENCH_CORPUS. Capped so one iteration stays short.
/// </summary>
internal static class BenchmarkCorpus
{
    public static IReadOnlyList<byte[]> Load(long maxBytes = 8 * 1024 * 1024)
    {
        var root = Environment.GetEnvironmentVariable("PACKD_BENCH_CORPUS") ?? FindBotocore()
            ?? throw new InvalidOperationException("No corpus: set PACKD_BENCH_CORPUS to a folder of source files.");
        var files = new List<byte[]>();
        long total = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.EndsWith(".gz", StringComparison.Ordinal) || path.Contains("__pycache__", StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            files.Add(bytes);
            total += bytes.Length;
            if (total >= maxBytes)
            {
                break;
            }
        }

        return files;
    }

    private static string? FindBotocore()
    {
        foreach (var python in new[] { "/root/.pyenv/versions", "/usr/lib" })
        {
            if (!Directory.Exists(python))
            {
                continue;
            }

            foreach (var dir in Directory.EnumerateDirectories(python, "botocore", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 5 }))
            {
                return dir;
            }
        }

        return null;
    }
}
