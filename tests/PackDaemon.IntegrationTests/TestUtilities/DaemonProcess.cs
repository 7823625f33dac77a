using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// A real <c>packd-daemon</c> process with its own runtime folder: the published one when <c>PACKD_TEST_DAEMON</c> names
/// it (scripts/test.sh publishes it next to packd), else the one next to <c>PACKD_TEST_EXE</c>, else the build's copy.
/// Killed on dispose if it is still running.
/// </summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private DaemonProcess(Process process, string runtimeDirectory)
    {
        Process = process;
        RuntimeDirectory = runtimeDirectory;
    }

    public static string Executable
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PACKD_TEST_DAEMON") is { Length: > 0 } daemon)
            {
                return daemon;
            }

            if (Environment.GetEnvironmentVariable("PACKD_TEST_EXE") is { Length: > 0 } packd
                && Path.Combine(Path.GetDirectoryName(packd)!, "packd-daemon") is var sibling && File.Exists(sibling))
            {
                return sibling;
            }

            return Path.Combine(AppContext.BaseDirectory, "packd-daemon");
        }
    }

    public Process Process { get; }

    public string RuntimeDirectory { get; }

    public string SocketPath => Path.Combine(RuntimeDirectory, "packd.sock");

    public string InfoPath => Path.Combine(RuntimeDirectory, "daemon.json");

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static DaemonProcess Start(string runtimeDirectory, params string[] arguments)
        => Start(runtimeDirectory, new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Extra variables for the daemon (a null value removes one), as the CLI that spawns it
    /// would pass on its own environment.</param>
    public static DaemonProcess Start(string runtimeDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PACKD_RUNTIME_DIR"] = runtimeDirectory;
        info.Environment.Remove("PACKD_IDLE_TIMEOUT");
        info.Environment.Remove("PACKD_KEEP_ALIVE");
        // Same as Packd.RunAsync: artifacts are compared with clean in-process builds, which run without it.
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var daemon = new DaemonProcess(process, runtimeDirectory);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Waits until daemon.json names this process and its socket accepts a connection.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"packd-daemon exited with {Process.ExitCode} before it was ready:\n{Output}");
            }

            if (ReadInfoPid() == Process.Id && await CanConnectAsync(cancellationToken))
            {
                return;
            }

            // Polling a file with a deadline: the daemon offers no other signal that daemon.json is written.
            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await Process.WaitForExitAsync(cancellationToken);
        return Process.ExitCode;
    }

    public int? ReadInfoPid()
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(InfoPath));
            return doc.RootElement.GetProperty("pid").GetInt32();
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task<RpcTestClient> ConnectAsync(CancellationToken cancellationToken)
        => await RpcTestClient.ConnectAsync(SocketPath, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
