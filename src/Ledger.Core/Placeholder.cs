namespace Ledger.Core; internal static class Placeholder { }
