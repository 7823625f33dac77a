namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>A value of the loaded project that came from running its code, and the sentence that says so.</summary>
/// <param name="Reason">E.g. <c>version: pkg.__version__ is computed by code; evaluated by /usr/bin/python3, cached
/// until pkg/__init__.py changes</c>.</param>
public sealed record EvaluatedValue(ValueEvaluationRequest Request, string Value, string EvaluatedBy, string Reason)
{
    public static string ReasonFor(ValueEvaluationRequest request, string evaluatedBy)
    {
        ArgumentNullException.ThrowIfNull(request);
        var others = request.DependsOn.Count(f => f != request.ModuleFile);
        var until = others == 0
            ? $"{request.ModuleFile} changes"
            : $"{request.ModuleFile} or another .py of {request.WatchedFolder ?? "its package"} changes";
        return $"{request.What}: {request.Expression} is computed by code; evaluated by {evaluatedBy}, cached until {until}";
    }
}
