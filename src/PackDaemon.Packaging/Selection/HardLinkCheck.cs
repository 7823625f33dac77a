using System.Globalization;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// A hard link is the one way a file from outside the project can sit inside it with no symlink to resolve: the name
/// is in the project, the inode is shared with <c>/etc/shadow</c> or <c>~/.ssh/id_rsa</c>. Nothing tells which other
/// name exists, so the rule goes by what the file is: a multiply linked file that another user owns, or that only its
/// owner's group may read (a private file: keys, shadow, credentials), is refused; any other multiply linked file is
/// packaged with a warning.
/// </summary>
public static class HardLinkCheck
{
    private const int OthersRead = 0x4; // 0004

    /// <summary>Checks every file either artifact carries, once, by the walk's stat: run with the selection, so its
    /// verdict is made on every build that selects (and a failed build selects again), like any selection diagnostic.</summary>
    public static void CheckSelected(FileSelection selection, uint effectiveUid, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(selection);
        HashSet<string>? seen = null;
        foreach (var file in selection.Wheel.Concat(selection.Sdist))
        {
            if (file.Source.Walked.Links > 1 && (seen ??= new(StringComparer.Ordinal)).Add(file.Source.RelativePath))
            {
                Check(file.Source.RelativePath, file.Source.Walked, effectiveUid, diagnostics);
            }
        }
    }

    /// <summary>Adds the warning or error for one selected file, or nothing for a file with one link.</summary>
    public static void Check(string relativePath, NodeStatus status, uint effectiveUid, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (status.Kind != NodeKind.File || status.Links <= 1)
        {
            return;
        }

        string links = status.Links.ToString(CultureInfo.InvariantCulture);
        bool foreign = status.OwnerUid != effectiveUid;
        bool isPrivate = (status.Permissions & OthersRead) == 0;
        if (foreign || isPrivate)
        {
            string why = foreign
                ? string.Create(CultureInfo.InvariantCulture, $"it belongs to uid {status.OwnerUid}, not to you")
                : "it is private (not readable by others), like a key or a password file";
            diagnostics.Error(DiagnosticCodes.HardLinkRefused,
                $"'{relativePath}' is a hard link ({links} names for one file) and {why}; packd refuses to package it, since its other name may be outside the project.",
                relativePath, fix: "Replace the link with a copy of the file (cp, not ln) if it is meant to ship, or exclude it.");
            return;
        }

        diagnostics.Warning(DiagnosticCodes.HardLinkPackaged,
            $"'{relativePath}' is a hard link ({links} names for one file); packaged, but check that its other names are not outside the project.",
            relativePath, fix: "Replace the link with a copy of the file (cp, not ln) to silence this.");
    }
}
