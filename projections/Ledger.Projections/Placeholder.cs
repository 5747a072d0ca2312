namespace Ledger.Projections; internal static class Placeholder { }
