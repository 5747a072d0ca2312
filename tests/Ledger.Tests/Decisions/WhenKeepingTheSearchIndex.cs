using System.Diagnostics;
using System.Text.Json;
using Bogus;
using Ledger.Projecting;
using Ledger.Projections.Decisions;
using Ledger.Queries;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>
/// The search rows follow the decision documents: a document written with new text gets new vectors, one written again
/// with the same text keeps its row untouched (what makes a rebuild cheap), a deleted one loses its row, and a rebuild
/// leaves no row without a document.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenKeepingTheSearchIndex(LedgerDatabase db)
{
    private static readonly Faker Fake = new() { Random = new Randomizer(11) };

    private static DecisionRationale Decision(string id, string title) => new()
    {
        Id = id,
        Title = title,
        Scope = [Fake.Hacker.Noun()],
        // `why` shows only decisions with something in their history.
        History = [new HistoryEntry(DateTimeOffset.Parse("2024-01-01T00:00:00Z"), Fake.Name.FullName(), $"m.{id}@example.org", 1, "objection", Fake.Lorem.Sentence(), "mail", "test")],
        Said = [Fake.Lorem.Paragraph()],
    };

    private async Task StoreAsync(params DecisionRationale[] decisions)
    {
        await using var session = db.Store.LightweightSession();
        session.Store(decisions);
        await session.SaveChangesAsync();
    }

    private async Task<List<string>> WhyAsync(string query) =>
        (await WhyQuery.RunAsync(db.Store, query, new AsOf(null, null), 10, default)).Select(v => v.Id).ToList();

    // xmin changes whenever PostgreSQL writes the row again.
    private Task<long> RowVersionAsync(string id) => db.ScalarAsync($"select xmin::text::bigint from ledger.decision_search where id = '{id}'");

    [Fact]
    public async Task new_text_gets_new_vectors_and_the_same_text_keeps_its_row()
    {
        await db.ResetAsync();
        await SearchIndex.EnsureAsync(db.Store, default);
        await StoreAsync(Decision("D-1", "Keep the frobnicator out of stage-2"), Decision("D-2", "Rework the interrupt path"));
        Assert.Equal(["D-1"], await WhyAsync("frobnicator"));
        var written = await RowVersionAsync("D-2");

        var d2 = (await db.Store.QuerySession().LoadAsync<DecisionRationale>("D-2"))!;
        await StoreAsync(d2);
        Assert.Equal(written, await RowVersionAsync("D-2"));

        d2.Title = "Route the frobnicator through the GIC";
        await StoreAsync(d2);
        Assert.NotEqual(written, await RowVersionAsync("D-2"));
        Assert.Equal(["D-1", "D-2"], (await WhyAsync("frobnicator")).Order().ToList());
        Assert.Equal(["D-2"], await WhyAsync("GIC"));
    }

    /// <summary>A ledger made by the previous release: search rows without a hash, kept by a per-row trigger whose row function returns the table's type.</summary>
    [Fact]
    public async Task a_ledger_with_the_older_search_table_is_migrated_on_first_use()
    {
        await db.ImportedVfioThread();
        await db.ScalarAsync("""
            drop trigger decision_search_inserted on ledger.mt_doc_decisionrationale;
            drop trigger decision_search_updated on ledger.mt_doc_decisionrationale;
            drop trigger decision_search_deleted on ledger.mt_doc_decisionrationale;
            drop table ledger.decision_search;
            create table ledger.decision_search (id varchar primary key, search tsvector not null, head tsvector not null, weight real not null);
            create function ledger.decision_search_row(id varchar, data jsonb) returns ledger.decision_search language sql immutable as $$
              select id, to_tsvector('english', coalesce(data ->> 'SearchText', '')), to_tsvector('english', coalesce(data ->> 'Title', '')), 0::real $$;
            create function ledger.decision_search_sync() returns trigger language plpgsql as $$
            begin
              if tg_op = 'DELETE' then delete from ledger.decision_search where id = old.id; return old; end if;
              insert into ledger.decision_search select * from ledger.decision_search_row(new.id, new.data)
                on conflict (id) do update set search = excluded.search, head = excluded.head, weight = excluded.weight;
              return new;
            end $$;
            create trigger decision_search_sync after insert or update or delete on ledger.mt_doc_decisionrationale
              for each row execute function ledger.decision_search_sync();
            select 1
            """);

        // A new process, as after an upgrade: its first use of the index migrates the table and fills it from the documents.
        var (exit, output) = await LedgerProcessAsync("why", "vfio-platform", "--format", "json");
        Assert.True(exit == 0, output);
        Assert.True(JsonDocument.Parse(output).RootElement.GetArrayLength() > 0, output);
        Assert.Equal(await db.ScalarAsync("select count(*) from ledger.mt_doc_decisionrationale"),
            await db.ScalarAsync("select count(*) from ledger.decision_search where hash is not null"));
        Assert.Equal(0, await db.ScalarAsync("select count(*) from pg_trigger where tgname = 'decision_search_sync'"));
        Assert.Equal(3, await db.ScalarAsync("select count(*) from pg_trigger where tgname like 'decision_search_%'"));
    }

    private async Task<(int Exit, string Output)> LedgerProcessAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ledger.dll"), "--db", db.ConnectionString }.Concat(args)) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task a_deleted_decision_loses_its_row_and_a_rebuild_leaves_none_without_a_document()
    {
        await db.ResetAsync();
        await SearchIndex.EnsureAsync(db.Store, default);
        await StoreAsync(Decision("D-1", "Keep the frobnicator out of stage-2"), Decision("D-2", "Rework the interrupt path"));
        await using (var session = db.Store.LightweightSession())
        {
            session.Delete<DecisionRationale>("D-1");
            await session.SaveChangesAsync();
        }
        Assert.Equal(0, await db.ScalarAsync("select count(*) from ledger.decision_search where id = 'D-1'"));

        // A row left behind by documents removed without a delete (a truncate) is dropped by the rebuild.
        await db.ScalarAsync("insert into ledger.decision_search select 'D-gone', search, head, weight, hash from ledger.decision_search where id = 'D-2' returning 1");
        await ProjectionRebuild.RunAsync(db.Store, default);
        Assert.Equal(0, await db.ScalarAsync("select count(*) from ledger.decision_search s where not exists (select 1 from ledger.mt_doc_decisionrationale d where d.id = s.id)"));
    }
}
