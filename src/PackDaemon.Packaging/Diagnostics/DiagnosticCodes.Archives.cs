namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>An archive member path is empty, absolute, has <c>..</c>/<c>.</c>/empty components, a backslash or a NUL.</summary>
    public const string ArchivePathInvalid = "PD5010";

    /// <summary>Two archive members have the same path.</summary>
    public const string ArchiveDuplicateEntry = "PD5011";

    /// <summary>A member or the archive exceeds what the format can hold (zip entry over 4 GiB, name over 65,535 bytes).</summary>
    public const string ArchiveTooLarge = "PD5012";

    /// <summary>SOURCE_DATE_EPOCH is set but is not a whole number of seconds; the default timestamp is used.</summary>
    public const string SourceDateEpochInvalid = "PD5013";

    /// <summary>SOURCE_DATE_EPOCH lies outside 1980-01-01..2106-02-07 (zip/gzip range) and was clamped.</summary>
    public const string SourceDateEpochClamped = "PD5014";

    /// <summary>Input files kept changing while the artifacts were being built, so none was published: a build never
    /// publishes an artifact mixing two states of the tree.</summary>
    public const string TreeChangedDuringBuild = "PD5020";
}
