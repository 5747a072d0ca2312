using JasperFx;
using JasperFx.Events;
using Ledger.Core.Archive;
using Marten;

namespace Ledger.Database;

/// <summary>The Marten setup every entry point shares: own schema, string stream keys, the event types and projections.</summary>
public static class LedgerStore
{
    public const string Schema = "ledger";

    public static void Configure(StoreOptions opts, string connectionString)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.AddEventType<MessageArchived>();
        opts.Events.AddEventType<MessageCopyReceived>();
        opts.Events.AddEventType<MessageQuarantined>();
        opts.Schema.For<ImportCheckpoint>().Identity(x => x.Id);
        LedgerProjections.Register(opts);
    }

    public static DocumentStore Open(string connectionString) => DocumentStore.For(opts => Configure(opts, connectionString));
}

/// <summary>How far an incremental source (a git epoch) has been read.</summary>
public sealed class ImportCheckpoint
{
    public string Id { get; set; } = "";
    public string Commit { get; set; } = "";
}
