using PackDaemon.Packaging.Delegation;

namespace PackDaemon.Packaging.Tests.Delegation;

public sealed class SetupFileScanTests
{
    [Theory]
    [InlineData("from setuptools import setup\nsetup()\n")]
    [InlineData("import setuptools\nsetuptools.setup()\n")]
    [InlineData("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\"\"\"Shim for editable installs.\"\"\"\nfrom setuptools import setup\n\nif __name__ == \"__main__\":\n    setup()\n")]
    [InlineData("\"\"\"\nLegacy shim.\n\"\"\"\nfrom setuptools import setup  # noqa\nsetup()  # everything is in setup.cfg\n")]
    [InlineData("from setuptools import setup\nif __name__ == '__main__': setup()\n")]
    [InlineData("")]
    public void FirstCodeLine_BareShim_IsNull(string text) => Assert.Null(SetupScriptShape.FirstCodeLine(text));

    [Theory]
    [InlineData("from setuptools import setup\nsetup(name=\"x\")\n", "line 2: setup(name=\"x\")")]
    [InlineData("from setuptools import setup, Extension\nsetup()\n", "line 1: from setuptools import setup, Extension")]
    [InlineData("import os\nfrom setuptools import setup\nsetup()\n", "line 1: import os")]
    [InlineData("from setuptools import setup\nsetup(\n)\n", "line 2: setup(")]
    public void FirstCodeLine_AnythingMore_NamesTheFirstSuchLine(string text, string expected)
        => Assert.Equal(expected, SetupScriptShape.FirstCodeLine(text));

    [Theory]
    [InlineData("[options]\ncmdclass =\n  build_py = x.Y\n", 2)]
    [InlineData("[metadata]\nname = a\n[Options]\nCmdClass: x\n", 4)]
    [InlineData("[metadata]\ncmdclass = x\n", 0)]
    [InlineData("[options]\npackages = find:\n  cmdclass = not a key, a continuation\n", 0)]
    [InlineData("[options]\n# cmdclass = commented out\n", 0)]
    public void CmdclassLine_FindsTheKeyOnlyInOptions(string text, int line) => Assert.Equal(line, SetupCfgScan.CmdclassLine(text));
}
