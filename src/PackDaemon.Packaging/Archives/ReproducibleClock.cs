using System.Globalization;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Archives;

/// <summary>The one timestamp every entry of an artifact carries.</summary>
public static class ReproducibleClock
{
    /// <summary>hatchling's default (1580601600), so users comparing packd's artifacts with hatchling's see the same times.</summary>
    public static readonly DateTimeOffset Default = new(2020, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The zip DOS epoch; earlier times cannot be stored (SOURCE_DATE_EPOCH=0 crashed hatchling and wheel).</summary>
    public static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The gzip MTIME field is an unsigned 32-bit count of seconds, which ends at 2106-02-07T06:28:15Z, before the DOS
    /// date limit (2107-12-31). One clamp that every format can hold keeps the sdist and the wheel on the same time.
    /// </summary>
    public static readonly DateTimeOffset Latest = DateTimeOffset.FromUnixTimeSeconds(uint.MaxValue);

    /// <summary>SOURCE_DATE_EPOCH when set and valid, clamped to 1980-01-01 or later (the zip DOS epoch); otherwise a fixed date.</summary>
    /// <remarks>
    /// An empty or whitespace value counts as unset. A value that is not a whole number of seconds (for example
    /// <c>1.5</c> or <c>abc</c>) is ignored and <see cref="Default"/> is used: a build must not fail on a stray variable,
    /// and the overload taking a <see cref="DiagnosticBag"/> reports it. The exact second is kept; the zip writer rounds
    /// it down to the 2-second DOS resolution (as Python's zipfile does), tar and gzip keep it exact.
    /// </remarks>
    public static DateTimeOffset FromSourceDateEpoch(string? sourceDateEpoch) => FromSourceDateEpoch(sourceDateEpoch, null);

    public static DateTimeOffset FromSourceDateEpoch(string? sourceDateEpoch, DiagnosticBag? diagnostics)
    {
        if (string.IsNullOrWhiteSpace(sourceDateEpoch))
        {
            return Default;
        }

        var text = sourceDateEpoch.AsSpan().Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
        {
            // Out-of-range integers (all digits but too long for a long) are clamped, not ignored: the intent is clear.
            if (IsInteger(text))
            {
                seconds = text[0] == '-' ? long.MinValue : long.MaxValue;
            }
            else
            {
                diagnostics?.Warning(
                    DiagnosticCodes.SourceDateEpochInvalid,
                    $"SOURCE_DATE_EPOCH='{sourceDateEpoch}' is not a whole number of seconds since 1970-01-01; using {Default:yyyy-MM-dd}.",
                    fix: "Set SOURCE_DATE_EPOCH to an integer such as the last commit time: `git log -1 --format=%ct`.");
                return Default;
            }
        }

        long earliest = Earliest.ToUnixTimeSeconds();
        long latest = Latest.ToUnixTimeSeconds();
        long clamped = Math.Clamp(seconds, earliest, latest);
        if (clamped != seconds)
        {
            diagnostics?.Warning(
                DiagnosticCodes.SourceDateEpochClamped,
                $"SOURCE_DATE_EPOCH={text} is outside what zip and gzip can store (1980-01-01 to 2106-02-07); using {DateTimeOffset.FromUnixTimeSeconds(clamped):yyyy-MM-ddTHH:mm:ssZ}.",
                fix: "Set SOURCE_DATE_EPOCH to a time between 315532800 and 4294967295.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(clamped);
    }

    private static bool IsInteger(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            text = text[1..];
        }

        return text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');
    }
}
