using System.IO.Hashing;
using System.Security.Cryptography;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>The index file's layout: magic, version, pack id and length, requests, files, blobs, published artifacts,
/// then a SHA-256 of all of it. Integers little-endian, strings length-prefixed UTF-8 (BinaryWriter).</summary>
internal sealed partial class CacheStore
{
    private void Write(CacheSnapshot snapshot, Stream output)
    {
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(s_indexMagic);
            w.Write(FormatVersion);
            w.Write(_packId);
            w.Write(_packLength);
            WriteRequest(w, snapshot.PublishedFor);
            WriteRequest(w, snapshot.PreparedFor);

            w.Write(snapshot.Files.Count);
            foreach (var file in snapshot.Files)
            {
                w.Write(file.Path);
                WriteStamp(w, file.Stamp);
                WriteSha(w, file.Sha256);
                w.Write(file.Racy);
                WriteFindings(w, file.Findings);
                w.Write(file.Segment is not null && file.SegmentFor is not null);
                if (file.Segment is { } segment && file.SegmentFor is { } key)
                {
                    w.Write(key.MemberPath);
                    w.Write(key.Executable);
                    w.Write(key.TarMtime);
                    WriteSha(w, key.Content);
                    WriteRecord(w, _packed[segment]);
                    w.Write(segment.Crc32);
                    w.Write(segment.TarLength);
                }
            }

            w.Write(snapshot.Blobs.Count);
            foreach (var (key, blob) in snapshot.Blobs)
            {
                WriteSha(w, key.Content);
                w.Write(key.PrecompressedName);
                w.Write((byte)key.Rewrite);
                w.Write(blob.Crc32);
                w.Write(blob.UncompressedSize);
                w.Write((ushort)blob.Method);
                WriteRecord(w, _packed[blob]);
            }

            w.Write(snapshot.Published.Count);
            foreach (var published in snapshot.Published)
            {
                w.Write(published.Path);
                WriteStamp(w, published.Stamp);
                WriteSha(w, published.Digest!.Value);
                w.Write(published.Info.Kind);
                w.Write(published.Info.Size);
                w.Write(published.Info.Entries);
                w.Write(published.Info.Sha256);
            }
        }

        output.Write(body.GetBuffer(), 0, (int)body.Length);
        output.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
    }

    private string Read(byte[] index, byte[] pack, BuildState state)
    {
        if (index.Length < s_indexMagic.Length + 4 + 32 || !index.AsSpan(0, s_indexMagic.Length).SequenceEqual(s_indexMagic))
        {
            return "discarded: not a packd cache index";
        }

        var body = index.AsSpan(0, index.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(index.AsSpan(index.Length - 32)))
        {
            return "discarded: index checksum mismatch";
        }

        using var r = new BinaryReader(new MemoryStream(index, 0, index.Length - 32, writable: false));
        r.ReadBytes(s_indexMagic.Length);
        if (r.ReadInt32() != FormatVersion)
        {
            return "discarded: another cache format version";
        }

        byte[] packId = r.ReadBytes(16);
        long packLength = r.ReadInt64();
        if (pack.Length < packLength || packLength < PackHeaderLength
            || !pack.AsSpan(0, s_packMagic.Length).SequenceEqual(s_packMagic)
            || !pack.AsSpan(s_packMagic.Length, 16).SequenceEqual(packId))
        {
            return "discarded: the blob pack does not match the index";
        }

        var packed = new Dictionary<object, PackRecord>(ReferenceEqualityComparer.Instance);
        ReadOnlyMemory<byte> Slice(PackRecord record)
        {
            if (record.Offset < PackHeaderLength || record.Length < 0 || record.Offset + record.Length > packLength)
            {
                throw new InvalidDataException("a cache record lies outside the blob pack");
            }

            var bytes = new ReadOnlyMemory<byte>(pack, (int)record.Offset, record.Length);
            if (XxHash3.HashToUInt64(bytes.Span) != record.Check)
            {
                throw new InvalidDataException("a cached blob does not hash as recorded");
            }

            return bytes;
        }

        state.PublishedFor = ReadRequest(r);
        state.PreparedFor = ReadRequest(r);
        int files = r.ReadInt32();
        for (int i = 0; i < files; i++)
        {
            string path = r.ReadString();
            var file = new IndexedFile(ReadStamp(r), ReadSha(r)) { Racy = r.ReadBoolean(), Findings = ReadFindings(r) };
            if (r.ReadBoolean())
            {
                var key = new SegmentKey(r.ReadString(), r.ReadBoolean(), r.ReadInt64(), ReadSha(r));
                var record = ReadRecord(r);
                var segment = new SdistSegment(Slice(record), r.ReadUInt32(), r.ReadInt64());
                packed[segment] = record;
                file.Segment = segment;
                file.SegmentFor = key;
            }

            state.Files[path] = file;
            if (file.Findings is { Count: > 0 })
            {
                state.FilesWithFindings.Add(path);
            }
        }

        int blobs = r.ReadInt32();
        for (int i = 0; i < blobs; i++)
        {
            var key = new BlobKey(ReadSha(r), r.ReadBoolean(), (Packaging.Scripts.ScriptRewrite)r.ReadByte());
            uint crc = r.ReadUInt32();
            long size = r.ReadInt64();
            var method = (ZipCompression)r.ReadUInt16();
            var record = ReadRecord(r);
            var blob = new CompressedBlob(crc, size, key.Content.ToArray(), Slice(record), method);
            packed[blob] = record;
            state.Blobs[key] = blob;
        }

        int published = r.ReadInt32();
        for (int i = 0; i < published; i++)
        {
            string path = r.ReadString();
            var stamp = ReadStamp(r);
            var digest = ReadSha(r);
            var info = new ArtifactInfo(r.ReadString(), path, r.ReadInt64(), r.ReadInt32(), r.ReadString(), 0);
            state.Published[info.Kind] = new PublishedArtifact(path, stamp, digest, null, info);
        }

        if (r.BaseStream.Position != r.BaseStream.Length)
        {
            return "discarded: trailing bytes in the index";
        }

        foreach (var (owner, record) in packed)
        {
            _packed[owner] = record;
        }

        _packId = packId;
        _packLength = packLength;
        return "loaded";
    }

    private static void WriteRequest(BinaryWriter w, BuildRequest? request)
    {
        w.Write(request is not null);
        if (request is not null)
        {
            w.Write(request.ProjectRoot);
            w.Write(request.OutputDirectory);
            w.Write(request.Wheel);
            w.Write(request.Sdist);
            w.Write(request.WriteArtifacts);
            w.Write(request.SourceDateEpoch is not null);
            w.Write(request.SourceDateEpoch ?? string.Empty);
        }
    }

    private static BuildRequest? ReadRequest(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        var request = new BuildRequest(r.ReadString(), r.ReadString(), r.ReadBoolean(), r.ReadBoolean(), r.ReadBoolean(), null);
        bool hasEpoch = r.ReadBoolean();
        string epoch = r.ReadString();
        return request with { SourceDateEpoch = hasEpoch ? epoch : null };
    }

    private static void WriteStamp(BinaryWriter w, FileStamp stamp)
    {
        w.Write(stamp.Size);
        w.Write(stamp.MtimeNs);
        w.Write(stamp.Inode);
        w.Write(stamp.Executable);
        w.Write(stamp.CtimeNs);
    }

    private static FileStamp ReadStamp(BinaryReader r) => new(r.ReadInt64(), r.ReadInt64(), r.ReadUInt64(), r.ReadBoolean(), r.ReadInt64());

    private static void WriteSha(BinaryWriter w, Sha256Value sha)
    {
        Span<byte> bytes = stackalloc byte[32];
        sha.WriteTo(bytes);
        w.Write(bytes);
    }

    private static Sha256Value ReadSha(BinaryReader r)
    {
        Span<byte> bytes = stackalloc byte[32];
        r.BaseStream.ReadExactly(bytes);
        return Sha256Value.From(bytes);
    }

    private static void WriteRecord(BinaryWriter w, PackRecord record)
    {
        w.Write(record.Offset);
        w.Write(record.Length);
        w.Write(record.Check);
    }

    private static PackRecord ReadRecord(BinaryReader r) => new(r.ReadInt64(), r.ReadInt32(), r.ReadUInt64());

    private static void WriteFindings(BinaryWriter w, IReadOnlyList<SecretFinding>? findings)
    {
        w.Write(findings?.Count ?? -1);
        foreach (var finding in findings ?? [])
        {
            w.Write(finding.File);
            w.Write(finding.Line);
            w.Write(finding.Rule);
            w.Write(finding.Detail);
            w.Write(finding.IsSecret);
            w.Write(finding.Column);
        }
    }

    private static List<SecretFinding>? ReadFindings(BinaryReader r)
    {
        int count = r.ReadInt32();
        if (count < 0)
        {
            return null;
        }

        var findings = new List<SecretFinding>(Math.Min(count, 1024));
        for (int i = 0; i < count; i++)
        {
            findings.Add(new SecretFinding(r.ReadString(), r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadBoolean()) { Column = r.ReadInt32() });
        }

        return findings;
    }
}
