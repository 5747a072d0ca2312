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
        // Detected decisions ride in their lineage's stream; only recorded ones have a stream of their own. The decision
        // documents count both (the table exists once anything was projected).
        await using (var exists = new NpgsqlCommand($"select to_regclass('{schema}.mt_doc_decisionrationale') is not null", conn))
            if (await exists.ExecuteScalarAsync(ct) is not true)
                return await CountAsync(schema, conn, "0", ct);
        return await CountAsync(schema, conn, $"(select count(*) from {schema}.mt_doc_decisionrationale)", ct);
    }

    private static async Task<Stats> CountAsync(string schema, NpgsqlConnection conn, string decisions, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select count(*) filter (where id like 'msg:%'), count(*) filter (where id like 'quarantine:%'),
                   (select count(*) from {schema}.mt_events), count(*) filter (where id like 'lineage:%'),
                   {decisions}::bigint
            from {schema}.mt_streams
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Stats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
