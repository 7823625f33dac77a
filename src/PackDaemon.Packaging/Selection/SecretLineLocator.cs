namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Turns byte offsets into 1-based line and column. Offsets must come in increasing order (the scan goes forward), so
/// the whole file is counted once whatever the number of matches; an earlier offset restarts from the top.
/// </summary>
internal ref struct SecretLineLocator
{
    private readonly ReadOnlySpan<byte> _content;
    private int _offset;
    private int _line;
    private int _lineStart;

    public SecretLineLocator(ReadOnlySpan<byte> content)
    {
        _content = content;
        _line = 1;
    }

    public (int Line, int Column) Locate(int offset)
    {
        if (offset < _offset)
        {
            _offset = 0;
            _line = 1;
            _lineStart = 0;
        }

        ReadOnlySpan<byte> skipped = _content[_offset..offset];
        int newlines = skipped.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + skipped.LastIndexOf((byte)'\n') + 1;
        }

        _offset = offset;
        return (_line, offset - _lineStart + 1);
    }
}
