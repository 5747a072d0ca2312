using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Cli;

public static class Formats
{
    public static Option<string> Option(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = "Output format: " + string.Join("|", allowed), DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
