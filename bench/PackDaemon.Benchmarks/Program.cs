using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PackDaemon.Benchmarks.CompressionBenchmarks).Assembly).Run(args);
