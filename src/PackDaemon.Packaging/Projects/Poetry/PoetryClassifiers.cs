namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>poetry-core adds a <c>License ::</c> classifier and one <c>Programming Language :: Python :: X.Y</c> classifier
/// per known Python series the project's <c>python</c> constraint allows.</summary>
internal static class PoetryClassifiers
{
    private const string PythonPrefix = "Programming Language :: Python";

    // The series poetry-core 1.4 knows, in version order.
    private static readonly string[] s_pythons = ["2", "2.7", "3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11"];

    /// <param name="python">The project's python constraint; null means none given, read as <c>~2.7 || ^3.4</c>.</param>
    public static string[] All(IEnumerable<string> declared, PoetryConstraint? python, PoetryLicense? license)
    {
        python ??= PoetryConstraint.Parse("~2.7 || ^3.4", out _)!;
        var pythonClassifiers = new List<string>();
        foreach (var series in s_pythons)
        {
            var range = series.Contains('.', StringComparison.Ordinal)
                ? PoetryRange.Exactly(PoetryVersion.Parse(series)!)
                : PoetryConstraint.Series(series);
            if (python.AllowsAny(range))
            {
                pythonClassifiers.Add($"{PythonPrefix} :: {series}");
            }
        }

        var classifiers = new SortedSet<string>(declared, StringComparer.Ordinal);
        if (license is not null)
        {
            classifiers.Add(license.Classifier);
        }

        // Python's string order, with the Python classifiers slotted in where their prefix sorts (3.10 after 3.9).
        var result = new List<string>();
        var inserted = false;
        foreach (var classifier in classifiers)
        {
            if (!inserted && string.CompareOrdinal(classifier, PythonPrefix) > 0)
            {
                result.AddRange(pythonClassifiers);
                inserted = true;
            }

            result.Add(classifier);
        }

        if (!inserted)
        {
            result.AddRange(pythonClassifiers);
        }

        return [.. result];
    }
}
