using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ledger.Core.Importing.Sources;

/// Thin wrapper over the git command line (no libgit2 dependency; public-inbox epochs are plain git).
internal sealed class GitCli : IDisposable
{
    private readonly StringBuilder _stderr = new();

    public Process Process { get; }

    public string Stderr { get { lock (_stderr) return _stderr.ToString().Trim(); } }

    private GitCli(Process p) => Process = p;

    public static GitCli Start(string repo, string source, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("-C");
        psi.ArgumentList.Add(repo);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = new Process { StartInfo = psi };
        var git = new GitCli(p);
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (git._stderr) git._stderr.AppendLine(e.Data); };
        try
        {
            p.Start();
        }
        catch (Win32Exception e)
        {
            throw new SourceReadException($"Could not start git to read {source}: {e.Message}", e);
        }
        p.BeginErrorReadLine();
        return git;
    }

    /// Runs git to completion; returns its exit code and standard output.
    public static async Task<(int Exit, string Output)> RunAsync(string repo, string source, CancellationToken ct, params string[] args)
    {
        using var git = Start(repo, source, args);
        git.Process.StandardInput.Close();
        string output = await git.Process.StandardOutput.ReadToEndAsync(ct);
        await git.Process.WaitForExitAsync(ct);
        return (git.Process.ExitCode, output.Trim());
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        Process.Dispose();
    }
}
