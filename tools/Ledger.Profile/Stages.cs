using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Profile;

/// <summary>
/// The steps of <see cref="Interpretation.InterpretLineage"/> one at a time, each timed (thread CPU and allocation).
/// Bodies are parsed lazily in the pipeline, so they are parsed up front here to charge them to their own stage.
/// The sum is checked against the real pipeline run on the same mail.
/// </summary>
public static class Stages
{
    public static string Run(List<byte[]> raw)
    {
        var t = new Timer();
        var mails = t.Time("mime parse", () => raw.Select(MailParser.Parse).OfType<MailReading.Read>().Select(r => r.Mail).ToList());
        var index = t.Time("index+subjects", () => new MailIndex(mails));
        t.Time("patch bodies", () => { foreach (var v in index.All.Where(v => v.IsPosting)) _ = v.Patch; });
        var versions = t.Time("series grouping", () => SeriesGrouping.Group(index));
        var lineages = t.Time("lineage linking", () => LineageLinking.Link(index, versions).OrderBy(l => l.Versions[0].Date).ToList());
        var replies = t.Time("replies of", () => lineages.Select(l => ActExtraction.RepliesOf(index, l)).ToList());
        t.Time("reply bodies", () => { foreach (var r in replies.SelectMany(x => x)) _ = r.Reply; });

        for (var i = 0; i < lineages.Count; i++)
        {
            var (lineage, rs, id) = (lineages[i], replies[i], lineages[i].Id);
            var events = new List<object>();
            t.Time("version events", () =>
            {
                foreach (var v in lineage.Versions)
                {
                    var link = lineage.Links.TryGetValue(v.Id, out var l) ? l : ("first-version", 1.0);
                    events.Add(new SeriesVersionPosted(id, v.Version, v.Cover?.Mail.MessageId,
                        v.Patches.Select(p => new PatchRef(p.Subject.Index, p.Subject.Total, p.Mail.MessageId, p.Mail.Subject, p.Subject.Title,
                            p.Patch.Files.Select(f => f.NewPath).ToArray(), p.Patch.PatchId, CodeIds.Of(p.Patch),
                            p.Patch.Trailers.Select(x => new OwnTrailer(x.Name, x.Value, x.Address)).ToArray())).ToArray(),
                        v.First.Mail.Subject, v.Author, v.AuthorAddress, v.Date, lineage.Previous(v)?.Id, Provenance.Of("lineage." + link.Item1, link.Item2)));
                }
            });
            var acts = t.Time("acts", () => ActExtraction.Extract(index, lineage, rs));
            var resolved = t.Time("resolution", () => acts.Zip(Resolution.ResolveAll(index, lineage, acts)).ToList());
            var trailers = t.Time("trailers", () =>
            {
                events.AddRange(TrailerCollection.Withdrawals(index, lineage, rs));
                return TrailerCollection.Collect(index, lineage, rs);
            });
            t.Time("applied notices", () =>
            {
                foreach (var reply in rs.Where(r => AppliedNotices.IsApplied(r.Mail.Body) && r.Mail.FromAddress != lineage.AuthorAddress))
                    events.Add(AppliedNotices.Find(reply.Mail.Body));
            });
            t.Time("decisions", () => events.AddRange(DecisionDetection.Detect(lineage, resolved, trailers, rs, index)));
        }

        var fresh = raw.Select(MailParser.Parse).OfType<MailReading.Read>().Select(r => r.Mail).ToList();
        var total = Stopwatch.StartNew();
        var cpu = ThreadCpuMs();
        var real = Interpretation.Interpret(fresh);
        var pipeline = ThreadCpuMs() - cpu;
        // The digest's cost, on the real events: JSON of every event, hashed.
        t.Time("digest", () =>
        {
            foreach (var l in real)
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                foreach (var e in l.Events.Skip(1))
                {
                    sha.AppendData(Encoding.UTF8.GetBytes(e.GetType().Name));
                    sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(e, e.GetType()));
                }
                sha.GetHashAndReset();
            }
        });
        // The indexer groups and links chunks of about 1000 messages (whole lineages), not the whole archive at once.
        var byKey = fresh.GroupBy(m => MessageIds.Key(m.MessageId)).ToDictionary(g => g.Key, g => g.First());
        var chunks = new List<List<ParsedMail>> { new() };
        foreach (var l in real)
        {
            if (chunks[^1].Count + l.MessageKeys.Count > 1000 && chunks[^1].Count > 0) chunks.Add([]);
            chunks[^1].AddRange(l.MessageKeys.Select(byKey.GetValueOrDefault).OfType<ParsedMail>());
        }
        t.Time("chunked: link", () =>
        {
            foreach (var chunk in chunks)
            {
                var i = new MailIndex(chunk);
                LineageLinking.Link(i, SeriesGrouping.Group(i));
            }
        });
        // As the indexer runs it: lineages on both cores. Process CPU, so contention between the two shows.
        var twoCores = raw.Select(MailParser.Parse).OfType<MailReading.Read>().Select(r => r.Mail).ToList();
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var both = Stopwatch.StartNew();
        var index2 = new MailIndex(twoCores);
        var parallel = LineageLinking.Link(index2, SeriesGrouping.Group(index2)).OrderBy(l => l.Versions[0].Date).ToList()
            .AsParallel().AsOrdered().Select(l => Interpretation.InterpretLineage(index2, l)).ToList();
        var parallelCpu = (Process.GetCurrentProcess().TotalProcessorTime - processCpu).TotalMilliseconds;
        return t.Report(mails.Count)
            + string.Create(CultureInfo.InvariantCulture, $"  {"on both cores",-18} {parallelCpu / mails.Count,7:0.000} ms/msg  (process CPU, {parallel.Count} lineages, {both.Elapsed.TotalSeconds:0.0} s wall)\n") + string.Create(CultureInfo.InvariantCulture,
            $"  {"Interpret (real)",-18} {pipeline / mails.Count,7:0.000} ms/msg  ({real.Count} lineages, {total.Elapsed.TotalSeconds:0.0} s wall)\n");
    }

    // CPU time of this thread only: the machine is shared, so wall time measures the neighbours too.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);
    private readonly record struct TimeSpec(long Seconds, long Nanoseconds);
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    internal static double ThreadCpuMs() => ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : throw new InvalidOperationException("clock_gettime failed");

    internal sealed class Timer
    {
        private readonly Dictionary<string, (double Ms, long Bytes)> _stages = [];

        public void Time(string stage, Action step) => Time(stage, () => { step(); return 0; });

        public T Time<T>(string stage, Func<T> step)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpuMs();
            var result = step();
            var (ms, b) = _stages.GetValueOrDefault(stage);
            _stages[stage] = (ms + ThreadCpuMs() - start, b + GC.GetAllocatedBytesForCurrentThread() - bytes);
            return result;
        }

        public string Report(int messages)
        {
            var sb = new StringBuilder();
            foreach (var (stage, (ms, bytes)) in _stages)
                sb.Append(CultureInfo.InvariantCulture, $"  {stage,-18} {ms / messages,7:0.000} ms/msg  {bytes / 1024.0 / messages,8:0.0} KB/msg\n");
            var sum = _stages.Values.Sum(s => s.Ms) - _stages.GetValueOrDefault("chunked: link").Ms;
            sb.Append(CultureInfo.InvariantCulture, $"  {"sum",-18} {sum / messages,7:0.000} ms/msg");
            if (_stages.TryGetValue("mime parse", out var parse))
                sb.Append(CultureInfo.InvariantCulture, $"  (understanding alone {(sum - parse.Ms) / messages:0.000})");
            sb.Append('\n');
            return sb.ToString();
        }
    }
}
