using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Daemon.Logging;

/// <summary>
/// The detached daemon's log: daemon.log in the runtime folder, moved to daemon.log.1 when it reaches
/// <see cref="MaxBytes"/>, so a daemon that runs for weeks keeps at most two small files. Lines are written
/// synchronously under a lock: the daemon logs little, and a line must be on disk before a crash can lose it.
/// </summary>
internal sealed class RollingFileLoggerProvider : ILoggerProvider
{
    public const long MaxBytes = 1024 * 1024;

    private readonly string _path;
    private readonly Action<SafeFileHandle>? _afterOpen;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, RollingFileLogger> _loggers = new(StringComparer.Ordinal);
    private FileStream? _stream;

    /// <param name="afterOpen">Called with each newly opened file, so stdout and stderr can follow the rotation.</param>
    public RollingFileLoggerProvider(string path, Action<SafeFileHandle>? afterOpen = null)
    {
        _path = path;
        _afterOpen = afterOpen;
        Open();
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new RollingFileLogger(this, name));

    internal void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        var line = new StringBuilder()
            .Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(level))
            .Append(' ').Append(category).Append('[').Append(eventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
            .Append(message);
        if (exception is not null)
        {
            line.Append('\n').Append(exception);
        }

        var bytes = Encoding.UTF8.GetBytes(line.Append('\n').ToString());
        lock (_gate)
        {
            if (_stream is null)
            {
                return;
            }

            if (_stream.Length + bytes.Length > MaxBytes && _stream.Length > 0)
            {
                Rotate();
            }

            _stream.Write(bytes);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private void Rotate()
    {
        _stream?.Dispose();
        File.Move(_path, _path + ".1", overwrite: true);
        Open();
    }

    private void Open()
    {
        _stream = new FileStream(_path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _afterOpen?.Invoke(_stream.SafeFileHandle);
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "crit",
    };
}
