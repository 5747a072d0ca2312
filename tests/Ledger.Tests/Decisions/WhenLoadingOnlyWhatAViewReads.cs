using System.Text.Json;
using Ledger.Projections.Decisions;
using Ledger.Queries;
using Ledger.Tests.Infrastructure;
using Marten;

namespace Ledger.Tests.Decisions;

/// <summary>`why` and `history` load a decision without the revisions a view does not show: the view must not change.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenLoadingOnlyWhatAViewReads(LedgerDatabase db)
{
    private static readonly AsOf[] Moments =
    [
        new(null, null), new(null, 1), new(null, 6), new(null, 8),
        new(DateTimeOffset.Parse("2023-10-05T23:59:59Z"), null), new(DateTimeOffset.Parse("2024-02-10T23:59:59.9999999Z"), null),
        new(DateTimeOffset.Parse("2024-02-21T12:00:00+02:00"), 7), new(DateTimeOffset.Parse("2000-01-01T00:00:00Z"), null),
    ];

    [Fact]
    public async Task every_view_of_the_vfio_decision_is_the_same_as_from_the_whole_document()
    {
        await db.ImportedVfioThread();
        await using var session = db.Store.QuerySession();
        var whole = await session.Query<DecisionRationale>().ToListAsync();
        Assert.NotEmpty(whole);
        Assert.Contains(whole, d => d.Revisions.Count > 1);
        foreach (var asOf in Moments)
        {
            var trimmed = (await DecisionsAsOf.LoadAsync(session, whole.Select(d => d.Id).ToList(), asOf, default)).ToDictionary(d => d.Id);
            foreach (var doc in whole)
                foreach (var topic in new string?[] { null, "vfio-platform", "VM_ALLOW_ANY_UNCACHED" })
                    Assert.Equal(Json(DecisionView.Of(doc, asOf, topic)), Json(DecisionView.Of(trimmed[doc.Id], asOf, topic)));
        }
    }

    private static string Json(DecisionView? view) => JsonSerializer.Serialize(view);
}
