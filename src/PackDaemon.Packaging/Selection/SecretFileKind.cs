namespace PackDaemon.Packaging.Selection;

/// <summary>Which by-name rule a file falls under, besides the content rules every file gets.</summary>
internal enum SecretFileKind
{
    /// <summary>Any other file: content rules only.</summary>
    Other,

    /// <summary><c>.env</c>, <c>.env.*</c> (except templates), <c>.envrc</c>: <c>[export ]NAME=value</c> lines.</summary>
    Env,

    /// <summary><c>.netrc</c> and Windows' <c>_netrc</c>: <c>machine/login/password</c> tokens.</summary>
    Netrc,

    /// <summary><c>.pypirc</c>: INI, <c>password = ...</c>.</summary>
    PyPirc,
}
