using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL database for the whole test run: $LEDGER_DB when set, else the same private cluster the CLI
/// starts (under .ledger/test in the checkout). Tests share its schema and reset the data before each test.
/// </summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    public const string TestDatabase = "ledger_test";
    public string ConnectionString { get; private set; } = "";
    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("LEDGER_DB");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var home = Path.Combine(Importing.Sources.CorpusPaths.Root, ".ledger", "test");
            ConnectionString = await new PrivateCluster(home, TestDatabase).EnsureRunningAsync();
        }
        else ConnectionString = configured;
        Store = LedgerStore.Open(ConnectionString);
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Every test starts from an empty ledger.</summary>
    public async Task ResetAsync()
    {
        await Store.Advanced.ResetAllData();
        // Derived tables outside Marten's documents (the importer's header index, the search rows) go with the data they derive from.
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            do $$ begin
              if to_regclass('{LedgerStore.Schema}.mail_headers') is not null then truncate {LedgerStore.Schema}.mail_headers; end if;
              if to_regclass('{LedgerStore.Schema}.decision_search') is not null then truncate {LedgerStore.Schema}.decision_search; end if;
            end $$
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LedgerDatabaseCollection : ICollectionFixture<LedgerDatabase>
{
    public const string Name = "ledger database";
}
