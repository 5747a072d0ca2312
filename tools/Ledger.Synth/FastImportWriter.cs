using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ledger.Synth;

/// <summary>
/// Writes a public-inbox v2 epoch repository (bare git, refs/heads/master, one commit per message adding
/// blob "m" at the root) by streaming a `git fast-import` process. Author and dates come from the message;
/// the commit message is the Subject, as public-inbox does.
/// </summary>
public sealed class FastImportWriter : IDisposable
{
    readonly Process git;
    readonly Stream stdin;

    public FastImportWriter(string repoPath)
    {
        Run("git", "init", "--bare", "--quiet", "--initial-branch=master", repoPath);
        var psi = new ProcessStartInfo("git") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { "-C", repoPath, "fast-import", "--quiet", "--done" }) psi.ArgumentList.Add(a);
        git = Process.Start(psi) ?? throw new InvalidOperationException("cannot start git fast-import");
        stdin = new BufferedStream(git.StandardInput.BaseStream, 1 << 20);
        stdin.Write("feature done\n"u8);
    }

    static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with {p.ExitCode}");
    }

    static string Clean(string s) => s.Replace('<', ' ').Replace('>', ' ').Replace('\n', ' ').Trim();

    public void Write(SyntheticMail m)
    {
        var d = m.Date;
        var off = d.Offset;
        var when = string.Create(CultureInfo.InvariantCulture,
            $"{d.ToUnixTimeSeconds()} {(off < TimeSpan.Zero ? '-' : '+')}{off.Duration().Hours:00}{off.Duration().Minutes:00}");
        var name = Clean(m.FromName);
        if (name.Length == 0) name = "unknown";
        var ident = $"{name} <{Clean(m.FromEmail)}> {when}";
        var msg = Encoding.UTF8.GetBytes(m.Subject.Replace('\n', ' ') + "\n");
        var sb = new StringBuilder(256);
        sb.Append("commit refs/heads/master\n");
        sb.Append("author ").Append(ident).Append('\n');
        sb.Append("committer ").Append(ident).Append('\n');
        sb.Append("data ").Append(msg.Length).Append('\n');
        stdin.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        stdin.Write(msg);
        sb.Clear();
        // The tree only ever holds "m", so modifying it replaces the previous message, as in public-inbox v2.
        sb.Append("M 100644 inline m\n");
        sb.Append("data ").Append(m.Raw.Length).Append('\n');
        stdin.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        stdin.Write(m.Raw);
        stdin.Write("\n"u8);
    }

    public void Dispose()
    {
        stdin.Write("done\n"u8);
        stdin.Flush();
        stdin.Dispose();
        git.WaitForExit();
        var code = git.ExitCode;
        git.Dispose();
        if (code != 0) throw new InvalidOperationException($"git fast-import failed with {code}");
    }
}
