using System.Globalization;
using System.Text;

namespace PackDaemon.Cli.Daemon;

/// <summary>
/// Reads LSP-style frames (<c>Content-Length: N\r\n\r\n</c> then N bytes of JSON) from a stream. Headers are parsed
/// here rather than with a library because the CLI is Native AOT and the format is ten lines; other headers
/// (<c>Content-Type</c>) are accepted and ignored, as docs/protocol.md says.
/// </summary>
internal sealed class FrameReader
{
    /// <summary>The protocol's cap: a larger frame means a bug or a hostile peer, not a real build report.</summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>A header block is two short lines; anything this long is garbage, not a slow peer.</summary>
    public const int MaxHeaderBytes = 8 * 1024;

    private const string ContentLengthHeader = "Content-Length";

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public FrameReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <returns>The body of the next frame, or null when the peer closed the stream cleanly between frames.</returns>
    /// <exception cref="FramingException">The header block is malformed, the frame is too large, or the stream ended
    /// inside a frame.</exception>
    public async ValueTask<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        long? length = null;
        var headerBytes = 0;
        while (true)
        {
            var line = await ReadHeaderLineAsync(headerBytes, cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                if (headerBytes == 0)
                {
                    return null;
                }

                throw new FramingException("the connection closed in the middle of a frame's headers.");
            }

            headerBytes += line.Length + 2;
            if (line.Length == 0)
            {
                if (headerBytes == 2)
                {
                    // Tolerate stray blank lines between frames; they carry nothing.
                    headerBytes = 0;
                    continue;
                }

                break;
            }

            length ??= ParseContentLength(line);
        }

        if (length is null)
        {
            throw new FramingException("a frame's header block has no Content-Length.");
        }

        if (length > MaxFrameBytes)
        {
            throw new FramingException(string.Create(CultureInfo.InvariantCulture,
                $"a frame of {length} bytes exceeds the {MaxFrameBytes} byte limit."));
        }

        var body = new byte[(int)length];
        var buffered = Math.Min(_end - _start, body.Length);
        _buffer.AsSpan(_start, buffered).CopyTo(body);
        _start += buffered;
        try
        {
            await _stream.ReadExactlyAsync(body.AsMemory(buffered), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new FramingException("the connection closed in the middle of a frame's body.", ex);
        }

        return body;
    }

    private static long? ParseContentLength(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FramingException($"malformed frame header '{line}'.");
        }

        if (!line.AsSpan(0, colon).Trim().Equals(ContentLengthHeader, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = line.AsSpan(colon + 1).Trim();
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new FramingException($"malformed Content-Length '{value}'.");
        }

        return length;
    }

    /// <returns>One header line without its line ending, or null at the end of the stream.</returns>
    private async ValueTask<string?> ReadHeaderLineAsync(int headerBytesSoFar, CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = newline > 0 && _buffer[_start + newline - 1] == (byte)'\r' ? newline - 1 : newline;
                var line = Encoding.ASCII.GetString(_buffer, _start, lineEnd);
                _start += newline + 1;
                return line;
            }

            if (headerBytesSoFar + (_end - _start) > MaxHeaderBytes)
            {
                throw new FramingException(string.Create(CultureInfo.InvariantCulture,
                    $"a frame's header block is longer than {MaxHeaderBytes} bytes."));
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_end > _start)
                {
                    throw new FramingException("the connection closed in the middle of a frame's headers.");
                }

                return null;
            }
        }
    }

    /// <returns>False at the end of the stream.</returns>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the partial line at the front so the next read appends to it.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }
}
