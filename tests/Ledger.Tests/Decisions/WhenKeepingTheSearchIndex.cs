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
