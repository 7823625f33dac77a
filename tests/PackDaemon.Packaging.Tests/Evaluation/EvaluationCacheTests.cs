using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;
using PackDaemon.Packaging.Delegation;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Evaluation;

/// <summary>The Engine's side of hybrid builds, without Python: the value is computed once and answered from the cache
/// until a file it depends on changes; failures are never cached; the mode and reason say what was evaluated.</summary>
public sealed class EvaluationCacheTests : IDisposable
{
    private readonly TempProject _project = new();
    private readonly EvaluationCache _cache = new();
    private int _computed;

    public void Dispose() => _project.Dispose();

    private static ValueEvaluationRequest Request(params string[] dependsOn)
        => new("version", "shop.__version__", "shop", "shop/__init__.py", "", "__version__", ValueConvention.Setuptools, dependsOn, "shop/");

    private ValueEvaluation Ask(ValueEvaluationRequest request, string value = "1.0", string python = "/usr/bin/python3")
        => _cache.GetOrCompute(_project.Root, request, python, () =>
        {
            _computed++;
            return new ValueEvaluation(value, python, false, null);
        });

    [Fact]
    public void UnchangedInputs_AnsweredFromTheCache_WithoutComputing()
    {
        _project.Write("shop/__init__.py", "V = 1\n").Write("shop/util.py", "");
        var request = Request("shop/__init__.py", "shop/util.py");

        var first = Ask(request);
        var second = Ask(request, value: "would be wrong");

        Assert.Equal((1, 1), (_computed, _cache.Computed));
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(("1.0", "/usr/bin/python3"), (second.Value, second.EvaluatedBy));
    }

    [Theory]
    [InlineData("shop/__init__.py")]
    [InlineData("shop/util.py")]
    public void AnyInputChanged_ComputesAgain(string edited)
    {
        _project.Write("shop/__init__.py", "V = 1\n").Write("shop/util.py", "");
        var request = Request("shop/__init__.py", "shop/util.py");
        Ask(request);

        _project.Write(edited, "V = 2\n");
        var again = Ask(request, value: "2.0");

        Assert.Equal(2, _computed);
        Assert.Equal("2.0", again.Value);
        Assert.False(again.FromCache);
    }

    [Fact]
    public void AnotherInterpreter_ComputesAgain()
    {
        _project.Write("shop/__init__.py", "V = 1\n");
        Ask(Request("shop/__init__.py"));

        Ask(Request("shop/__init__.py"), python: "/opt/python3.13");

        Assert.Equal(2, _computed);
    }

    [Fact]
    public void Failure_IsNeverCached()
    {
        _project.Write("shop/__init__.py", "V = 1\n");
        var request = Request("shop/__init__.py");
        var failure = new Diagnostic(DiagnosticCodes.EvaluationFailed, DiagnosticSeverity.Error, "boom");
        _cache.GetOrCompute(_project.Root, request, "py", () => ValueEvaluation.Failed(failure));

        var retried = _cache.GetOrCompute(_project.Root, request, "py", () => new ValueEvaluation("1.0", "py", false, null));

        Assert.Equal(2, _cache.Computed);
        Assert.Equal("1.0", retried.Value);
    }

    [Fact]
    public void InputsHash_DependsOnContentAndPresence()
    {
        _project.Write("a.py", "x");
        var before = EvaluationCache.InputsHash(_project.Root, ["a.py", "b.py"]);
        Assert.Equal(before, EvaluationCache.InputsHash(_project.Root, ["a.py", "b.py"]));

        _project.Write("b.py", "");
        var created = EvaluationCache.InputsHash(_project.Root, ["a.py", "b.py"]);
        _project.Write("a.py", "y");
        var edited = EvaluationCache.InputsHash(_project.Root, ["a.py", "b.py"]);

        Assert.Equal(3, new HashSet<string?> { before, created, edited }.Count);
        Assert.Equal(64, before!.Length);
    }

    [Fact]
    public void WorkerEvaluator_NoInterpreter_FailsNamingPythonOptionAndVariable_WithoutStartingAnything()
    {
        _project.Write("shop/__init__.py", "V = 1\n");
        using var evaluator = new WorkerValueEvaluator(_project.Root, _ => null);
        var build = new BuildRequest(_project.Root, Path.Combine(_project.Root, "dist"), true, true, true, null);

        var answer = evaluator.For(build, CancellationToken.None).Evaluate(Request("shop/__init__.py"));

        var failure = answer.Failure!;
        Assert.Equal(DiagnosticCodes.EvaluationNoInterpreter, failure.Code);
        Assert.Equal("shop/__init__.py", failure.File);
        Assert.Contains("--python", failure.Fix, StringComparison.Ordinal);
        Assert.Contains("PACKD_PYTHON", failure.Fix, StringComparison.Ordinal);
        Assert.Equal(0, evaluator.Evaluations);
    }

    [Fact]
    public void TagNative_WithEvaluations_SaysNativePlusEvaluated_AndWhy()
    {
        var request = Request("shop/__init__.py");
        var evaluated = new EvaluatedValue(request, "1.4.2", "/usr/bin/python3", EvaluatedValue.ReasonFor(request, "/usr/bin/python3"));
        var artifact = new ArtifactInfo("wheel", "/x.whl", 1, 1, new string('0', 64), 0);
        var result = new BuildResult(true, [artifact], [], [], new PhaseTimings(0, 0, 0, 0, 0, 0)) { Evaluations = [evaluated] };
        var decision = new BuildModeDecision(false, "setuptools.build_meta", [], "build-backend `setuptools.build_meta` is emulated natively");

        var tagged = BuildModes.TagNative(result, decision);

        Assert.Equal("native+evaluated:version", tagged.Mode);
        Assert.Equal("native+evaluated:version", tagged.Artifacts[0].Mode);
        Assert.Equal(
            "build-backend `setuptools.build_meta` is emulated natively; version: shop.__version__ is computed by code; "
            + "evaluated by /usr/bin/python3, cached until shop/__init__.py changes",
            tagged.ModeReason);
        Assert.Equal("native", BuildModes.TagNative(result with { Evaluations = [] }, decision).Mode);
    }
}
