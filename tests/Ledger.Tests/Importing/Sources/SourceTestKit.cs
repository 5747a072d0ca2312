using System.Diagnostics;
using Ledger.Core.Importing.Sources;
using MimeKit;

namespace Ledger.Tests.Importing.Sources;

/// Small helpers shared by the source tests: temp folders, git plumbing, Message-ID extraction.
internal static class SourceTestKit
{
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ledger-src-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static async Task<List<RawMail>> ReadAll(IMailSource source)
    {
        var list = new List<RawMail>();
        await foreach (var m in source.ReadAsync()) list.Add(m);
        return list;
    }

    public static string MessageId(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        return "<" + MimeMessage.Load(ms).MessageId + ">";
    }

    /// Manifest rows: (file, Message-ID).
    public static List<(string File, string MessageId)> Manifest() =>
        File.ReadLines(CorpusPaths.VfioManifest).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1]))
            .ToList();

    public static string[] VfioEmlFiles() =>
        Directory.GetFiles(CorpusPaths.VfioMsgs, "*.eml").Order(StringComparer.Ordinal).ToArray();

    /// Runs git and returns trimmed stdout; fails the test on a non-zero exit.
    public static string Git(string? repo, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (repo is not null) { psi.ArgumentList.Add("-C"); psi.ArgumentList.Add(repo); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "Ledger Test";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "test@example.org";
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var errTask = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)} failed: {errTask.Result}");
        return output.Trim();
    }
}
