namespace PackDaemon.Engine.Building;

/// <summary>
/// Whether artifacts are flushed to disk (fsync) before they are renamed into place. By default they are not, as pip,
/// build, hatchling and setuptools do not: the rename alone already guarantees that every reader sees either the old
/// artifact or the complete new one, even when the build is interrupted or killed, because the written data is in the
/// page cache. Only a crash of the whole machine right after a build could leave a renamed artifact with unwritten
/// blocks. The flush cost a one-shot botocore-sized build about 20 ms of 240 (8%), more while the disk was busy with
/// other writes, and about 20 ms of every daemon save. <c>PACKD_FSYNC=1</c> asks for it.
/// </summary>
public static class ArtifactDurability
{
    public const string Variable = "PACKD_FSYNC";

    /// <summary>True when <c>PACKD_FSYNC=1</c> is set in this process's environment.</summary>
    public static bool Requested => Environment.GetEnvironmentVariable(Variable) == "1";
}
