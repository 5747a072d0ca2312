using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>What a reviewer's quoted words do. Asks: they end with a question.</summary>
public readonly record struct QuoteReading(bool Proposes, bool Objects, bool Asks)
{
    /// <summary>A proposal with no concern attached: disputing it is pushback, not an objection to the patch.</summary>
    public bool OnlyProposes => Proposes && !Objects;

    /// <summary>A plain question: "Yes."/"Right." answers it rather than taking up a request.</summary>
    public bool OnlyAsks => Asks && !Proposes && !Objects;
}

/// <summary>
/// Pushback read from what a reply answers: another reviewer's quoted words carry a request or a concern, and the sender
/// answers it with a denial or a contrast instead of taking it up. Kernel pushback is mostly argued ("The old and new code
/// is interchangeable ... So I don't see a boundary issue"), so the quote, not a fixed phrase, says what is being disputed.
/// </summary>
public static partial class Rebuttals
{
    // A sentence that opens with a denial: "No, ...", "Nope.", "Not really.", "Except ...".
    // ("No PCIe system has ..." is a determiner, not a denial; "But ...", "Well, ..." or "It's not clear ..." contrast or
    // describe as often as they deny.)
    [GeneratedRegex(@"^(?:(?:no|nope)\s*(?:[,.!;:\-]|$)|not\s+(?:really|quite|necessarily|at\s+all|exactly|true|so)\b|except\b)", RegexOptions.IgnoreCase)]
    private static partial Regex DenyingOpener();

    // A denial inside the sentence: "I don't think so", "I don't agree/buy it/see why", "that isn't the case", "doesn't matter",
    // "no reason to". (A bare "I don't think ..." hedges as often as it denies: "I don't think we looked into it".)
    [GeneratedRegex(@"\bI\s+(?:don't|do\s+not|dont)\s+(?:think\s+so|believe\s+so|agree|buy|see\s+(?:why|how|the\s+point|a\s+(?:problem|reason|need|issue)|any\s+(?:problem|reason|need|issue)))\b|\b(?:isn't|is\s+not|aren't|are\s+not|wasn't)\s+(?:really\s+|actually\s+)?(?:true|the\s+case|an?\s+(?:real\s+)?(?:issue|problem|concern)|needed|necessary|required|for\s+you\s+to\s+decide)\b|\b(?:doesn't|does\s+not)\s+(?:really\s+)?(?:matter|apply)\b|\bno\s+(?:reason|need|point)\s+(?:to|for|in)\b|\bwe\s+(?:don't|do\s+not)\s+(?:really\s+)?need\s+(?:to|a|an|the|this|that|it|any)\b|\bI(?:'d|\s+would)\s+(?:rather|prefer\s+to)\s+(?:keep|leave|not)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Denial();

    // The concern answered does not hold: "So I don't see there is a boundary issue", "PM-callbacks are harmless on those archs".
    [GeneratedRegex(@"\bI\s+(?:don't|do\s+not|dont)\s+(?:see|think)\s+(?:that\s+)?there(?:'s|\s+is|\s+are|\s+would\s+be)\s+(?:a|an|any)\s+(?:\w+\s+){0,2}?(?:issue|problem|race|bug|concern|need|reason|risk)s?\b|\b(?:is|are|be)\s+(?:\w+\s+)?harmless\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoIssue();

    // Agreement in the same answer ("Nope, I think you're right", "Yep, this is plain wrong") makes a denial a concession.
    [GeneratedRegex(@"^(?:yes|yep|yeah|yup|indeed|right|my\s+bad|oops|doh|ah|good\s+catch)\b[,;.!]|\byou(?:'re|\s+are)\s+(?:absolutely\s+|completely\s+|quite\s+)?(?:right|correct)\b|\bgood\s+point\b|\bfair\s+enough\b|(?<!\bsure\s+)\bI\s+(?:fully\s+)?agree\b|(?<!(?:\bnot|n't)\b[^.,;]{0,30})\bmakes\s+sense\b|\bpoint\s+taken\b", RegexOptions.IgnoreCase)]
    private static partial Regex Agreement();

    // The author admits the point was a mistake: "Oh, whoops.", "Good catch", "very good spot", "Indeed, well spotted", "my bad",
    // "You're right", "I completely missed that", "Sorry for the mess".
    [GeneratedRegex(@"^(?:oh|ah|argh|ouch|ugh|hmm+|indeed|yes|yep|yeah|right)?[,.!]*\s*(?:oops|whoops|doh|d'oh|drat|damn)\b|\b(?:good|nice|great|excellent)\s+(?:catch|spot)\b|\bwell\s+spotted\b|\bmy\s+(?:bad|mistake|fault)\b|\byou(?:'re|\s+are)\s+(?:absolutely\s+|completely\s+|totally\s+|quite\s+|of\s+course\s+)?(?:right|correct)\b|\bI\s+(?:completely\s+|totally\s+|somehow\s+)?(?:missed|overlooked)\s+(?:that|this|it)\b|\bsorry\s+for\s+the\s+(?:mess|breakage|mistake|confusion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorAdmitted();

    // A reviewer takes the author's answer: "Fair enough.", "Makes sense.", "It's fine as it is, no need to change it.", "OK, I see."
    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|ah|oh|right|hmm+|yes|yeah|well)[,.!]*\s*)?(?:fair\s+enough|(?:that\s+|it\s+)?makes\s+(?:perfect\s+|total\s+)?sense|point\s+taken|I\s+(?:see|stand\s+corrected)\b|(?:it's|that's|it\s+is|that\s+is)\s+fine\s+(?:as\s+it\s+is|as\s+is|then|by\s+me)|no\s+need\s+to\s+change|fine\s+by\s+me|I'm\s+(?:fine|ok|okay|happy)\s+with\s+(?:that|this|it|keeping))", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerAccepted();

    // A point granted only to be answered: "That's a fair point. However, ...", "True, but ...", "I mostly agree. However, ...".
    [GeneratedRegex(@"^(?:(?:that's|that\s+is|this\s+is|it's|it\s+is)\s+(?:a\s+)?(?:\w+\s+)?(?:fair|good|valid|reasonable|legitimate)\s+(?:point|question|concern|argument)|I\s+(?:mostly|partly|partially|largely|somewhat|broadly|generally)\s+agree|I\s+(?:do\s+)?(?:see|understand|get)\s+(?:your|the)\s+(?:point|concern|worry|argument)|(?:I\s+)?agree(?:d)?|fair\s+enough|true|granted|point\s+taken)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Granted();

    // What turns the granted point around: "..., but", "; however", or a next sentence opening "However", "But", "That said".
    [GeneratedRegex(@"[,;]\s*(?:but|however|though|yet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastInside();

    [GeneratedRegex(@"^(?:however|but|that\s+said|still|nevertheless|nonetheless|even\s+so)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastOpening();

    /// <summary>
    /// The sentence grants the point it answers and the same or the next sentence turns it around ("That's a fair point. However,
    /// no existing userspace will work ..."): a "yes, but" that keeps the answerer's own position.
    /// </summary>
    public static bool GrantsThenContrasts(string sentence, string next)
    {
        var m = Granted().Match(sentence);
        if (!m.Success) return false;
        // A long sentence followed by "But ..." argues on its own; the grant must be the short sentence before the turn.
        return ContrastInside().IsMatch(sentence[(m.Index + m.Length)..]) || sentence.Length <= 60 && ContrastOpening().IsMatch(next);
    }

    // The author promises the change: "Sure, will fix.", "Will do.", "Ack, I'll update it in v2.", "Done.", "Fixed, thanks."
    [GeneratedRegex(@"^(?:(?:sure|ack|ok(?:ay)?|yes|yep|yeah|right|agreed|indeed|good\s+point|thanks)[,.!]*\s*)*(?:(?:I'll|I\s+will|will|we'll)\s+(?:\w+\s+)?(?:fix|change|update|add|drop|remove|rename|do|address|rework|reword|move|split|fold|squash|correct|clean)\b|will\s+do\b|done\b|(?:fixed|changed|updated|added|dropped|removed|renamed|reworded)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Promise();

    /// <summary>The author's answer opens by promising the change asked for (first sentence).</summary>
    public static bool PromisesChange(string text) => Promise().IsMatch(Opening(text, 1));

    /// <summary>The author's answer admits an error in what it quotes (first two sentences).</summary>
    public static bool AdmitsError(string text) => ErrorAdmitted().IsMatch(Opening(text));

    /// <summary>The reviewer's answer takes the author's defence (first sentence).</summary>
    public static bool AcceptsAnswer(string text) => AnswerAccepted().IsMatch(Opening(text, 1));

    /// <summary>The answer opens by denying what it quotes (first two sentences): "No, ...", "I don't think so", "Except ...".</summary>
    public static bool DisputesAnswer(string text) => ActRules.Sentences(Opening(text)).Any(s => Disagrees(s.Trim()));

    /// <summary>The first sentences of a text, its lines joined: what an answer opens with, or the lead of a point.</summary>
    public static string Opening(string text, int sentences = 2)
    {
        // The opening sentences only: long answers are cut before they are joined.
        var head = text.Length > 600 ? text[..600] : text;
        var joined = string.Join(' ', head.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return string.Join(' ', ActRules.Sentences(joined).Take(sentences));
    }

    /// <summary>The answer agrees with the point it answers.</summary>
    public static bool Concedes(string text) => Agreement().IsMatch(text);

    /// <summary>The sentence denies what it answers.</summary>
    public static bool Disagrees(string sentence) => DenyingOpener().IsMatch(sentence) || Denial().IsMatch(sentence);

    /// <summary>The sentence says the concern it answers does not hold.</summary>
    public static bool DeniesConcern(string sentence) => NoIssue().IsMatch(sentence);

    /// <summary>What the quoted words (another reviewer's) do: ask for a change, raise a concern, ask a question.</summary>
    public static QuoteReading ReadQuote(string quoted, bool quotesPatch)
    {
        if (quoted.Trim().Length == 0) return default;
        var acts = ActRules.Classify(new ReplySegment("", quoted, 0), new ActContext(false, quotesPatch));
        return new QuoteReading(
            acts.Any(a => a.Type is ActType.Suggestion or ActType.Rewording or ActType.Direction or ActType.Nit),
            acts.Any(a => a.Type == ActType.Objection),
            quoted.TrimEnd().EndsWith('?'));
    }
}
