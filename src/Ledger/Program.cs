return await Ledger.Cli.LedgerCli.RunAsync(args);
