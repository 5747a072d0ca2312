using Marten;

namespace Ledger.Database;

public static class LedgerProjections
{
    public static void Register(StoreOptions opts)
    {
    }
}
