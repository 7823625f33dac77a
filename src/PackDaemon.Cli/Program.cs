using PackDaemon.Cli;

return await PackdCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
