namespace PackDaemon.Packaging.Archives;

/// <summary>
/// The CRC-32 (IEEE, reflected, as in gzip and zip) of a concatenation A·B from crc(A), crc(B) and the length of B,
/// without the bytes: it lets the sdist be assembled from cached compressed segments whose CRCs were taken one by one.
/// </summary>
/// <remarks>
/// The math: with the register pre- and post-inverted, crc(A·B) = crc(A)·x^(8·|B|) ⊕ crc(B) (mod P), because the
/// inversions applied around A's part shift along with it and cancel against those of B. Polynomials are held
/// reflected, so bit 31 is the coefficient of x^0 and multiplying by x is a right shift that folds P back in when
/// x^31 falls off. x^(8n) is built by square-and-multiply over a table of x^(2^k). Written from that derivation,
/// checked against System.IO.Hashing.Crc32 over real concatenations in the tests.
/// </remarks>
public static class Crc32Combination
{
    private const uint ReflectedPolynomial = 0xEDB88320;
    private const uint One = 1u << 31; // x^0 in reflected form

    // PowersOfTwo[k] = x^(2^k) mod P. 64 entries cover any 64-bit bit count.
    private static readonly uint[] s_powersOfTwo = BuildPowers();

    /// <param name="crcFirst">CRC-32 of the first part.</param>
    /// <param name="crcSecond">CRC-32 of the second part.</param>
    /// <param name="secondLength">Length in bytes of the second part.</param>
    public static uint Combine(uint crcFirst, uint crcSecond, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        return Multiply(XPower((ulong)secondLength * 8), crcFirst) ^ crcSecond;
    }

    /// <summary>a·b mod P, both reflected.</summary>
    private static uint Multiply(uint a, uint b)
    {
        uint product = 0;
        for (uint bit = One; bit != 0; bit >>= 1)
        {
            if ((a & bit) != 0)
            {
                product ^= b;
            }

            // b ← b·x for the next (higher) power of x in a.
            b = (b & 1) != 0 ? (b >> 1) ^ ReflectedPolynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^n mod P.</summary>
    private static uint XPower(ulong n)
    {
        uint result = One;
        for (int k = 0; n != 0; k++, n >>= 1)
        {
            if ((n & 1) != 0)
            {
                result = Multiply(result, s_powersOfTwo[k]);
            }
        }

        return result;
    }

    private static uint[] BuildPowers()
    {
        var powers = new uint[64];
        powers[0] = One >> 1; // x^1
        for (int k = 1; k < powers.Length; k++)
        {
            powers[k] = Multiply(powers[k - 1], powers[k - 1]);
        }

        return powers;
    }
}
