namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>Whose rules turn the imported attribute into the value: they differ on what they accept.</summary>
public enum ValueConvention
{
    /// <summary>setuptools' <c>attr:</c> (66.1): a callable is called, a non-string iterable is joined with dots
    /// (<c>(1, 2, 3)</c> gives <c>1.2.3</c>), anything else is formatted with <c>%s</c>.</summary>
    Setuptools,

    /// <summary>flit_core (3.8): <c>__version__</c> must already be a string.</summary>
    Flit,
}
