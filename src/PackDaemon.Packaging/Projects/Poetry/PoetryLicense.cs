namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>A license as poetry-core 1.4 knows it, and the <c>License ::</c> classifier it adds for it.</summary>
internal sealed record PoetryLicense(string Id, string Name, bool IsOsiApproved, bool IsDeprecated)
{
    // Identifiers for which a `License :: ...` classifier with a name exists on PyPI; others get only the approval level.
    private static readonly HashSet<string> s_withClassifier = new(StringComparer.Ordinal)
    {
        "Aladdin", "CC0-1.0", "CECILL-B", "CECILL-C", "NPL-1.0", "NPL-1.1", "AFPL", "AFL-1.1", "AFL-1.2", "AFL-2.0",
        "AFL-2.1", "AFL-3.0", "Apache-1.1", "Apache-2.0", "APSL-1.1", "APSL-1.2", "APSL-2.0", "Artistic-1.0",
        "Artistic-2.0", "AAL", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "BSL-1.0", "BSD-2-Clause",
        "BSD-3-Clause", "CDDL-1.0", "CECILL-2.1", "CPL-1.0", "EFL-1.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1",
        "EUPL-1.2", "GPL-2.0", "GPL-2.0+", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0+", "GPL-3.0-only",
        "GPL-3.0-or-later", "LGPL-2.0", "LGPL-2.0+", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-3.0", "LGPL-3.0+",
        "LGPL-3.0-only", "LGPL-3.0-or-later", "MIT", "MPL-1.0", "MPL-1.1", "MPL-1.2", "Nokia", "W3C", "ZPL-1.0",
        "ZPL-2.0", "ZPL-2.1",
    };

    // The PyPI classifier's wording where it is not the SPDX full name.
    private static readonly Dictionary<string, string> s_classifierNames = new(StringComparer.Ordinal)
    {
        ["AFPL"] = "Aladdin Free Public License (AFPL)",
        ["CC0-1.0"] = "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication",
        ["CECILL-B"] = "CeCILL-B Free Software License Agreement (CECILL-B)",
        ["CECILL-C"] = "CeCILL-C Free Software License Agreement (CECILL-C)",
        ["NPL-1.0"] = "Netscape Public License (NPL)",
        ["NPL-1.1"] = "Netscape Public License (NPL)",
        ["AFL-1.1"] = "Academic Free License (AFL)",
        ["AFL-1.2"] = "Academic Free License (AFL)",
        ["AFL-2.0"] = "Academic Free License (AFL)",
        ["AFL-2.1"] = "Academic Free License (AFL)",
        ["AFL-3.0"] = "Academic Free License (AFL)",
        ["Apache-1.1"] = "Apache Software License",
        ["Apache-2.0"] = "Apache Software License",
        ["APSL-1.1"] = "Apple Public Source License",
        ["APSL-1.2"] = "Apple Public Source License",
        ["APSL-2.0"] = "Apple Public Source License",
        ["Artistic-1.0"] = "Artistic License",
        ["Artistic-2.0"] = "Artistic License",
        ["AAL"] = "Attribution Assurance License",
        ["AGPL-3.0"] = "GNU Affero General Public License v3",
        ["AGPL-3.0-only"] = "GNU Affero General Public License v3",
        ["AGPL-3.0-or-later"] = "GNU Affero General Public License v3 or later (AGPLv3+)",
        ["BSL-1.0"] = "Boost Software License 1.0 (BSL-1.0)",
        ["BSD-2-Clause"] = "BSD License",
        ["BSD-3-Clause"] = "BSD License",
        ["CDDL-1.0"] = "Common Development and Distribution License 1.0 (CDDL-1.0)",
        ["CECILL-2.1"] = "CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)",
        ["CPL-1.0"] = "Common Public License",
        ["EPL-1.0"] = "Eclipse Public License 1.0 (EPL-1.0)",
        ["EFL-1.0"] = "Eiffel Forum License",
        ["EFL-2.0"] = "Eiffel Forum License",
        ["EUPL-1.1"] = "European Union Public Licence 1.1 (EUPL 1.1)",
        ["EUPL-1.2"] = "European Union Public Licence 1.2 (EUPL 1.2)",
        ["GPL-2.0"] = "GNU General Public License v2 (GPLv2)",
        ["GPL-2.0-only"] = "GNU General Public License v2 (GPLv2)",
        ["GPL-2.0+"] = "GNU General Public License v2 or later (GPLv2+)",
        ["GPL-2.0-or-later"] = "GNU General Public License v2 or later (GPLv2+)",
        ["GPL-3.0"] = "GNU General Public License v3 (GPLv3)",
        ["GPL-3.0-only"] = "GNU General Public License v3 (GPLv3)",
        ["GPL-3.0+"] = "GNU General Public License v3 or later (GPLv3+)",
        ["GPL-3.0-or-later"] = "GNU General Public License v3 or later (GPLv3+)",
        ["LGPL-2.0"] = "GNU Lesser General Public License v2 (LGPLv2)",
        ["LGPL-2.0-only"] = "GNU Lesser General Public License v2 (LGPLv2)",
        ["LGPL-2.0+"] = "GNU Lesser General Public License v2 or later (LGPLv2+)",
        ["LGPL-2.0-or-later"] = "GNU Lesser General Public License v2 or later (LGPLv2+)",
        ["LGPL-3.0"] = "GNU Lesser General Public License v3 (LGPLv3)",
        ["LGPL-3.0-only"] = "GNU Lesser General Public License v3 (LGPLv3)",
        ["LGPL-3.0+"] = "GNU Lesser General Public License v3 or later (LGPLv3+)",
        ["LGPL-3.0-or-later"] = "GNU Lesser General Public License v3 or later (LGPLv3+)",
        ["MPL-1.0"] = "Mozilla Public License 1.0 (MPL)",
        ["MPL-1.1"] = "Mozilla Public License 1.1 (MPL 1.1)",
        ["MPL-2.0"] = "Mozilla Public License 2.0 (MPL 2.0)",
        ["W3C"] = "W3C License",
        ["ZPL-1.1"] = "Zope Public License",
        ["ZPL-2.0"] = "Zope Public License",
        ["ZPL-2.1"] = "Zope Public License",
    };

    private static readonly Dictionary<string, PoetryLicense> s_byKey = BuildLookup();

    /// <summary>A license by identifier or full name, case-insensitively; an unknown text is kept as its own license
    /// (written as <c>License:</c>, classified "Other/Proprietary"), as poetry-core does.</summary>
    public static PoetryLicense Find(string text)
        => s_byKey.TryGetValue(text.ToLowerInvariant(), out var license) ? license : new PoetryLicense(text, text, false, false);

    public string Classifier
    {
        get
        {
            var name = !s_withClassifier.Contains(Id)
                ? (IsOsiApproved ? null : "Other/Proprietary License")
                : s_classifierNames.GetValueOrDefault(Id, Name);
            return "License" + (IsOsiApproved ? " :: OSI Approved" : "") + (name is null ? "" : " :: " + name);
        }
    }

    private static Dictionary<string, PoetryLicense> BuildLookup()
    {
        var lookup = new Dictionary<string, PoetryLicense>(StringComparer.Ordinal);
        foreach (var license in PoetryLicenseData.Licenses)
        {
            lookup[license.Id.ToLowerInvariant()] = license;

            // A full name shared by several identifiers names the first one that is not deprecated.
            var fullName = license.Name.ToLowerInvariant();
            if (!lookup.TryGetValue(fullName, out var existing) || existing.IsDeprecated)
            {
                lookup[fullName] = license;
            }
        }

        lookup["proprietary"] = new PoetryLicense("Proprietary", "Proprietary", false, false);
        return lookup;
    }
}
