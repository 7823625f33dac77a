using System.Text;
using PackDaemon.Packaging.Scripts;

namespace PackDaemon.Packaging.Tests.Scripts;

/// <summary>The two backends' shebang rules, case by case (tests/conformance/setuptools/data-scripts checks the
/// setuptools rule byte for byte against setuptools itself).</summary>
public sealed class ShebangRewriterTests
{
    private static string Setuptools(string script) => Encoding.UTF8.GetString(ShebangRewriter.Apply(ScriptRewrite.SetuptoolsBuildScripts, Encoding.UTF8.GetBytes(script)));

    private static string Hatchling(string script) => Encoding.UTF8.GetString(ShebangRewriter.Hatchling(Encoding.UTF8.GetBytes(script)));

    [Theory]
    [InlineData("#!/usr/bin/env python3\nprint(1)\n", "#!python\nprint(1)\n")]
    [InlineData("#!/usr/bin/python3.11 -u -W error\nprint(1)\n", "#!python -u -W error\nprint(1)\n")]
    [InlineData("#!/usr/bin/env python3\r\nprint(1)\r\nprint(2)\rprint(3)", "#!python\nprint(1)\nprint(2)\nprint(3)")]
    [InlineData("#!/usr/bin/env python", "#!python\n")]
    [InlineData("#!/opt/bin/python3-config\nx\n", "#!/opt/bin/python3-config\nx\n")]
    [InlineData("#!/bin/sh\r\necho python\r\n", "#!/bin/sh\r\necho python\r\n")]
    [InlineData("print('no shebang')\r\n", "print('no shebang')\r\n")]
    public void Setuptools_RewritesOnlyAPythonShebang_AndNormalizesNewlinesWhenItDoes(string script, string expected)
        => Assert.Equal(expected, Setuptools(script));

    [Fact]
    public void Setuptools_KeepsAByteOrderMark_InFrontOfTheNewShebang()
    {
        byte[] script = [0xEF, 0xBB, 0xBF, .. "#!/usr/bin/env python3\r\nx = 'é'\r\n"u8];

        var result = ShebangRewriter.Setuptools(script);

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "#!python\nx = 'é'\n"u8], result);
    }

    [Fact]
    public void Setuptools_InvalidUtf8AfterAPythonShebang_Throws_AndIsNamedUnsupported()
    {
        byte[] script = [.. "#!/usr/bin/python\nx = '"u8, 0xE9, .. "'\n"u8];

        Assert.Throws<DecoderFallbackException>(() => ShebangRewriter.Setuptools(script));
        Assert.Contains("not valid UTF-8", ShebangRewriter.SetuptoolsUnsupported(script), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!/usr/bin/python\n# vim: set fileencoding=latin-1 :\n", "latin-1")]
    [InlineData("#!/usr/bin/python\n# -*- coding: utf-8 -*-\n", null)]
    [InlineData("#!/usr/bin/python\n# coding=utf8\n", null)]
    [InlineData("#!/bin/sh\n# coding: latin-1\n", null)]
    public void SetuptoolsUnsupported_OnlyForAPythonScriptInAnotherEncoding(string script, string? named)
    {
        var why = ShebangRewriter.SetuptoolsUnsupported(Encoding.UTF8.GetBytes(script));

        if (named is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(named, why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("#!/usr/bin/env python3\nprint(1)\n", "#!python\nprint(1)\n")]
    [InlineData("#!/usr/bin/env python3 -u\r\nprint(1)\r\n", "#!python -u\r\nprint(1)\r\n")]
    [InlineData("\n  \n#!/usr/bin/pypy3\nx\n", "#!python\nx\n")]
    [InlineData("#!C:\\Python311\\pythonw.exe\nx\n", "#!pythonexe\nx\n")] // the pattern eats the dot, as in hatchling
    [InlineData("\n\n#!/bin/bash\necho hi\n", "#!/bin/bash\necho hi\n")]
    [InlineData("\n \n", "")]
    public void Hatchling_DropsLeadingBlankLines_AndRewritesAPythonOrPypyShebang(string script, string expected)
        => Assert.Equal(expected, Hatchling(script));
}
