namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>One interval of versions; a null bound is unbounded. <c>Min == Max</c>, both included, is one version.</summary>
internal sealed record PoetryRange(PoetryVersion? Min, bool IncludeMin, PoetryVersion? Max, bool IncludeMax)
{
    public static readonly PoetryRange Any = new(null, false, null, false);

    public bool IsAny => Min is null && Max is null;

    public bool IsSingleVersion => Min is not null && Max is not null && IncludeMin && IncludeMax && Min.CompareTo(Max) == 0;

    public bool IsEmpty
    {
        get
        {
            if (Min is null || Max is null)
            {
                return false;
            }

            var order = Min.CompareTo(Max);
            return order > 0 || (order == 0 && !(IncludeMin && IncludeMax));
        }
    }

    public static PoetryRange Exactly(PoetryVersion version) => new(version, true, version, true);

    public bool Allows(PoetryVersion version)
    {
        if (Min is not null)
        {
            var order = version.CompareTo(Min);
            if (order < 0 || (order == 0 && !IncludeMin))
            {
                return false;
            }
        }

        if (Max is not null)
        {
            var order = version.CompareTo(Max);
            if (order > 0 || (order == 0 && !IncludeMax))
            {
                return false;
            }
        }

        return true;
    }

    public PoetryRange Intersect(PoetryRange other)
    {
        var (min, includeMin) = (Min, IncludeMin);
        if (other.Min is not null)
        {
            var order = min is null ? -1 : min.CompareTo(other.Min);
            if (order < 0 || (order == 0 && !other.IncludeMin))
            {
                (min, includeMin) = (other.Min, other.IncludeMin);
            }
        }

        var (max, includeMax) = (Max, IncludeMax);
        if (other.Max is not null)
        {
            var order = max is null ? 1 : max.CompareTo(other.Max);
            if (order > 0 || (order == 0 && !other.IncludeMax))
            {
                (max, includeMax) = (other.Max, other.IncludeMax);
            }
        }

        return new PoetryRange(min, includeMin, max, includeMax);
    }

    /// <summary>True when the two share a version, or touch so that their union is one interval.</summary>
    public bool OverlapsOrTouches(PoetryRange other)
    {
        static bool EndsBefore(PoetryRange low, PoetryRange high)
        {
            if (low.Max is null || high.Min is null)
            {
                return false;
            }

            var order = low.Max.CompareTo(high.Min);
            return order < 0 || (order == 0 && !low.IncludeMax && !high.IncludeMin);
        }

        return !EndsBefore(this, other) && !EndsBefore(other, this);
    }

    /// <summary>poetry-core's rendering of a range: <c>&gt;=1.2,&lt;2.0</c>, or <c>*</c> for any version.</summary>
    public override string ToString()
    {
        if (IsAny)
        {
            return "*";
        }

        var text = Min is null ? "" : (IncludeMin ? ">=" : ">") + Min.Text;
        if (Max is not null)
        {
            text += (Min is null ? "" : ",") + (IncludeMax ? "<=" : "<") + Max.Text;
        }

        return text;
    }
}
