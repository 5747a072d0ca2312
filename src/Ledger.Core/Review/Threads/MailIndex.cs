using Ledger.Core.Archive;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Text;

namespace Ledger.Core.Review.Threads;

/// <summary>One archived message as the extractors see it.</summary>
public sealed class MailView(ParsedMail mail, SubjectInfo subject)
{
    public ParsedMail Mail { get; } = mail;
    public SubjectInfo Subject { get; } = subject;
    public string Key { get; } = MessageIds.Key(mail.MessageId);
    public string? ParentKey { get; } = mail.InReplyTo is { } p ? MessageIds.Key(p) : null;
    public bool IsPosting => (Subject.IsPatch || Subject.IsPullRequest) && !Subject.IsReply;
    public bool IsCover => IsPosting && Subject.Index == 0 && Subject.Total > 0;
    /// <summary>The mail's date, but never before its parent's: Date headers lie a little (skewed clocks, time zones).</summary>
    public DateTimeOffset Date { get; internal set; } = mail.Date;
    /// <summary>The sender's name; for patches sent by someone else (or with a bare address) the in-body "From:" line names the author.</summary>
    public string Person => Mail.FromName.Length > 0 ? Mail.FromName : InBodyAuthor() ?? Mail.FromAddress;

    private string? InBodyAuthor()
    {
        foreach (var line in Mail.Body.Split('\n').Take(4))
            if (line.StartsWith("From: ", StringComparison.Ordinal) && line.IndexOf('<') is var lt and > 6)
                return line[6..lt].Trim().Trim('"');
        return null;
    }

    private PatchBody? _patch;
    public PatchBody Patch => _patch ??= PatchBodies.Parse(Mail.Body);
    private ReplyBody? _reply;
    public ReplyBody Reply => _reply ??= Replies.Split(Mail.Body);
    private HashSet<string>? _titleWords;
    /// <summary>The words of the normalised title: patches are matched across versions by them, again and again.</summary>
    public HashSet<string> TitleWords => _titleWords ??= Words.Set(Subjects.NormalizeTitle(Subject.Title));
}

/// <summary>The messages of one analysis, keyed by Message-ID, with their threading. Missing parents are tolerated.</summary>
public sealed class MailIndex
{
    private readonly Dictionary<string, MailView> _byKey = new();
    private readonly Dictionary<string, List<MailView>> _children = new();

    public MailIndex(IEnumerable<ParsedMail> mails)
    {
        foreach (var mail in mails)
            _byKey.TryAdd(MessageIds.Key(mail.MessageId), new MailView(mail, Subjects.Parse(mail.Subject)));
        foreach (var view in _byKey.Values)
        {
            var parent = ParentOf(view);
            if (parent is null) continue;
            if (!_children.TryGetValue(parent.Key, out var list)) _children[parent.Key] = list = [];
            list.Add(view);
        }
        foreach (var view in _byKey.Values.OrderBy(v => v.Mail.Date))
            if (ParentOf(view) is { } parent && view.Date < parent.Date) view.Date = parent.Date;
        AttachOrphans();
    }

    private readonly Dictionary<string, MailView> _orphanPosting = new();
    private readonly Dictionary<string, List<MailView>> _orphansOf = new();

    /// <summary>
    /// A reply whose In-Reply-To and References never reach a posting we hold (truncated headers, a missing middle
    /// message) is attached by its "Re: [PATCH vN i/n] title" to the latest earlier posting with that subject.
    /// </summary>
    private void AttachOrphans()
    {
        var bySubject = _byKey.Values.Where(v => v.IsPosting)
            .GroupBy(v => SubjectKey(v.Subject)).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Date).ToList());
        foreach (var view in _byKey.Values.Where(v => !v.IsPosting && v.Subject.IsReply && (v.Subject.IsPatch || v.Subject.IsPullRequest)))
        {
            var root = view;
            foreach (var a in Ancestors(view)) root = a;
            if (root.IsPosting || Ancestors(view).Any(a => a.IsPosting)) continue;
            if (!bySubject.TryGetValue(SubjectKey(view.Subject), out var candidates)) continue;
            var posting = candidates.LastOrDefault(p => p.Date <= view.Date) ?? candidates[0];
            _orphanPosting[root.Key] = posting;
            if (!_orphansOf.TryGetValue(posting.Key, out var list)) _orphansOf[posting.Key] = list = [];
            if (!list.Contains(root)) list.Add(root);
        }
    }

    private static string SubjectKey(SubjectInfo s) => $"{s.Version}:{s.Index}:{s.Total}:{Subjects.NormalizeTitle(s.Title)}";

    /// <summary>Replies attached to a posting by subject because their threading headers do not reach it.</summary>
    public IReadOnlyList<MailView> OrphansOf(MailView posting) => _orphansOf.GetValueOrDefault(posting.Key) ?? [];

    public IEnumerable<MailView> All => _byKey.Values;
    public MailView? Find(string messageId) => _byKey.GetValueOrDefault(MessageIds.Key(messageId));
    public IReadOnlyList<MailView> ChildrenOf(MailView view) => _children.GetValueOrDefault(view.Key) ?? [];

    /// <summary>The nearest known ancestor: In-Reply-To, else the closest References entry we hold.</summary>
    public MailView? ParentOf(MailView view)
    {
        if (view.ParentKey is { } p && _byKey.TryGetValue(p, out var parent) && parent != view) return parent;
        for (var i = view.Mail.References.Count - 1; i >= 0; i--)
            if (_byKey.TryGetValue(MessageIds.Key(view.Mail.References[i]), out var r) && r != view) return r;
        return null;
    }

    public IEnumerable<MailView> Ancestors(MailView view)
    {
        var seen = new HashSet<string> { view.Key };
        for (var p = ParentOf(view); p is not null && seen.Add(p.Key); p = ParentOf(p)) yield return p;
    }

    /// <summary>The posting (patch or cover letter) a reply belongs to: its nearest posting ancestor.</summary>
    public MailView? PostingOf(MailView view)
    {
        if (view.IsPosting) return view;
        MailView root = view;
        foreach (var a in Ancestors(view))
        {
            if (a.IsPosting) return a;
            root = a;
        }
        return _orphanPosting.GetValueOrDefault(root.Key);
    }
}
