using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Uv;

/// <summary>
/// uv_build's file selection, as its documentation states it (docs/concepts/build-backend.md, "Modules", "Namespace
/// packages", "File inclusion and exclusion") and crates/uv-build-backend does it (<c>find_roots</c> in lib.rs,
/// <c>write_wheel</c> in wheel.rs, <c>source_dist_matcher</c> in source_dist.rs):
/// <list type="bullet">
/// <item>the wheel holds each module folder <c>module-root/module-name</c> (its path below module-root), minus the
/// default excludes, <c>wheel-exclude</c> and <c>source-exclude</c>, plus every file of each <c>data</c> folder under
/// <c>.data/&lt;scheme&gt;/</c>;</item>
/// <item>the sdist holds pyproject.toml, the module folders, the readme and license files, the data folders and what
/// <c>source-include</c> matches, minus the default excludes and <c>source-exclude</c>.</item>
/// </list>
/// A module without its <c>__init__.py</c> stops the build, as it stops uv_build. uv_build reads no .gitignore.
/// </summary>
internal static class UvSelector
{
    private const string Backend = "uv_build";

    public static SelectionRun Evaluate(SelectionOptions options, UvBuildOptions uv, DiagnosticBag diagnostics)
    {
        var walker = TreeWalker.Walk(options.ProjectRoot, [string.Empty], diagnostics);
        var files = walker.Files.Where(static f => f.ExcludedReason is null).Select(static f => f.RelativePath).Order(StringComparer.Ordinal).ToList();
        var present = files.ToHashSet(StringComparer.Ordinal);
        var verdicts = new BackendVerdicts(Backend);
        string rootPrefix = uv.ModuleRoot.Length == 0 ? string.Empty : uv.ModuleRoot + "/";
        var modules = uv.ModuleNames.Select(name => rootPrefix + name.Replace('.', '/')).ToList();
        if (!uv.Namespace)
        {
            CheckModules(uv, rootPrefix, present, diagnostics);
        }

        string[] defaults = uv.DefaultExcludes ? UvExcludes.Defaults : [];
        var wheelExcludes = new UvExcludes([.. defaults, .. uv.WheelExclude, .. uv.SourceExclude]);
        var sdistExcludes = new UvExcludes([.. defaults, .. uv.SourceExclude]);
        if (sdistExcludes.Covering("pyproject.toml") is { } excludesPyproject)
        {
            diagnostics.Error(DiagnosticCodes.UvPyprojectExcluded,
                $"`source-exclude` pattern `{excludesPyproject}` excludes pyproject.toml, which uv_build refuses: the sdist could not be rebuilt without it.",
                "pyproject.toml",
                fix: "Anchor the pattern to the folder you mean (a leading `/` anchors it at the project root), or remove it.");
        }

        foreach (string file in files)
        {
            SelectForWheel(file, uv, modules, rootPrefix, wheelExcludes, verdicts);
        }

        var includes = SdistIncludes(options, uv, modules);
        foreach (string file in files)
        {
            var include = includes.FirstOrDefault(glob => glob.Glob.IsMatch(file));
            if (include.Glob is null)
            {
                verdicts.LeaveOutOfSdist(file, $"not in the module, the data folders, pyproject.toml, the readme, the license files or `source-include` ({Backend})");
            }
            else if (sdistExcludes.Covering(file) is { } exclude)
            {
                verdicts.LeaveOutOfSdist(file, $"excluded by `{exclude}` ({Backend}'s {(uv.SourceExclude.Contains(exclude) ? "source-exclude" : "default excludes")})");
            }
            else
            {
                verdicts.AddToSdist(file, file, include.Reason);
            }
        }

        foreach (var data in uv.Data)
        {
            if (!present.Any(file => file.StartsWith(data.Folder + "/", StringComparison.Ordinal)) && !Directory.Exists(Path.Join(options.ProjectRoot, data.Folder)))
            {
                diagnostics.Error(DiagnosticCodes.UvDataFolderMissing,
                    $"The {data.Scheme} data folder `{data.Folder}` does not exist; uv_build fails when it walks it.",
                    "pyproject.toml",
                    fix: $"Create `{data.Folder}`, or correct [tool.uv.build-backend.data] {data.Scheme} (relative to pyproject.toml).");
            }
        }

        return verdicts.Build(walker);
    }

    private static void SelectForWheel(string file, UvBuildOptions uv, List<string> modules, string rootPrefix, UvExcludes excludes, BackendVerdicts verdicts)
    {
        string? module = modules.FirstOrDefault(m => file.StartsWith(m + "/", StringComparison.Ordinal));
        var data = uv.Data.FirstOrDefault(d => file.StartsWith(d.Folder + "/", StringComparison.Ordinal));
        if (module is null && data is null)
        {
            verdicts.LeaveOutOfWheel(file, $"not in the module{(modules.Count > 1 ? "s" : string.Empty)} {string.Join(", ", modules.Select(static m => $"`{m}`"))} or a data folder ({Backend}: module-root `{uv.ModuleRoot}`)");
            return;
        }

        if (excludes.Covering(file) is { } exclude)
        {
            string which = uv.WheelExclude.Contains(exclude) ? "wheel-exclude" : uv.SourceExclude.Contains(exclude) ? "source-exclude" : "default excludes";
            verdicts.LeaveOutOfWheel(file, $"excluded by `{exclude}` ({Backend}'s {which})");
            return;
        }

        if (module is not null)
        {
            verdicts.AddToWheel(file, file[rootPrefix.Length..], $"in the module `{module}`");
        }

        if (data is not null)
        {
            verdicts.AddToWheel(file, $"{uv.DataFolder}/{data.Scheme}/{file[(data.Folder.Length + 1)..]}", $"in the {data.Scheme} data folder `{data.Folder}`");
        }
    }

    private static List<(SegmentGlob Glob, string Reason)> SdistIncludes(SelectionOptions options, UvBuildOptions uv, List<string> modules)
    {
        var includes = new List<(SegmentGlob, string)> { (SegmentGlob.Portable("pyproject.toml"), "pyproject.toml is always in the sdist") };
        includes.AddRange(modules.Select(m => (SegmentGlob.Portable(m + "/**"), $"in the module `{m}`")));
        includes.AddRange(options.ReadmeAndLicenseFiles.Select(f => (SegmentGlob.Portable(f), "the readme and license files are always in the sdist")));
        includes.AddRange(uv.Data.Select(d => (SegmentGlob.Portable(d.Folder + "/**"), $"in the {d.Scheme} data folder `{d.Folder}`")));
        includes.AddRange(uv.SourceInclude.Select(p => (SegmentGlob.Portable(p), $"matched by source-include `{p}`")));
        return includes;
    }

    /// <summary><c>find_roots</c> / <c>module_path_from_module_name</c>: each module has its <c>__init__.py</c>
    /// (<c>__init__.pyi</c> for a <c>-stubs</c> module), and a dotted name's parent folders have none.</summary>
    private static void CheckModules(UvBuildOptions uv, string rootPrefix, HashSet<string> present, DiagnosticBag diagnostics)
    {
        foreach (string name in uv.ModuleNames)
        {
            string path = rootPrefix + name.Replace('.', '/');
            string init = path + (name.Split('.')[0].EndsWith("-stubs", StringComparison.Ordinal) ? "/__init__.pyi" : "/__init__.py");
            if (!present.Contains(init))
            {
                diagnostics.Error(DiagnosticCodes.UvModuleMissing,
                    $"Expected a Python module at `{init}`: uv_build looks for the module `{name}` in module-root `{(uv.ModuleRoot.Length == 0 ? "." : uv.ModuleRoot)}` and refuses to build without it.",
                    "pyproject.toml",
                    fix: $"Create `{init}`, or point [tool.uv.build-backend] at the module: module-root = \"\" for a flat layout, module-name = \"<import name>\" when it differs from the project name.");
                continue;
            }

            string[] parts = name.Split('.');
            for (int depth = parts.Length - 1; depth >= 1; depth--)
            {
                string parent = rootPrefix + string.Join('/', parts.Take(depth));
                if (present.Contains(parent + "/__init__.py") || present.Contains(parent + "/__init__.pyi"))
                {
                    diagnostics.Error(DiagnosticCodes.UvNotANamespace,
                        $"`{parent}` holds an __init__.py, so it is not a namespace; uv_build refuses the dotted module-name `{name}`.",
                        "pyproject.toml",
                        fix: $"Remove `{parent}/__init__.py` to make `{parent}` a namespace, or set module-name = \"{parts[0]}\" to ship the whole package.");
                }
            }
        }
    }
}
