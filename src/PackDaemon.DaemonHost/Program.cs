using PackDaemon.Daemon.Hosting;

var options = DaemonCommandLine.Parse(args, Environment.GetEnvironmentVariable, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync(string.IsNullOrEmpty(error) ? DaemonCommandLine.Usage : $"packd-daemon: {error}\n{DaemonCommandLine.Usage}");
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

return await DaemonApplication.RunAsync(options);
