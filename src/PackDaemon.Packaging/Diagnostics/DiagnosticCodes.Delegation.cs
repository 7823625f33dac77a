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
}
