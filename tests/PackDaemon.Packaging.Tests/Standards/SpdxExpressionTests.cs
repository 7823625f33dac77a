using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Tests.Standards;

public sealed class SpdxExpressionTests
{
    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("mit", "MIT")]
    [InlineData("apache-2.0", "Apache-2.0")]
    [InlineData("mit or apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("MIT  Or\tApache-2.0", "MIT OR Apache-2.0")]
    [InlineData("(mit OR apache-2.0) and bsd-3-clause", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData(" ( MIT ) ", "(MIT)")]
    [InlineData("gpl-2.0-or-later with classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0")]
    [InlineData("Apache-1.0+", "Apache-1.0+")]
    [InlineData("licenseref-My-Custom.1", "LicenseRef-My-Custom.1")]
    [InlineData("documentref-spdx-tool:licenseref-MIT-style", "DocumentRef-spdx-tool:LicenseRef-MIT-style")]
    [InlineData("MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)", "MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)")]
    [InlineData("0bsd", "0BSD")]
    public void TryNormalize_ValidExpression_CaseNormalizes(string text, string expected)
    {
        Assert.True(SpdxExpression.TryNormalize(text, out string? normalized, out string? error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("MIT AND", "ends where")]
    [InlineData("AND MIT", "unexpected 'AND'")]
    [InlineData("MIT OR (Apache-2.0", "expected ')'")]
    [InlineData("MIT)", "unmatched ')'")]
    [InlineData("()", "unexpected ')'")]
    [InlineData("Foo-License", "not a known SPDX license identifier")]
    [InlineData("MIT WITH Foo", "not a known SPDX license exception")]
    [InlineData("MIT WITH", "exception identifier")]
    [InlineData("Classpath-exception-2.0", "write it after WITH")]
    [InlineData("(MIT OR Apache-2.0) WITH LLVM-exception", "single license identifier")]
    [InlineData("MIT Apache-2.0", "expected AND, OR")]
    [InlineData("LicenseRef-", "not a valid LicenseRef")]
    [InlineData("LicenseRef-a_b", "not a valid LicenseRef")]
    [InlineData("DocumentRef-x:MIT", "DocumentRef-<id>:LicenseRef-<id>")]
    public void TryNormalize_InvalidExpression_ExplainsWhy(string text, string messagePart)
    {
        Assert.False(SpdxExpression.TryNormalize(text, out string? normalized, out string? error));
        Assert.Null(normalized);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpl-2.0 OR MIT", new[] { "GPL-2.0" })]
    [InlineData("GPL-2.0-only WITH Nokia-Qt-exception-1.1 AND GPL-2.0+", new[] { "Nokia-Qt-exception-1.1", "GPL-2.0" })]
    [InlineData("MIT OR Apache-2.0", new string[0])]
    public void FindDeprecatedIds_NormalizedExpression_ListsDeprecatedIds(string text, string[] expected)
    {
        Assert.True(SpdxExpression.TryNormalize(text, out string? normalized, out _));
        Assert.Equal(expected, SpdxExpression.FindDeprecatedIds(normalized));
    }

    [Fact]
    public void IsKnownLicenseId_AnyCase_FindsListedIds()
    {
        Assert.True(SpdxExpression.IsKnownLicenseId("bsd-3-clause"));
        Assert.False(SpdxExpression.IsKnownLicenseId("Proprietary"));
    }
}
