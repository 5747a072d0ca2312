using System.Globalization;
using System.Text;

namespace Ledger.Synth;

/// <summary>Posting of one version: cover letter (with history and lore links) and the patches.</summary>
internal sealed partial class LineageGenerator
{
    /// <summary>Finalises acts of the previous version and mutates the patches accordingly.</summary>
    void NextVersion(int v)
    {
        var changes = new List<string>();
        foreach (var p in pending)
        {
            if (p.WillAdopt)
            {
                p.Apply?.Invoke();
                p.Resolve("addressed");
                if (p.Change is not null && !changes.Contains(p.Change)) changes.Add(p.Change);
            }
            else p.Resolve(p.Answered ? "answered" : "not-addressed");
        }
        pending.Clear();
        bool collected = false;
        foreach (var g in grants)
        {
            if (g.Withdrawn || (g.Condition is not null && !g.Condition.WillAdopt)) continue;
            foreach (var i in g.PatchIdxs)
            {
                if (i >= patches.Count || patches[i].Collected.Any(c => c.Name == g.Name && c.Who == g.Who)) continue;
                patches[i].Collected.Add((g.Name, g.Who));
                collected = true;
            }
        }
        grants.Clear();
        if (collected) changes.Add(useB4 ? "Collect tags" : "Collected tags");
        for (int i = 0; i < patches.Count; i++)
        {
            if (!r.Chance(0.2)) continue;
            patches[i].Title = TextGen.Drift(r, patches[i].Title);
            if (r.Chance(0.5)) changes.Add($"Reworded the subject of patch {i + 1}");
        }
        if (r.Chance(0.15)) coverTitle = TextGen.Drift(r, coverTitle);
        if (r.Chance(0.4))
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"Rebased on v6.{r.Number(1, 12)}-rc{r.Number(1, 7)}"));
            foreach (var h in patches.SelectMany(p => p.Files).SelectMany(f => f.Hunks)) h.OldStart = Math.Max(1, h.OldStart + r.Number(-40, 40));
        }
        if (changes.Count == 0) changes.Add(r.Pick(["Minor commit message tweaks", "No code change, resend after the merge window", "Fixed checkpatch warnings"]));
        history.Add((v, changes));
    }

    void EmitVersion(int v, DateTimeOffset t)
    {
        int n = patches.Count;
        bool hasCover = n > 1;
        var hash = TextGen.Hex(r, 12);
        var to = new List<Person> { maintainer };
        var cc = reviewers.ToList();
        var patchIds = new List<string>(n);
        var dates = new List<DateTimeOffset>(n);
        var coverId = hasCover ? PatchId(v, 0, t, hash) : null;
        for (int i = 0; i < n; i++)
        {
            var d = t.AddSeconds(hasCover ? i + 1 + i / 8 : 0);
            dates.Add(d);
            patchIds.Add(PatchId(v, hasCover ? i + 1 : (useB4 ? 1 : 0), d, hash));
        }
        var bodies = new List<string>(n);
        var trailerFacts = new List<List<TrailerFact>>(n);
        var allStats = new List<(string Path, int Add, int Del)>();
        for (int i = 0; i < n; i++)
        {
            var facts = new List<TrailerFact>();
            bodies.Add(PatchBody(patches[i], v, patchIds[i], !hasCover, allStats, facts));
            trailerFacts.Add(facts);
        }
        lastCover = null;
        lastPatches = [];
        MailDraft? cover = null;
        reserve = n;
        if (hasCover)
        {
            cover = Add(author, to, cc, Subject(v, 0, n, coverTitle, patches[0].Prefix), t, coverId!, null, CoverBody(v, allStats), Mailer(true), leaf: false)!;
            lastCover = cover;
        }
        for (int i = 0; i < n; i++)
        {
            reserve = n - i - 1;
            var d = Add(author, to, cc, Subject(v, i + 1, n, patches[i].Title, patches[i].Prefix), dates[i], patchIds[i], cover, bodies[i], Mailer(true), leaf: false)!;
            d.Truth.AddRange(trailerFacts[i]);
            lastPatches.Add(d);
        }
        reserve = 0;
        (cover ?? lastPatches[0]).Truth.Insert(0, new SeriesFact(lineage, v, coverId, patchIds));
    }

    string PatchBody(PatchState p, int v, string id, bool single, List<(string, int, int)> allStats, List<TrailerFact> facts)
    {
        var sb = new StringBuilder(4096);
        sb.AppendJoin("\n\n", p.CommitParagraphs()).Append("\n\n");
        if (p.Fixes is not null) sb.Append("Fixes: ").Append(p.Fixes).Append('\n');
        if (p.SuggestedBy is not null) sb.Append("Suggested-by: ").Append(p.SuggestedBy.Ident).Append('\n');
        sb.Append("Signed-off-by: ").Append(author.Ident).Append('\n');
        facts.Add(new TrailerFact(id, "Signed-off-by", author.Ident, id, false));
        foreach (var (name, who) in p.Collected)
        {
            sb.Append(name).Append(": ").Append(who.Ident).Append('\n');
            facts.Add(new TrailerFact(id, name, who.Ident, id, false));
        }
        sb.Append("---\n");
        if (single && history.Count > 0)
        {
            AppendHistory(sb, arrows: !useB4);
            sb.Append('\n');
        }
        var stats = new List<(string, int, int)>();
        p.AppendDiff(sb, r, stats);
        allStats.AddRange(stats);
        sb.Append("-- \n").Append(gitVersion).Append("\n\n");
        return sb.ToString();
    }

    void AppendHistory(StringBuilder sb, bool arrows)
    {
        for (int h = history.Count - 1; h >= 0; h--)
        {
            var (ver, changes) = history[h];
            sb.Append(arrows ? $"v{ver - 1} -> v{ver}:\n" : $"Changes in v{ver}:\n");
            foreach (var c in changes) sb.Append("- ").Append(c).Append('\n');
            if (useB4)
            {
                var link = previous.FirstOrDefault(x => x.Version == ver - 1).Id;
                if (link is not null) sb.Append("- Link to v").Append(ver - 1).Append(": https://lore.kernel.org/r/").Append(link).Append('\n');
            }
            sb.Append('\n');
        }
        if (!useB4)
            foreach (var (ver, id) in previous.AsEnumerable().Reverse())
                sb.Append('v').Append(ver).Append(": https://lore.kernel.org/r/").Append(id).Append('\n');
        if (!useB4 && previous.Count > 0) sb.Append('\n');
    }

    string CoverBody(int v, List<(string Path, int Add, int Del)> stats)
    {
        var sb = new StringBuilder(4096);
        foreach (var para in coverIntro) sb.Append(TextGen.WrapParagraph(para)).Append("\n\n");
        if (useB4) sb.Append("---\n");
        if (history.Count > 0) AppendHistory(sb, arrows: !useB4 && (index % 2 == 0));
        if (useB4) sb.Append("---\n\n");
        sb.Append(author.Name).Append(" (").Append(patches.Count).Append("):\n");
        foreach (var p in patches) sb.Append(useB4 ? "      " : "  ").Append(p.Prefix).Append(": ").Append(p.Title).Append('\n');
        sb.Append('\n');
        PatchState.AppendDiffstat(sb, stats);
        if (useB4)
        {
            sb.Append("---\nbase-commit: ").Append(TextGen.Hex(r, 40)).Append('\n');
            sb.Append("change-id: ").Append(changeId).Append("\n\nBest regards,\n-- \n").Append(author.Ident).Append("\n\n");
        }
        else sb.Append("\n-- \n").Append(gitVersion).Append("\n\n");
        return sb.ToString();
    }
}
