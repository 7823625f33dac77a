using System.Security.Cryptography;
using System.Text;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Engine.Delegation;

/// <summary>
/// Evaluated values, each kept with the SHA-256 of every file it depends on (and the interpreter that computed it):
/// asked again, it answers from memory while those files hash the same, and computes anew only when one changed.
/// Inputs are hashed before computing, so an edit racing the computation makes the next build compute again.
/// Not thread-safe: its owner builds one project at a time.
/// </summary>
internal sealed class EvaluationCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many times a value was actually computed (not answered from the cache).</summary>
    public int Computed { get; private set; }

    /// <param name="evaluator">Who computes (the interpreter's path): another interpreter may give another value.</param>
    /// <param name="compute">Runs the code; called only when the cache cannot answer.</param>
    public ValueEvaluation GetOrCompute(string root, ValueEvaluationRequest request, string evaluator, Func<ValueEvaluation> compute)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(compute);
        var key = request.Key + "|" + evaluator;
        var inputs = InputsHash(root, request.DependsOn);
        if (inputs is not null && _entries.TryGetValue(key, out var entry) && entry.InputsHash == inputs)
        {
            return new ValueEvaluation(entry.Value, entry.EvaluatedBy, FromCache: true, null);
        }

        Computed++;
        var answer = compute();
        if (answer.Failure is null && answer.Value is not null && inputs is not null)
        {
            _entries[key] = new Entry(inputs, answer.Value, answer.EvaluatedBy);
        }
        else
        {
            // A failure is never cached: the next build tries again (the module may import something that changed
            // outside the package, such as an installed dependency).
            _entries.Remove(key);
        }

        return answer;
    }

    /// <summary>One SHA-256 over each file's path and content hash, in order; null when a file cannot be read, which
    /// makes the value uncacheable rather than wrongly cached.</summary>
    internal static string? InputsHash(string root, IReadOnlyList<string> files)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            all.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            try
            {
                using var stream = File.OpenRead(Path.Combine(root, file));
                all.AppendData(SHA256.HashData(stream));
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                all.AppendData("missing"u8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            all.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    private sealed record Entry(string InputsHash, string Value, string EvaluatedBy);
}
