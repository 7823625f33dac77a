using System.Globalization;
using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Unicode Normalization Form C (UAX #15) over <see cref="UnicodeNfcData"/>: canonical decomposition, canonical ordering,
/// canonical composition, with Hangul done arithmetically. packd runs with InvariantGlobalization, where
/// <see cref="string.Normalize()"/> is a no-op, yet macOS hands out file names in NFD.
/// </summary>
internal static class Nfc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Lazy<Tables> s_tables = new(Tables.Load);

    /// <summary>Returns the NFC form; ASCII strings come back as they are, without allocation.</summary>
    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var tables = s_tables.Value;
        var codePoints = new List<int>(text.Length + 4);
        foreach (var rune in text.EnumerateRunes())
        {
            Decompose(rune.Value, tables, codePoints);
        }

        Reorder(codePoints, tables);
        Compose(codePoints, tables);

        var sb = new StringBuilder(codePoints.Count);
        foreach (int cp in codePoints)
        {
            sb.Append(new Rune(cp).ToString());
        }

        string result = sb.ToString();
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    private static void Decompose(int cp, Tables tables, List<int> output)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            int index = cp - SBase;
            output.Add(LBase + (index / NCount));
            output.Add(VBase + (index % NCount / TCount));
            if (index % TCount != 0)
            {
                output.Add(TBase + (index % TCount));
            }

            return;
        }

        if (tables.Decompositions.TryGetValue(cp, out int[]? parts))
        {
            foreach (int part in parts)
            {
                Decompose(part, tables, output);
            }

            return;
        }

        output.Add(cp);
    }

    private static void Reorder(List<int> cps, Tables tables)
    {
        // A stable insertion sort of each run of non-starters by combining class (runs are short).
        for (int i = 1; i < cps.Count; i++)
        {
            int ccc = tables.Ccc(cps[i]);
            if (ccc == 0)
            {
                continue;
            }

            int j = i;
            while (j > 0 && tables.Ccc(cps[j - 1]) > ccc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    private static void Compose(List<int> cps, Tables tables)
    {
        if (cps.Count < 2)
        {
            return;
        }

        int starter = tables.Ccc(cps[0]) == 0 ? 0 : -1;
        int lastClass = starter == 0 ? 0 : 256;
        int write = 1;
        for (int read = 1; read < cps.Count; read++)
        {
            int cp = cps[read];
            int ccc = tables.Ccc(cp);
            bool blocked = starter < 0 || (lastClass != 0 && lastClass >= ccc) || (lastClass == 0 && write - 1 != starter);
            if (!blocked && TryCompose(cps[starter], cp, tables, out int composed))
            {
                cps[starter] = composed;
                continue;
            }

            if (ccc == 0)
            {
                starter = write;
            }

            lastClass = ccc;
            cps[write++] = cp;
        }

        cps.RemoveRange(write, cps.Count - write);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composed)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
        {
            composed = SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
            return true;
        }

        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
        {
            composed = first + (second - TBase);
            return true;
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composed);
    }

    private sealed class Tables
    {
        public Dictionary<int, int[]> Decompositions { get; } = [];

        public Dictionary<long, int> Compositions { get; } = [];

        public Dictionary<int, int> Classes { get; } = [];

        public int Ccc(int cp) => cp < 0x300 ? 0 : Classes.GetValueOrDefault(cp);

        public static Tables Load()
        {
            var tables = new Tables();
            foreach (string entry in UnicodeNfcData.Decompositions.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int sep = entry.AsSpan().IndexOfAny(':', '=');
                int cp = Hex(entry.AsSpan(0, sep));
                string[] partsText = entry[(sep + 1)..].Split(' ');
                int[] parts = Array.ConvertAll(partsText, static p => Hex(p));
                tables.Decompositions[cp] = parts;
                if (entry[sep] == '=')
                {
                    tables.Compositions[((long)parts[0] << 21) | (uint)parts[1]] = cp;
                }
            }

            foreach (string entry in UnicodeNfcData.CombiningClasses.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = entry.IndexOf(':', StringComparison.Ordinal);
                int ccc = int.Parse(entry.AsSpan(colon + 1), CultureInfo.InvariantCulture);
                var range = entry.AsSpan(0, colon);
                int dash = range.IndexOf('-');
                int first = Hex(dash < 0 ? range : range[..dash]);
                int last = dash < 0 ? first : Hex(range[(dash + 1)..]);
                for (int cp = first; cp <= last; cp++)
                {
                    tables.Classes[cp] = ccc;
                }
            }

            return tables;
        }

        private static int Hex(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
