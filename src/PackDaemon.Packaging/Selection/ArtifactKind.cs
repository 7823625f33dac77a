namespace PackDaemon.Packaging.Selection;

public enum ArtifactKind
{
    Wheel,
    Sdist,
}
