using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Core.Review;
using Ledger.Profile;

// ledger-profile dump SOURCE OUT | stages SOURCE [--rounds N] | prepare SOURCE [--rounds N]
//   dump:   every lineage's id, digest, message keys and events (type + JSON), one per line: diff two dumps to prove a
//           change left the output alone.
//   stages: CPU per message of each step of understanding, single-threaded, on the whole archive.
//   prepare: CPU per message of each step of the importer's row preparation, single-threaded.
if (args.Length < 2 || args[0] is not ("dump" or "stages" or "prepare") || (args[0] == "dump" && args.Length < 3))
{
    Console.Error.WriteLine("usage: ledger-profile dump SOURCE OUT.txt | stages SOURCE [--rounds N] | prepare SOURCE [--rounds N]");
    return 2;
}
var rounds = args.Length > 3 && args[2] == "--rounds" ? int.Parse(args[3]) : 1;

var clock = Stopwatch.StartNew();
var readCpu = Process.GetCurrentProcess().TotalProcessorTime;
var raw = MailSources.Open(args[1], _ => null).ReadAsync().ToBlockingEnumerable().Select(r => r.Bytes).ToList();
// Process CPU of this process only; a git source's `git cat-file` child is not in it.
Console.Error.WriteLine($"read {raw.Count} messages in {clock.Elapsed.TotalSeconds:0.0} s, {(Process.GetCurrentProcess().TotalProcessorTime - readCpu).TotalMilliseconds / raw.Count:0.000} ms/msg CPU in-process");

if (args[0] == "dump")
{
    var readings = raw.Select(MailParser.Parse).ToList();
    var mails = readings.OfType<MailReading.Read>().Select(r => r.Mail).ToList();
    clock.Restart();
    var lineages = Interpretation.Interpret(mails);
    Console.Error.WriteLine($"interpreted {lineages.Count} lineages in {clock.Elapsed.TotalSeconds:0.0} s");
    using var output = new StreamWriter(args[2]);
    // Every parsed message in full (hashed, bodies are large): the parser's output, not only what interpretation uses of it.
    foreach (var reading in readings)
        output.WriteLine($"mail {Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(reading, reading.GetType())))}");
    foreach (var l in lineages)
    {
        output.WriteLine($"lineage {l.LineageId} {l.Digest} {string.Join(',', l.MessageKeys)}");
        foreach (var e in l.Events)
            output.WriteLine($"  {e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}");
    }
    return 0;
}

for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"round {round}");
    Console.Write(args[0] == "prepare" ? Preparing.Run(raw) : Stages.Run(raw));
}
return 0;
