namespace PackDaemon.Packaging.Metadata;

/// <summary>Serializes METADATA (wheel) and PKG-INFO (sdist): the lowest Metadata-Version the fields need, no raw line
/// break in any header, the description in the body.</summary>
public static class CoreMetadataWriter
{
    public static string Write(CoreMetadata metadata, Selection.ArtifactKind kind) => throw new NotImplementedException();
}
