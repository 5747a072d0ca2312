using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Ledger.Database;
using Ledger.Deciding;
using Ledger.Projections.Decisions;
using Ledger.Queries;
using JasperFx;

namespace Ledger.Cli;

/// <summary>`ledger decide open|amend|link|unlink|accept|reject|supersede`: how a maintainer curates what detection missed or got wrong.</summary>
public static class DecideCommand
{
    private static readonly Option<string?> Person = new("--as") { Description = "Who decides (default: $LEDGER_USER, else git's user.name <user.email>, else the login name)", Recursive = true };
    private static readonly Option<long?> Expect = new("--expect-version") { Description = "Fail with a conflict if the decision changed since you looked at this version", Recursive = true };

    public static Command Create()
    {
        var decide = new Command("decide", "Record a decision, or curate a detected one (survives `ledger reindex`)") { Person, Expect };
        var id = new Argument<string>("decision") { Description = "Decision id (D-...) or a Message-ID/lore URL of its series" };
        var message = new Argument<string>("message-id");

        var title = new Option<string>("--title") { Required = true };
        var scope = new Option<string[]>("--scope") { AllowMultipleArgumentsPerToken = true, Description = "Entities, symbols, files" };
        var rationale = new Option<string>("--rationale") { Description = "The rationale text" };
        var open = new Command("open", "Open a new decision") { title, scope, rationale };
        open.SetStoreAction(async (parse, store, ct) =>
        {
            var at = DateTimeOffset.UtcNow;
            var newId = "D-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parse.GetValue(title) + at.ToString("O"))))[..10];
            await SendAsync(store.Options, new OpenDecision(newId, parse.GetValue(title)!, parse.GetValue(scope) ?? [], parse.GetValue(rationale) ?? "", Who(parse), at), ct);
            Console.WriteLine(newId);
            return 0;
        });

        var amendText = new Option<string>("--rationale") { Required = true };
        var amend = new Command("amend", "Replace the rationale text") { id, amendText };
        amend.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new AmendRationale(d, p.GetValue(amendText)!, Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));

        var note = new Option<string>("--note") { DefaultValueFactory = _ => "" };
        var link = new Command("link", "Link a message as evidence") { id, message, note };
        link.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new LinkEvidence(d, Lookup.MessageIdOf(p.GetValue(message)!), p.GetValue(note)!, Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));
        var unlink = new Command("unlink", "Unlink a message detection wrongly took as evidence") { id, message };
        unlink.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new UnlinkEvidence(d, Lookup.MessageIdOf(p.GetValue(message)!), Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));

        var accept = new Command("accept", "Mark the decision accepted") { id };
        accept.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new AcceptDecision(d, Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));
        var reason = new Option<string>("--reason") { Required = true };
        var reject = new Command("reject", "Mark the decision rejected") { id, reason };
        reject.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new RejectDecision(d, p.GetValue(reason)!, Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));
        var by = new Option<string>("--by") { Required = true, Description = "The decision that replaces it" };
        var supersede = new Command("supersede", "Mark the decision superseded by another") { id, by };
        supersede.SetStoreAction((p, s, ct) => Curate(p, s, id, d => new SupersedeDecision(d, p.GetValue(by)!, Who(p), DateTimeOffset.UtcNow, p.GetValue(Expect)), ct));

        foreach (var c in new[] { open, amend, link, unlink, accept, reject, supersede }) decide.Subcommands.Add(c);
        return decide;
    }

    private static async Task<int> Curate(ParseResult parse, Marten.DocumentStore store, Argument<string> id, Func<string, object> command, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var spec = parse.GetValue(id)!;
        var decision = await Lookup.TryDecisionAsync(session, spec, ct) ?? throw new UserError($"no decision '{spec}'.{await Lookup.SuggestAsync(session, spec, ct)}");
        await SendAsync(store.Options, command(decision.Id), ct);
        Console.WriteLine($"recorded on {decision.Id}");
        return 0;
    }

    private static async Task SendAsync(Marten.StoreOptions options, object command, CancellationToken ct)
    {
        await using var desk = await DecisionDesk.StartAsync(options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        try
        {
            await desk.SendAsync(command, ct);
        }
        catch (Exception e) when (e is DecisionConflictException or ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException)
        {
            throw new UserError(e.Message);
        }
    }

    private static string Who(ParseResult parse)
    {
        var given = parse.GetValue(Person) ?? Environment.GetEnvironmentVariable("LEDGER_USER");
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var name = Git("user.name");
        var email = Git("user.email");
        return name is null ? Environment.UserName : email is null ? name : $"{name} <{email}>";
    }

    private static string? Git(string key)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", ["config", key]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var value = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && value.Length > 0 ? value : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
