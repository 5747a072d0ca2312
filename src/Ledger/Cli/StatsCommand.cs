using System.CommandLine;
using System.Text.Json;
using Ledger.Database;
using Npgsql;

namespace Ledger.Cli;

public static class StatsCommand
{
    public static Command Create()
    {
        var format = Formats.Option("text", "json");
        var command = new Command("stats", "Counts: distinct messages, quarantined, events") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LedgerSession.OpenAsync(parse);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var stats = await ReadAsync(store.Options.Events.DatabaseSchemaName, store.Storage.Database.CreateConnection(), ct);
            if (parse.GetValue(format) == "json") Console.WriteLine(JsonSerializer.Serialize(stats, Json.Options));
            else Console.WriteLine($"messages: {stats.Messages}\nquarantined: {stats.Quarantined}\nevents: {stats.Events}\nlineages: {stats.Lineages}\ndecisions: {stats.Decisions}");
            return 0;
        });
        return command;
    }

    public sealed record Stats(long Messages, long Quarantined, long Events, long Lineages, long Decisions);

    public static async Task<Stats> ReadAsync(string schema, NpgsqlConnection conn, CancellationToken ct)
    {
        await using var _ = conn;
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select count(*) filter (where id like 'msg:%'), count(*) filter (where id like 'quarantine:%'),
                   (select count(*) from {schema}.mt_events), count(*) filter (where id like 'lineage:%'),
                   count(*) filter (where id like 'D-%')
            from {schema}.mt_streams
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Stats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
