namespace PackDaemon.Packaging.Standards;

/// <summary>The per-operator rules of the version-specifiers spec, shared by requirements and markers.</summary>
internal static class VersionSpecifierRules
{
    /// <summary>Returns null when <paramref name="op"/> followed by <paramref name="version"/> is a valid specifier, else why not.</summary>
    public static string? Check(string op, string version)
    {
        if (version.Length == 0)
        {
            return $"expected a version after '{op}'";
        }

        if (op == "===")
        {
            // Arbitrary equality compares text, so any non-empty string is allowed.
            return null;
        }

        if (version.EndsWith(".*", StringComparison.Ordinal))
        {
            if (op is not ("==" or "!="))
            {
                return $"a '.*' wildcard is only allowed with '==' and '!=', not '{op}'";
            }

            if (!Pep440Version.TryParse(version[..^2], out Pep440Version? prefix) || prefix.HasSuffix || prefix.HasLocal)
            {
                return $"'{version}' is not a valid wildcard version: '.*' may only follow the release numbers (such as '==1.2.*')";
            }

            return null;
        }

        if (!Pep440Version.TryParse(version, out Pep440Version? parsed))
        {
            return $"'{version}' is not a valid PEP 440 version";
        }

        if (parsed.HasLocal && op is not ("==" or "!="))
        {
            return $"a local version label ('+...') is only allowed with '==' and '!=', not '{op}'";
        }

        if (op == "~=" && parsed.ReleaseSegmentCount < 2)
        {
            return $"'~={version}' needs at least two release numbers (such as '~=1.4'); use '>={version}' or '~={version}.0'";
        }

        return null;
    }
}
