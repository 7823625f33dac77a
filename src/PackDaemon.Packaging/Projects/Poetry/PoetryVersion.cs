using System.Globalization;

namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>
/// A release-only version as poetry-core's constraint code sees it: the numbers, compared zero-padded, and the text it
/// prints (poetry prints a bound with the precision it was written or computed with: <c>^1.2</c> gives <c>&lt;2.0</c>).
/// Pre-, post- and dev-releases are not modelled: a constraint holding one is left to poetry-core (delegated).
/// </summary>
internal sealed class PoetryVersion : IComparable<PoetryVersion>
{
    private readonly int[] _release;

    private PoetryVersion(int[] release) => _release = release;

    public int Precision => _release.Length;

    public int Major => _release[0];

    public int Minor => _release.Length > 1 ? _release[1] : 0;

    public int Patch => _release.Length > 2 ? _release[2] : 0;

    public string Text => string.Join('.', _release.Select(static n => n.ToString(CultureInfo.InvariantCulture)));

    public static PoetryVersion? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('v') || trimmed.StartsWith('V'))
        {
            trimmed = trimmed[1..];
        }

        var parts = trimmed.Split('.');
        if (parts.Length is 0 or > 6)
        {
            return null;
        }

        var release = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 9 || !parts[i].All(char.IsAsciiDigit))
            {
                return null;
            }

            release[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        return new PoetryVersion(release);
    }

    public static PoetryVersion FromParts(params int[] release) => new(release);

    /// <summary>The next major release with the same number of parts (<c>1.2</c> -> <c>2.0</c>, <c>1</c> -> <c>2</c>).</summary>
    public PoetryVersion NextMajor() => Bump(0);

    /// <summary><c>1.2.3</c> -> <c>1.3.0</c>; a one-part version gains a minor part (<c>1</c> -> <c>1.1</c>).</summary>
    public PoetryVersion NextMinor() => Bump(1);

    public PoetryVersion NextPatch() => Bump(2);

    /// <summary>The first version a caret range excludes: the next change of the leftmost non-zero part.</summary>
    public PoetryVersion NextBreaking()
    {
        if (Major > 0 || Precision == 1)
        {
            return NextMajor();
        }

        return Minor > 0 || Precision == 2 ? NextMinor() : NextPatch();
    }

    private PoetryVersion Bump(int index)
    {
        var release = new int[Math.Max(_release.Length, index + 1)];
        for (var i = 0; i < release.Length; i++)
        {
            release[i] = i < index ? (i < _release.Length ? _release[i] : 0) : 0;
        }

        release[index] = (index < _release.Length ? _release[index] : 0) + 1;
        return new PoetryVersion(release);
    }

    public int CompareTo(PoetryVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var length = Math.Max(_release.Length, other._release.Length);
        for (var i = 0; i < length; i++)
        {
            var a = i < _release.Length ? _release[i] : 0;
            var b = i < other._release.Length ? other._release[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }

    public override string ToString() => Text;
}
