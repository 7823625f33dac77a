namespace PackDaemon.Packaging.Diagnostics;

/// <summary>PD6xxx: delegated builds, where the project's own PEP 517 backend runs in a Python worker.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>No Python interpreter could be found or started for a delegated build.</summary>
    public const string DelegateNoInterpreter = "PD6001";

    /// <summary>The project's build backend (or a module it needs) is not installed in the chosen interpreter.</summary>
    public const string DelegateBackendMissing = "PD6002";

    /// <summary>The backend's build hook raised (for example a <c>setup.py</c> that fails).</summary>
    public const string DelegateHookFailed = "PD6003";

    /// <summary>The backend did not answer within the delegate timeout; the worker was stopped.</summary>
    public const string DelegateTimedOut = "PD6004";

    /// <summary>The worker process died or broke the protocol (for example a backend that calls <c>os._exit</c>).</summary>
    public const string DelegateWorkerDied = "PD6005";

    /// <summary><c>[tool.packd] mode</c> or <c>delegate-timeout</c> has a value packd does not accept.</summary>
    public const string DelegateSettingInvalid = "PD6006";

    /// <summary>A hybrid build's evaluated value (a computed <c>__version__</c>): importing the module raised.</summary>
    public const string EvaluationFailed = "PD6010";

    /// <summary>A hybrid build needs Python for one value, and no interpreter could be found or started.</summary>
    public const string EvaluationNoInterpreter = "PD6011";

    /// <summary>A hybrid build's module import did not finish within the timeout; the worker was stopped.</summary>
    public const string EvaluationTimedOut = "PD6012";

    /// <summary>The worker died or broke the protocol while importing a module for a hybrid build.</summary>
    public const string EvaluationWorkerDied = "PD6013";
}
