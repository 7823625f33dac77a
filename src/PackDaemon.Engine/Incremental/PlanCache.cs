using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>The last laid-out artifacts and what they were laid out from; valid while the project, the selection and
/// the request stay the same objects (a load or a walk makes new ones).</summary>
internal sealed record PlanCache(
    LoadedProject Project,
    FileSelection Selection,
    BuildRequest Request,
    ArchivePlan<CompressedBlob>? Wheel,
    ArchivePlan<SdistSegment>? Sdist)
{
    public bool IsFor(LoadedProject project, FileSelection selection, BuildRequest request)
        => ReferenceEquals(Project, project) && ReferenceEquals(Selection, selection) && Equals(Request, request);
}
