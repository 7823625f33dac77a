using PackDaemon.Cli;

return PackdCommandLine.Run(args, Console.Out, Console.Error);
