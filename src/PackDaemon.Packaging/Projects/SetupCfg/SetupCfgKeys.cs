namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>The setup.cfg keys setuptools 66 knows, how it spells them, and which ones packd does not emulate.</summary>
internal static class SetupCfgKeys
{
    /// <summary>[metadata] keys packd translates (aliases included: home_page, summary, classifier).</summary>
    public static readonly HashSet<string> Metadata = new(StringComparer.Ordinal)
    {
        "name", "version", "author", "author_email", "maintainer", "maintainer_email", "url", "home_page", "download_url",
        "license", "license_file", "license_files", "description", "summary", "long_description",
        "long_description_content_type", "keywords", "classifiers", "classifier", "project_urls",
    };

    /// <summary>[options] keys packd translates, or reads and ignores because they change no artifact (zip_safe, the
    /// test-runner keys, dependency_links, which only an egg carries).</summary>
    public static readonly HashSet<string> Options = new(StringComparer.Ordinal)
    {
        "zip_safe", "include_package_data", "package_dir", "scripts", "install_requires", "python_requires", "packages",
        "py_modules", "tests_require", "test_suite", "test_loader", "dependency_links",
    };

    /// <summary>The [options.*] sections setuptools 66 reads; it refuses any other.</summary>
    public static readonly HashSet<string> OptionSections = new(StringComparer.Ordinal)
    {
        "options.packages.find", "options.entry_points", "options.package_data", "options.exclude_package_data",
        "options.extras_require", "options.data_files",
    };

    // Metadata setuptools writes as headers packd's metadata has no field for (Platform, Provides, Requires, Obsoletes).
    private static readonly HashSet<string> s_unemulatedMetadata = new(StringComparer.Ordinal)
    {
        "platforms", "platform", "provides", "requires", "obsoletes", "python_requires",
    };

    // Options that run code during the build or produce what only setuptools makes (extensions, namespace eggs).
    private static readonly HashSet<string> s_unemulatedOptions = new(StringComparer.Ordinal)
    {
        "setup_requires", "cmdclass", "namespace_packages", "eager_resources", "ext_modules", "ext_package", "libraries",
        "headers", "include_dirs", "data_files", "package_data", "exclude_package_data", "extras_require",
    };

    /// <summary>setuptools' spelling: [metadata] keys lowercased; <c>-</c> becomes <c>_</c> in [metadata] and
    /// [options*] (not in extras_require and data_files, whose keys are names and folders) and in command sections.</summary>
    public static string Canonical(string section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(key);
        if (section is "options.extras_require" or "options.data_files")
        {
            return key;
        }

        var underscored = key.Replace('-', '_');
        return section == "metadata" ? underscored.ToLowerInvariant() : underscored;
    }

    public static bool IsUnemulatedMetadata(string key) => s_unemulatedMetadata.Contains(key);

    public static bool IsUnemulatedOption(string key) => s_unemulatedOptions.Contains(key);

    /// <summary>A command-section setting that changes the version, the wheel tag or the wheel's files; null when the
    /// section changes nothing packd builds (tool settings such as [flake8] or [tool:pytest] are not commands).</summary>
    public static string? ChangesArtifacts(IniSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var entry in section.Entries)
        {
            var key = Canonical(section.Name, entry.Key);
            var value = entry.RawValue.Trim();
            var changes = section.Name switch
            {
                "egg_info" => key is "tag_build" or "egg_base" ? value.Length > 0 : key is "tag_date" or "tag_svn_revision" && IsTrue(value),
                "bdist_wheel" => key == "universal" ? IsTrue(value) : key is "python_tag" or "py_limited_api" or "plat_name" or "build_number" && value.Length > 0,
                "build_py" or "build" or "install_lib" or "build_scripts" => true,
                _ => false,
            };
            if (changes)
            {
                return $"{key} = {value}";
            }
        }

        return null;
    }

    /// <summary>distutils' strtobool, which command options go through.</summary>
    private static bool IsTrue(string value) => value.ToLowerInvariant() is "y" or "yes" or "t" or "true" or "on" or "1";
}
