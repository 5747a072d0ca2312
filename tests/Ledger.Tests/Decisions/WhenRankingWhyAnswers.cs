using Bogus;
using Ledger.Projections.Decisions;
using Ledger.Queries;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>
/// `why` matches on everything said about a decision but ranks on what names it (titles, scope, curated rationale),
/// then on how much history it has: a word a reviewer repeats many times does not outrank the decision about it.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenRankingWhyAnswers(LedgerDatabase db)
{
    private static readonly Faker Fake = new() { Random = new Randomizer(7) };

    private static DecisionRationale Decision(string id, string title, string[] scope, int historyEntries, IEnumerable<string> said) => new()
    {
        Id = id,
        Title = title,
        Scope = scope,
        History = Enumerable.Range(0, historyEntries)
            .Select(i => new HistoryEntry(DateTimeOffset.Parse("2024-01-01T00:00:00Z").AddDays(i), Fake.Name.FullName(), $"m{i}.{id}@example.org",
                1, "objection", Fake.Lorem.Sentence(), "mail", "test"))
            .ToList(),
        Said = said.ToList(),
    };

    private async Task<List<string>> WhyAsync(string query, params DecisionRationale[] decisions)
    {
        await db.ResetAsync();
        await SearchIndex.EnsureAsync(db.Store, default);
        await using (var session = db.Store.LightweightSession())
        {
            session.Store(decisions);
            await session.SaveChangesAsync();
        }
        return (await WhyQuery.RunAsync(db.Store, query, new AsOf(null, null), 10, default)).Select(v => v.Id).ToList();
    }

    [Fact]
    public async Task a_decision_whose_title_names_the_words_ranks_above_one_whose_reviewers_repeat_them()
    {
        var named = Decision("D-named", "Keep the frobnicator out of stage-2", ["stage-2"], 1, [Fake.Lorem.Paragraph()]);
        var discussed = Decision("D-discussed", "Rework the interrupt path", ["vgic"], 1,
            Enumerable.Range(0, 20).Select(_ => $"{Fake.Lorem.Sentence()} the frobnicator again, the frobnicator. {Fake.Lorem.Sentence()}"));

        Assert.Equal(["D-named", "D-discussed"], await WhyAsync("frobnicator", discussed, named));
    }

    [Fact]
    public async Task among_decisions_that_only_discuss_the_words_the_one_with_more_history_comes_first()
    {
        var brief = Decision("D-brief", "Rework the interrupt path", ["vgic"], 2, ["the frobnicator is wrong here"]);
        var long_ = Decision("D-long", "Rework the timer path", ["timer"], 9, ["the frobnicator is wrong here"]);

        Assert.Equal(["D-long", "D-brief"], await WhyAsync("frobnicator", brief, long_));
    }

    [Fact]
    public async Task words_said_only_in_discussion_still_find_the_decision()
    {
        var only = Decision("D-only", "Rework the interrupt path", ["vgic"], 1, ["Please keep the frobnicator behind the lock"]);

        Assert.Equal(["D-only"], await WhyAsync("frobnicator lock", only));
    }
}
