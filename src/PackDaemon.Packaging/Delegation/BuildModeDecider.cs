using System.Globalization;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Projects.SetupCfg;
using Tomlyn;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Decides, from the project's files alone, whether packd builds it natively or hands it to the project's own PEP 517
/// backend: anything that needs code to run (a setup.py doing more than the shim, hatch build hooks, setuptools
/// cmdclass, a backend packd does not emulate) is delegated, so the artifacts are the ones that backend makes.
/// </summary>
/// <remarks>Never fails: a pyproject.toml it cannot parse is left to the native loader, which reports the exact
/// position of the problem.</remarks>
public static class BuildModeDecider
{
    /// <summary>PEP 517: a project with no <c>build-backend</c> is built by setuptools' legacy backend.</summary>
    public const string LegacyBackend = "setuptools.build_meta:__legacy__";

    /// <summary>clients/python's PEP 517 backend, which asks packd itself: delegating to it would be packd asking packd.</summary>
    public const string PackdClientBackend = "packd_client.backend";

    private const string SetupPy = "setup.py";
    private const string SetupCfg = "setup.cfg";
    private const string SetupCfgNativeReason = "native: setuptools, metadata from setup.cfg";

    /// <summary>The backends whose rules packd applies itself (issue 4, section 1).</summary>
    private static readonly HashSet<string> s_emulated = new(StringComparer.Ordinal)
    {
        "hatchling.build", "setuptools.build_meta", LegacyBackend, "flit_core.buildapi", "pdm.backend",
        "poetry.core.masonry.api", "uv_build",
    };

    public static bool IsEmulated(string backend) => s_emulated.Contains(backend);

    public static BuildModeDecision Decide(string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var setupPy = ReadOptional(projectRoot, SetupPy);
        var setupCfg = ReadOptional(projectRoot, SetupCfg);
        var pyprojectText = ReadOptional(projectRoot, LoadContext.PyprojectFile);
        if (pyprojectText is null)
        {
            if (setupCfg is not null)
            {
                // PEP 517's fallback backend reads the declarative setup.cfg, which packd translates.
                return DecideSetupCfg(projectRoot, LegacyBackend, setupPy, setupCfg, []) ?? Native(LegacyBackend, SetupCfgNativeReason);
            }

            return setupPy is not null
                ? Delegate(LegacyBackend, [], "no pyproject.toml: setup.py defines the project, built by PEP 517's fallback backend")
                : Native(LegacyBackend, "no pyproject.toml");
        }

        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(pyprojectText, PyprojectTomlContext.Default) ?? [];
        }
        catch (TomlException)
        {
            return Native(LegacyBackend, "pyproject.toml does not parse; the native loader reports where");
        }

        var buildSystem = Table(document, "build-system");
        var backend = buildSystem?.TryGetValue("build-backend", out var b) == true && b is string s && s.Length > 0 ? s : LegacyBackend;
        var backendPath = buildSystem?.TryGetValue("backend-path", out var p) == true && p is TomlArray paths
            ? paths.OfType<string>().ToArray()
            : [];
        var packd = Table(Table(document, "tool"), "packd");
        var timeout = ReadTimeout(packd);
        var secretsAllow = ReadSecretsAllow(packd);
        BuildModeDecision Delegated(string reason) => Delegate(backend, backendPath, reason) with { Timeout = timeout, SecretsAllow = secretsAllow };

        var mode = packd?.TryGetValue("mode", out var m) == true ? m as string : null;
        if (mode == "delegate")
        {
            return Delegated("[tool.packd] mode = \"delegate\"");
        }

        if (mode == "native")
        {
            return Native(backend, "[tool.packd] mode = \"native\"");
        }

        if (backend == PackdClientBackend)
        {
            return Native(backend, $"build-backend `{backend}` is packd's own, built with packd's rules");
        }

        if (!IsEmulated(backend))
        {
            return Delegated($"build-backend `{backend}` is not one packd emulates");
        }

        // Only setuptools runs setup.py: a hatchling, flit, pdm, poetry or uv_build project that keeps a guard setup.py
        // ("use pip install .") is built by its backend without it, and so natively.
        if (backend.StartsWith("setuptools.", StringComparison.Ordinal) && setupPy is not null && SetupScriptShape.FirstCodeLine(setupPy) is { } codeLine)
        {
            return Delegated($"setup.py runs code beyond a bare setup() shim ({codeLine})");
        }

        if (backend.StartsWith("hatchling.", StringComparison.Ordinal) && FindHatchHook(document) is { } hook)
        {
            return Delegated($"hatch build hook [{hook}] runs code");
        }

        if (backend.StartsWith("setuptools.", StringComparison.Ordinal))
        {
            if (Table(Table(document, "tool"), "setuptools")?.ContainsKey("cmdclass") == true)
            {
                return Delegated("[tool.setuptools] cmdclass runs custom setuptools commands");
            }

            if (setupCfg is not null && SetupCfgScan.CmdclassLine(setupCfg) is var line and > 0)
            {
                return Delegated(string.Create(CultureInfo.InvariantCulture, $"setup.cfg line {line}: [options] cmdclass runs custom setuptools commands"));
            }
        }

        if (!document.ContainsKey("project") && backend.StartsWith("setuptools.", StringComparison.Ordinal) && setupCfg is not null)
        {
            return DecideSetupCfg(projectRoot, backend, setupPy, setupCfg, document) is { } delegated
                ? delegated with { BackendPath = backendPath, Timeout = timeout, SecretsAllow = secretsAllow }
                : Native(backend, SetupCfgNativeReason);
        }

        if (!document.ContainsKey("project") && NonPep621MetadataSource(backend, document, setupPy, setupCfg) is { } source)
        {
            return Delegated($"no [project] table: the metadata is in {source}, which packd does not read");
        }

        if (UnemulatedBackendOptions.Find(backend, document, projectRoot) is { } option)
        {
            return Delegated($"{option} is not emulated yet, so `{backend}` itself builds it");
        }

        return Native(backend, $"build-backend `{backend}` is emulated natively");
    }

    /// <summary>A setuptools project whose metadata is in setup.cfg: delegated when setup.py runs code, setup.cfg sets
    /// something packd does not emulate, or another setuptools option packd ignores is set; null means native.</summary>
    private static BuildModeDecision? DecideSetupCfg(string projectRoot, string backend, string? setupPy, string setupCfg, TomlTable document)
    {
        if (setupPy is not null && SetupScriptShape.FirstCodeLine(setupPy) is { } codeLine)
        {
            return Delegate(backend, [], $"setup.py runs code beyond a bare setup() shim ({codeLine})");
        }

        if (SetupCfgScan.CmdclassLine(setupCfg) is var line and > 0)
        {
            return Delegate(backend, [], string.Create(CultureInfo.InvariantCulture, $"setup.cfg line {line}: [options] cmdclass runs custom setuptools commands"));
        }

        // A setup.cfg that does not parse is built natively: the loader reports the exact line.
        var ini = IniFile.Parse(setupCfg, new Diagnostics.DiagnosticBag());
        if (ini is not null && SetupCfgTranslator.FirstUnemulated(ini) is { } setting)
        {
            return Delegate(backend, [], setting + ", so setuptools itself builds it");
        }

        // The options are checked on the translation, so setup.cfg's `scripts` meet the same shebang rule as
        // [tool.setuptools] script-files; an untranslatable setup.cfg is built natively, where the loader reports it.
        var translated = ini is null ? null : SetupCfgTranslator.Translate(
            ini, projectRoot, document, TomlLocationIndex.Build(new Tomlyn.Syntax.DocumentSyntax()), new Diagnostics.DiagnosticBag());
        return UnemulatedBackendOptions.Find(backend, translated?.Document ?? document, projectRoot) is { } option
            ? Delegate(backend, [], $"{option.Replace("[tool.setuptools] script-files", "setup.cfg [options] scripts", StringComparison.Ordinal)} is not emulated yet, so `{backend}` itself builds it")
            : null;
    }

    /// <summary>The first hatch build hook: <c>[tool.hatch.build.hooks.X]</c> or <c>[tool.hatch.build.targets.T.hooks.X]</c>.</summary>
    private static string? FindHatchHook(TomlTable document)
    {
        var build = Table(Table(Table(document, "tool"), "hatch"), "build");
        if (Table(build, "hooks") is { Count: > 0 } hooks)
        {
            return "tool.hatch.build.hooks." + hooks.Keys.First();
        }

        foreach (var (target, value) in Table(build, "targets") ?? [])
        {
            if (value is TomlTable targetTable && Table(targetTable, "hooks") is { Count: > 0 } targetHooks)
            {
                return $"tool.hatch.build.targets.{target}.hooks.{targetHooks.Keys.First()}";
            }
        }

        return null;
    }

    private static string? NonPep621MetadataSource(string backend, TomlTable document, string? setupPy, string? setupCfg)
    {
        // Reached only with a shim setup.py, which names nothing: setup.cfg, when present, holds the metadata.
        if (setupCfg is not null)
        {
            return SetupCfg;
        }

        if (setupPy is not null)
        {
            return SetupPy;
        }

        // poetry-core's own [tool.poetry] metadata is read natively; another backend would not read it either.
        return backend != "poetry.core.masonry.api" && Table(Table(document, "tool"), "poetry")?.ContainsKey("name") == true ? "[tool.poetry]" : null;
    }

    /// <summary>A bad value is ignored here; the native loader's [tool.packd] reader reports it with its position.</summary>
    private static TimeSpan? ReadTimeout(TomlTable? packd)
        => packd?.TryGetValue("delegate-timeout", out var value) == true
            ? value switch
            {
                long seconds when seconds > 0 => TimeSpan.FromSeconds(seconds),
                double seconds when seconds > 0 && double.IsFinite(seconds) => TimeSpan.FromSeconds(seconds),
                _ => null,
            }
            : null;

    /// <summary>Only the strings of <c>secrets-allow</c>: a wrong shape is reported with its position by the native
    /// loader's [tool.packd] reader, and allowing less than the user wrote can only refuse more.</summary>
    private static string[] ReadSecretsAllow(TomlTable? packd)
        => packd?.TryGetValue("secrets-allow", out var value) == true && value is TomlArray globs
            ? globs.OfType<string>().Where(g => g.Length > 0).ToArray()
            : [];

    /// <summary>The sub-table <paramref name="key"/> of <paramref name="table"/>, or null (missing, or not a table).</summary>
    internal static TomlTable? Table(TomlTable? table, string key)
        => table is not null && table.TryGetValue(key, out var value) ? value as TomlTable : null;

    private static string? ReadOptional(string projectRoot, string name)
    {
        // Through the bounded reader: a FIFO named setup.py must not block the decision, nor a link take another file.
        // Refused or unreadable: the build that follows reports it where the file is actually needed.
        var read = Inputs.ProjectInput.Read(projectRoot, Path.Combine(projectRoot, name));
        return read.Succeeded ? read.Text : null;
    }

    private static BuildModeDecision Native(string backend, string reason) => new(false, backend, [], reason);

    private static BuildModeDecision Delegate(string backend, IReadOnlyList<string> backendPath, string reason) => new(true, backend, backendPath, reason);
}
