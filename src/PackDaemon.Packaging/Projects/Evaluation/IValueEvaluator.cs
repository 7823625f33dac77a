namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>Computes a value the project's backend would get by importing project code. Implemented outside this
/// layer (the Engine asks its warm Python worker); the loader only asks.</summary>
public interface IValueEvaluator
{
    ValueEvaluation Evaluate(ValueEvaluationRequest request);
}
