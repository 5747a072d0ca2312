using Marten;

namespace Ledger.Reviewing;

public static class ReviewIndexer
{
    public static Task UnderstandAsync(IDocumentStore store, IReadOnlyCollection<string> newMessageIds, TextWriter log, CancellationToken ct) => Task.CompletedTask;
}
