using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class ReproducibleClockTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void FromSourceDateEpoch_Unset_HatchlingDefault(string? value)
        => Assert.Equal(1580601600, ReproducibleClock.FromSourceDateEpoch(value).ToUnixTimeSeconds());

    [Theory]
    [InlineData("1700000001", 1700000001)]
    [InlineData(" 1700000000\n", 1700000000)]
    [InlineData("315532800", 315532800)]
    public void FromSourceDateEpoch_ValidSeconds_KeptExactly(string value, long expected)
    {
        var diagnostics = new DiagnosticBag();

        var time = ReproducibleClock.FromSourceDateEpoch(value, diagnostics);

        Assert.Equal(expected, time.ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("0", 315532800)]
    [InlineData("-5", 315532800)]
    [InlineData("4294967296", 4294967295)]
    [InlineData("999999999999999999999999", 4294967295)]
    public void FromSourceDateEpoch_OutOfRange_ClampedWithWarning(string value, long expected)
    {
        var diagnostics = new DiagnosticBag();

        var time = ReproducibleClock.FromSourceDateEpoch(value, diagnostics);

        Assert.Equal(expected, time.ToUnixTimeSeconds());
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.SourceDateEpochClamped, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("2024-01-01")]
    [InlineData("-")]
    public void FromSourceDateEpoch_NotAnInteger_DefaultWithWarning(string value)
    {
        var diagnostics = new DiagnosticBag();

        var time = ReproducibleClock.FromSourceDateEpoch(value, diagnostics);

        Assert.Equal(ReproducibleClock.Default, time);
        Assert.Equal(DiagnosticCodes.SourceDateEpochInvalid, Assert.Single(diagnostics.Items).Code);
    }
}
