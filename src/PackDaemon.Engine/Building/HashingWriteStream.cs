using System.Security.Cryptography;

namespace PackDaemon.Engine.Building;

/// <summary>
/// A write-only pass-through that hashes and counts what goes by, so an artifact is streamed once, straight into its
/// temp file, and its SHA-256 and size come for free (no second read, no in-memory copy of a 30 MB wheel).
/// </summary>
/// <remarks>
/// Resumed from a <see cref="HashCheckpoint"/>, it starts from that hash state and leaves the bytes before the
/// checkpoint's offset unhashed: the writer still writes them (the new file needs them) but they are the same bytes
/// the checkpoint already took in. <see cref="Mark"/> records new checkpoints at item boundaries as the write goes.
/// </remarks>
internal sealed class HashingWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private readonly long _hashFrom;
    private readonly HashCheckpoints? _memo;
    private readonly IReadOnlyList<UInt128> _keys;
    private readonly List<HashCheckpoint> _checkpoints = [];
    private long _length;

    public HashingWriteStream(Stream inner)
        : this(inner, null, [])
    {
    }

    /// <param name="inner">Where the bytes go.</param>
    /// <param name="memo">The checkpoints of the last artifact of this kind: resumed from when a prefix matches, and
    /// replaced by <see cref="Complete"/>.</param>
    /// <param name="keys">One key per item boundary (<see cref="HashCheckpoints"/>), as <see cref="Mark"/> will be called.</param>
    public HashingWriteStream(Stream inner, HashCheckpoints? memo, IReadOnlyList<UInt128> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _inner = inner;
        _memo = memo;
        _keys = keys;
        var resume = memo?.FindResumePoint(keys);
        _hash = resume?.Hash.Clone() ?? IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hashFrom = resume?.Offset ?? 0;
        if (resume is not null)
        {
            // The checkpoints up to the resume point describe this artifact's prefix too.
            _checkpoints.AddRange(memo!.Checkpoints.Where(c => c.Boundary <= resume.Boundary));
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes actually hashed by this stream (the rest came from the resume point).</summary>
    public long HashedBytes => _length - Math.Min(_length, _hashFrom);

    /// <summary>Returns the SHA-256 of everything written, and hands this artifact's checkpoints to the memo for the
    /// next build (only now: an artifact that failed half-way leaves the memo as it was).</summary>
    public string Complete()
    {
        string digest = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _memo?.Replace(_checkpoints);
        return digest;
    }

    /// <summary>Records the hash state here, before item <paramref name="boundary"/>, when the last checkpoint is at
    /// least the memo's spacing back. Without a memo it does nothing.</summary>
    public void Mark(int boundary)
    {
        if (_memo is null || _length < _hashFrom || (_checkpoints.Count > 0 && _length - _checkpoints[^1].Offset < _memo.Spacing))
        {
            return;
        }

        _checkpoints.Add(new HashCheckpoint(boundary, _length, _keys[boundary], _hash.Clone()));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        long skip = _hashFrom - _length;
        if (skip <= 0)
        {
            _hash.AppendData(buffer);
        }
        else if (skip < buffer.Length)
        {
            _hash.AppendData(buffer[(int)skip..]);
        }

        _inner.Write(buffer);
        _length += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
