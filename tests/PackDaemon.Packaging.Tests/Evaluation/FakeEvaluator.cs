using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Packaging.Tests.Evaluation;

/// <summary>Answers evaluation requests without Python and remembers what it was asked.</summary>
internal sealed class FakeEvaluator(string? value, Diagnostic? failure = null) : IValueEvaluator
{
    public List<ValueEvaluationRequest> Asked { get; } = [];

    public ValueEvaluation Evaluate(ValueEvaluationRequest request)
    {
        Asked.Add(request);
        return failure is null ? new ValueEvaluation(value, "/fake/python3", false, null) : ValueEvaluation.Failed(failure);
    }
}
