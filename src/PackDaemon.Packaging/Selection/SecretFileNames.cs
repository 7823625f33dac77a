namespace PackDaemon.Packaging.Selection;

/// <summary>Classifies a file by its name for the env and credential file rules.</summary>
internal static class SecretFileNames
{
    // Templates are committed on purpose to document the variables; their values are meant to be fake. They skip the
    // by-name rule (no warning either) but still get the content rules, so a real key or token pasted into one is caught.
    private static readonly string[] s_templateSuffixes = ["example", "sample", "template", "dist", "tpl", "defaults"];

    private static readonly string[] s_testFolders = ["tests", "test", "testing", "testdata"];

    public static SecretFileKind Classify(string relativePath)
    {
        ReadOnlySpan<char> name = FileName(relativePath);
        if (name.Equals(".env", StringComparison.Ordinal) || name.Equals(".envrc", StringComparison.Ordinal))
        {
            return SecretFileKind.Env;
        }

        if (name.StartsWith(".env.", StringComparison.Ordinal))
        {
            ReadOnlySpan<char> suffix = name[(name.LastIndexOf('.') + 1)..];
            foreach (string template in s_templateSuffixes)
            {
                if (suffix.Equals(template, StringComparison.OrdinalIgnoreCase))
                {
                    return SecretFileKind.Other;
                }
            }

            return SecretFileKind.Env;
        }

        if (name.Equals(".netrc", StringComparison.Ordinal) || name.Equals("_netrc", StringComparison.Ordinal))
        {
            return SecretFileKind.Netrc;
        }

        return name.Equals(".pypirc", StringComparison.Ordinal) ? SecretFileKind.PyPirc : SecretFileKind.Other;
    }

    /// <summary>True when a folder of the path (not the file name) is a test folder: tests, test, testing, testdata.</summary>
    public static bool IsInTestFolder(string relativePath)
    {
        ReadOnlySpan<char> rest = relativePath.AsSpan();
        int slash;
        while ((slash = rest.IndexOfAny('/', '\\')) >= 0)
        {
            ReadOnlySpan<char> segment = rest[..slash];
            foreach (string folder in s_testFolders)
            {
                if (segment.Equals(folder, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            rest = rest[(slash + 1)..];
        }

        return false;
    }

    private static ReadOnlySpan<char> FileName(string relativePath)
    {
        int slash = relativePath.AsSpan().LastIndexOfAny('/', '\\');
        return relativePath.AsSpan(slash + 1);
    }
}
