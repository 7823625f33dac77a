using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Connections;
using PackDaemon.Daemon.Lifetime;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Daemon.Workspaces;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Hosting;

/// <summary>Composes the generic host around resources acquired before it (runtime folder, lock, socket), so that
/// their failures are exit codes and the host only ever runs as the one daemon of this user.</summary>
internal static class DaemonHostFactory
{
    public static IHost Build(DaemonOptions options, RuntimeDirectory directory, DaemonIdentity identity, InstanceLock instanceLock, DaemonSocket socket)
    {
        // No appsettings, environment configuration or content root probing: the daemon's behaviour is its options.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "packd-daemon",
            ContentRootPath = directory.Path,
        });

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (options.Detach)
        {
            builder.Logging.AddProvider(new RollingFileLoggerProvider(directory.LogPath, Detacher.RedirectOutputTo));
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        var services = builder.Services;
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>();
        services.AddSingleton(options);
        services.AddSingleton(directory);
        services.AddSingleton(identity);
        services.AddSingleton(instanceLock);
        services.AddSingleton(socket);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DaemonLifetime>();
        services.AddSingleton<ConnectionTracker>();
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<MemoryTrimmer>();
        services.AddSingleton(sp => new IdleClock(sp.GetRequiredService<TimeProvider>(), options.IdleTimeout));
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var registry = new WorkspaceRegistry(time, options.KeepAlive, root => new Workspace(WorkspaceOptions.Default(root), time));
            registry.Added += sp.GetRequiredService<NotificationHub>().Attach;
            registry.Added += sp.GetRequiredService<MemoryTrimmer>().Attach;
            return registry;
        });
        services.AddSingleton(sp => new DaemonContext(
            identity,
            sp.GetRequiredService<DaemonLifetime>(),
            sp.GetRequiredService<WorkspaceRegistry>(),
            sp.GetRequiredService<ConnectionTracker>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));

        // Started in this order and stopped in reverse: daemon.json appears only once the listener runs.
        services.AddHostedService<ConnectionListener>();
        services.AddHostedService<DaemonInfoPublisher>();
        services.AddHostedService<IdleMonitor>();
        services.AddHostedService<Watchdog>();
        return builder.Build();
    }
}
