using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>An evaluator's answer: the value as text, or the error that stops the build.</summary>
/// <param name="Value">The value, already converted by the backend's rules (<see cref="ValueConvention"/>).</param>
/// <param name="EvaluatedBy">Who computed it, for the mode reason (<c>/usr/bin/python3</c>).</param>
/// <param name="FromCache">True when none of the inputs changed since the value was computed: nothing ran.</param>
/// <param name="Failure">The build error, with the traceback tail, file and fix, when the value could not be had.</param>
public sealed record ValueEvaluation(string? Value, string EvaluatedBy, bool FromCache, Diagnostic? Failure)
{
    public static ValueEvaluation Failed(Diagnostic failure) => new(null, "", false, failure);
}
