namespace PackDaemon.Engine.Delegation;

/// <summary>Writes the embedded worker script into a private folder (0700, created by the runtime's temp-subdirectory
/// call, which no other user can pre-create or replace) so the interpreter can run it.</summary>
internal static class WorkerScript
{
    public const string ResourceName = "packd_backend_worker.py";

    /// <returns>The script's path inside <paramref name="privateFolder"/>.</returns>
    public static string WriteInto(string privateFolder)
    {
        var path = Path.Combine(privateFolder, ResourceName);
        using var resource = typeof(WorkerScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from packd's build.");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        resource.CopyTo(file);
        return path;
    }
}
