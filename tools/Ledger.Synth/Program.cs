using System.Diagnostics;
using System.Globalization;

namespace Ledger.Synth;

public static class Program
{
    const string Usage = """
        usage: ledger-synth --out PATH [--format mboxrd|public-inbox] [--messages N] [--seed S] [--truth PATH] [--force]

          --format    mboxrd (default): one mbox file; public-inbox: a v2 epoch git repository (bare) at PATH
          --messages  number of deliveries to write (cross-post copies count), default 2000
          --seed      generator seed, default 1; same seed and count give identical output
          --truth     write ground-truth facts as JSON Lines to this file
          --force     replace an existing output
        """;

    public static int Main(string[] args)
    {
        string? outPath = null, truthPath = null, format = "mboxrd";
        int messages = 2000, seed = 1;
        bool force = false;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--out": outPath = Next(); break;
                    case "--truth": truthPath = Next(); break;
                    case "--format": format = Next(); break;
                    case "--messages": messages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--force": force = true; break;
                    case "-h" or "--help": Console.Out.WriteLine(Usage); return 0;
                    default: throw new ArgumentException($"unknown argument {args[i]}");
                }
            }
            if (outPath is null) throw new ArgumentException("--out is required");
            if (format is not ("mboxrd" or "public-inbox")) throw new ArgumentException("--format must be mboxrd or public-inbox");
            if (messages < 0) throw new ArgumentException("--messages must be >= 0");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"ledger-synth: {e.Message}\n{Usage}");
            return 2;
        }

        if (File.Exists(outPath) || (Directory.Exists(outPath) && Directory.EnumerateFileSystemEntries(outPath).Any()))
        {
            if (!force) { Console.Error.WriteLine($"ledger-synth: {outPath} exists (use --force)"); return 2; }
            if (Directory.Exists(outPath)) Directory.Delete(outPath, recursive: true); else File.Delete(outPath);
        }

        var sw = Stopwatch.StartNew();
        long written = 0, bytes = 0;
        using (var truth = truthPath is null ? null : new TruthWriter(truthPath))
        using (var mbox = format == "mboxrd" ? new MboxWriter(outPath) : null)
        using (var repo = format == "public-inbox" ? new FastImportWriter(outPath) : null)
        {
            foreach (var m in SyntheticArchive.Generate(messages, seed))
            {
                mbox?.Write(m.Raw);
                repo?.Write(m);
                if (truth is not null) foreach (var f in m.Truth) truth.Write(f);
                written++;
                bytes += m.Raw.Length;
                if (written % 100_000 == 0)
                    Console.Error.WriteLine($"ledger-synth: {written:N0} messages, {sw.Elapsed.TotalSeconds:F0}s, rss {Environment.WorkingSet / 1048576} MB");
            }
        }
        sw.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ledger-synth: wrote {written} messages ({bytes / 1048576.0:F1} MB raw) to {outPath} [{format}] in {sw.Elapsed.TotalSeconds:F1}s: {written / Math.Max(sw.Elapsed.TotalSeconds, 1e-9):F0} msgs/s, peak RSS {peak / 1048576.0:F1} MB"));
        return 0;
    }
}
