using System.CommandLine;
using System.Globalization;
using Ledger.Cli;

namespace Ledger.Queries;

/// <summary>`--as-of DATE` and `--version N`: answer as the discussion stood then, by the dates in the mail (not import time).</summary>
public sealed record AsOf(DateTimeOffset? Date, int? Version)
{
    public static readonly Option<string?> DateOption = new("--as-of") { Description = "Answer as the discussion stood on this date (the mail's dates, end of that day UTC)" };
    public static readonly Option<int?> VersionOption = new("--version") { Description = "Answer as of series version N" };

    public static AsOf From(ParseResult parse)
    {
        var text = parse.GetValue(DateOption);
        DateTimeOffset? date = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                throw new UserError($"--as-of '{text}' is not a date (use YYYY-MM-DD or an ISO 8601 time)");
            date = text.Length <= 10 ? d.UtcDateTime.Date.AddDays(1).AddTicks(-1) : d;
        }
        return new AsOf(date, parse.GetValue(VersionOption));
    }

    public bool Includes(DateTimeOffset when, int? version = null) =>
        (Date is null || when <= Date) && (Version is null || version is null || version <= Version);
}
