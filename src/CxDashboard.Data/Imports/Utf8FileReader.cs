using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Reads a file as strict UTF-8 text for the CSV reader: a byte that is not UTF-8 stops the read with its
/// position and line (a file saved as Windows-1252 would otherwise turn "é" into "�" unnoticed), a UTF-8 byte
/// order mark is skipped, and the SHA-256 of the bytes is computed on the way.
/// </summary>
internal sealed class Utf8FileReader : TextReader
{
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] s_byteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly CancellationToken _cancellationToken;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _bytes = new byte[BufferSize];
    private readonly char[] _chars = new char[BufferSize];
    private int _byteStart;
    private int _byteEnd;
    private int _charPos;
    private int _charEnd;
    private bool _endOfStream;
    private bool _startChecked;
    private long _bytesDecoded;
    private int _linesDecoded;

    /// <param name="stream">The file, read from its current position.</param>
    /// <param name="prefix">Bytes already taken from the front of <paramref name="stream"/> (to tell CSV from XLSX), read first.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public Utf8FileReader(Stream stream, ReadOnlySpan<byte> prefix, CancellationToken cancellationToken)
    {
        _stream = stream;
        _cancellationToken = cancellationToken;
        prefix.CopyTo(_bytes);
        _byteEnd = prefix.Length;
        BytesRead = prefix.Length;
        _hash.AppendData(prefix);
        Length = stream.CanSeek ? stream.Length - stream.Position + prefix.Length : 0;
    }

    /// <summary>Bytes taken from the file so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The file's size when the stream knows it; 0 otherwise.</summary>
    public long Length { get; }

    /// <summary>SHA-256 of the bytes read so far, hex; once the whole file is read, the file's.</summary>
    public string Hash() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>True when the file holds nothing but a byte order mark and white space (read ahead as far as needed).</summary>
    public async Task<bool> IsBlankAsync()
    {
        while (true)
        {
            if (_charPos == _charEnd && !await FillAsync(sync: false)) return true;
            if (!_chars.AsSpan(_charPos, _charEnd - _charPos).IsWhiteSpace()) return false;
            _charPos = _charEnd;
        }
    }

    public override int Peek() => _charPos < _charEnd || FillSync() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charEnd || FillSync() ? _chars[_charPos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_charPos == _charEnd && !FillSync()) return 0;
        return Take(buffer);
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (_charPos == _charEnd && !await FillAsync(sync: false)) return 0;
        return Take(buffer.Span);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }

    // With sync: true every read on the way is synchronous, so the task is complete when it comes back.
    private bool FillSync() => FillAsync(sync: true).AsTask().GetAwaiter().GetResult();

    private int Take(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _charEnd - _charPos);
        _chars.AsSpan(_charPos, count).CopyTo(buffer);
        _charPos += count;
        return count;
    }

    /// <summary>Decodes the next characters; false at the end of the file.</summary>
    private async ValueTask<bool> FillAsync(bool sync)
    {
        while (true)
        {
            if (_byteStart == _byteEnd && _endOfStream) return false;
            if (!_endOfStream && (_byteEnd - _byteStart < 4 || _byteStart == _byteEnd || !_startChecked))
                await ReadBytesAsync(sync);
            if (!_startChecked)
            {
                if (_byteEnd - _byteStart < s_byteOrderMark.Length && !_endOfStream) continue;
                _startChecked = true;
                if (_bytes.AsSpan(_byteStart, _byteEnd - _byteStart).StartsWith(s_byteOrderMark))
                {
                    _byteStart += s_byteOrderMark.Length;
                    _bytesDecoded += s_byteOrderMark.Length;
                }
            }

            var bytes = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
            var status = Utf8.ToUtf16(bytes, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            if (status == OperationStatus.InvalidData)
                throw NotUtf8(bytes, read);
            _linesDecoded += bytes[..read].Count((byte)'\n');
            _bytesDecoded += read;
            _byteStart += read;
            _charPos = 0;
            _charEnd = written;
            if (written > 0) return true;
            if (status == OperationStatus.NeedMoreData && _endOfStream) throw NotUtf8(bytes, read);
        }
    }

    private async ValueTask ReadBytesAsync(bool sync)
    {
        if (_byteStart > 0)
        {
            _bytes.AsSpan(_byteStart, _byteEnd - _byteStart).CopyTo(_bytes);
            _byteEnd -= _byteStart;
            _byteStart = 0;
        }

        var room = _bytes.AsMemory(_byteEnd);
        var count = sync ? _stream.Read(room.Span) : await _stream.ReadAsync(room, _cancellationToken);
        if (count == 0)
        {
            _endOfStream = true;
            return;
        }

        _hash.AppendData(_bytes, _byteEnd, count);
        _byteEnd += count;
        BytesRead += count;
    }

    private NotUtf8Exception NotUtf8(ReadOnlySpan<byte> bytes, int validBefore)
    {
        var line = _linesDecoded + bytes[..validBefore].Count((byte)'\n') + 1;
        var at = _bytesDecoded + validBefore;
        return new NotUtf8Exception(validBefore < bytes.Length ? bytes[validBefore] : null, at, line);
    }
}

/// <summary>The file is not UTF-8: the first byte that is not, where it is, and on which line.</summary>
internal sealed class NotUtf8Exception(byte? value, long offset, int line)
    : Exception($"Byte {offset} (line {line}) is not UTF-8.")
{
    /// <summary>The byte; null when the file ends in the middle of a character.</summary>
    public byte? Value { get; } = value;

    /// <summary>Its 0-based position in the file.</summary>
    public long Offset { get; } = offset;

    /// <summary>Its physical line, 1-based.</summary>
    public int Line { get; } = line;
}
