using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Packaging.Projects;

/// <summary>Values the backend computes by importing project code: asked of the injected evaluator, never run here.</summary>
internal sealed partial class ProjectReader
{
    private readonly List<EvaluatedValue> _evaluations = [];

    /// <summary>How the backend would import the module when the attribute is not a literal.</summary>
    /// <param name="Expression">As the configuration names it (<c>pkg.__version__</c>), for messages.</param>
    private sealed record EvaluationPlan(string What, string Expression, string ModuleName, ValueConvention Convention, string Backend);

    /// <returns>The evaluated text; null when there is no evaluator (<paramref name="evaluated"/> false) or it failed
    /// (reported, <paramref name="evaluated"/> true).</returns>
    private string? Evaluate(EvaluationPlan plan, string moduleFile, string attribute, out bool evaluated)
    {
        evaluated = false;
        if (_context.Evaluator is not { } evaluator)
        {
            return null;
        }

        evaluated = true;
        var sourceRoot = SourceRootOf(moduleFile, plan.ModuleName);
        var (files, folder) = ModuleDependencies.Find(_context.Root, moduleFile, sourceRoot, plan.ModuleName);
        var request = new ValueEvaluationRequest(plan.What, plan.Expression, plan.ModuleName, moduleFile, sourceRoot, attribute,
            plan.Convention, files, folder);
        var answer = evaluator.Evaluate(request);
        if (answer.Failure is { } failure)
        {
            _context.Diagnostics.Add(failure);
            return null;
        }

        _evaluations.Add(new EvaluatedValue(request, answer.Value!, answer.EvaluatedBy, EvaluatedValue.ReasonFor(request, answer.EvaluatedBy)));
        return answer.Value;
    }

    /// <summary>The folder the module is imported from: <c>src/pkg/__init__.py</c> as <c>pkg</c> gives <c>src</c>.</summary>
    private static string SourceRootOf(string moduleFile, string moduleName)
    {
        var modulePath = moduleName.Replace('.', '/');
        foreach (var suffix in (string[])[modulePath + "/__init__.py", modulePath + ".py"])
        {
            if (moduleFile == suffix)
            {
                return "";
            }

            if (moduleFile.EndsWith("/" + suffix, StringComparison.Ordinal))
            {
                return moduleFile[..^(suffix.Length + 1)];
            }
        }

        return Path.GetDirectoryName(moduleFile)?.Replace('\\', '/') ?? "";
    }

    private string[] EvaluationInputs()
        => [.. _evaluations.SelectMany(e => e.Request.DependsOn).Distinct(StringComparer.Ordinal)];

    private string[] EvaluationFolders()
        => [.. _evaluations.Select(e => e.Request.WatchedFolder).OfType<string>().Distinct(StringComparer.Ordinal)];

    private void ReportComputed(string found, string attribute, int line, int column, EvaluationPlan? plan)
    {
        var why = plan is null
            ? "packd reads only a string literal there, and so does the backend: hatchling's version source is a regular expression, it never imports the file"
            : $"{plan.Backend} would import the module to get it, and this build has no Python evaluator";
        _context.FileError(
            DiagnosticCodes.DynamicVersionComputed,
            $"`{attribute}` in `{found}` is computed by code; {why}.",
            found,
            line,
            column,
            plan is null
                ? $"Assign a literal (`{attribute} = \"1.2.0\"`), or set [tool.hatch.version] pattern to match how the file writes it."
                : $"Assign a literal (`{attribute} = \"1.2.0\"`), or keep the version in a file and use [tool.setuptools.dynamic] version = {{file = \"VERSION\"}}.");
    }
}
