using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>Who a phrase rule applies to; the same words mean different acts from author and reviewer.</summary>
internal enum Speaker { Anyone, Reviewer, Author }

/// <summary>A sentence-level phrase rule. AuthorType/AuthorConfidence override when the patch author says it.</summary>
internal sealed record PhraseRule(string Name, ActType Type, Regex Pattern, double Confidence, Speaker Who = Speaker.Anyone,
    ActType? AuthorType = null, double? AuthorConfidence = null, bool CheckNegation = false, bool ParagraphStart = false,
    Regex? Skip = null);

/// <summary>The phrase table for <see cref="ActRules"/>. Patterns are matched per sentence of the sender's own text.</summary>
internal static class ActPatterns
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static Regex R(string p, RegexOptions o = I) => new(p, o);

    // Words after which a positive phrase is negated or only conditional: "doesn't look good", "let me know if it makes sense".
    // "I don't think adding a userspace accessor would help much": a belief negated ahead of the clause scopes over all of it.
    public static readonly Regex Negation = R(@"(?:\bnot|n't|\bnever|\bhardly|\bno longer|\bif|\bwhether|\bunless)\s+(?:\w+\s+){0,3}$|\bI\s+(?:don't|do\s+not|dont|doubt)\s+(?:think|believe|that)?\b[^,;:.]*$");

    // A condition still open before the match: "if the id is not correct", "since if it were unsafe".
    public static readonly Regex Conditional = R(@"\b(?:if|unless|whether|in\s+case)\s+[^,;:]*$");

    // A sentence opening with a condition whose main clause follows: "If you stare at it long enough, it looks fine".
    public static readonly Regex ConditionalOpening = R(@"^(?:but\s+|and\s+)?(?:if|unless|once|when)\b[^,]{3,},");

    // "I don't think it's harmful / a problem": a negated concern is reassurance, not an objection.
    private const string NegatedConcern = @"\bI\s+(?:don't|do\s+not|dont)\s+(?:think|believe)\b[^,.;]{0,40}?\b(?:harmful|a\s+(?:big\s+)?(?:problem|issue|concern|deal)|an\s+issue|problematic|dangerous|an?\s+(?:real\s+)?(?:risk|regression)|matters?)\b";

    // "I don't think the variable should be named ..." asks for a change (suggestion.should-not-be), it does not object;
    // "I don't think things have changed in that respect, right?" asks for confirmation, it gives no verdict.
    private static readonly Regex NotAnObjectionOrAsks = R(NegatedConcern + @"|\bI\s+(?:don't|do\s+not|dont)\s+think\s+(?:\w+\s+){1,6}?should\s+(?:\w+\s+)?be\s+(?:named|called|in|here|part\s+of|exposed|exported|visible|global|static|public|inline)\b|,\s*(?:right|correct)\s*\?+\s*$");

    // "I was wondering who would trigger that, but as I read below ...": the sender answered it already.
    private static readonly Regex WonderResolved = R(@"^[^?]*,\s+but\s[^?]*$");

    // A sentence flagged as a nit: "nit: ...", "Nitpick: ...", "A nit, ...", "Just a nit".
    public static readonly Regex NitSentence = R(@"\bnit(?:pick(?:ing|y)?|s)?\b");

    public static readonly IReadOnlyList<PhraseRule> Rules =
    [
        // Objection: the patch is wrong or unsafe.
        new("objection.nak", ActType.Objection, R(@"\bNA[CK]K?(?:ed)?\b(?!-by)|\bNacked-by\b", RegexOptions.Compiled), 0.95),
        new("objection.not-safe", ActType.Objection, R(@"\b(?:is\s+not|isn't|are\s+not|aren't|not)\s+(?:\w+\s+)?(?:safe|correct|right|valid|sufficient|acceptable|ok(?:ay)?)\b(?!\s+(?:to\s+say|with\s+me))"), 0.7,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.55),
        new("objection.surprised", ActType.Objection, R(@"(?<!\bas\s+far\s+as\s+)\b(?:I'm|I\s+am)\s+(?:\w+\s+)?(?:surprised|worried|concerned|uneasy|not\s+comfortable|not\s+convinced)\b"), 0.6, Speaker.Reviewer),
        // "I'm not crazy about this sort of parameters", "I'm not a fan of ...", "not too keen on ...".
        new("objection.not-fond", ActType.Objection, R(@"\b(?:I'm|I\s+am)\s+(?:really\s+|still\s+)?not\s+(?:too\s+|very\s+|so\s+|a\s+big\s+|a\s+huge\s+|really\s+)?(?:crazy\s+about|keen\s+on|thrilled\s+(?:about|with|by)|fond\s+of|a\s+fan\s+of|fan\s+of|happy\s+about)\b"), 0.55, Speaker.Reviewer),
        new("objection.unsafe", ActType.Objection, R(@"\b(?:unsafe|incorrect|racy|buggy|use-after-free|deadlocks?|unacceptable)\b"), 0.55, Speaker.Reviewer),
        new("objection.breaks", ActType.Objection, R(@"\b(?:this|that|it|which|patch|change)\s+(?:\w+\s+)?(?:breaks|will\s+break|would\s+break|can\s+break|regresses|causes?\s+a\s+regression)\b|\bbreaks\s+(?:the\s+)?(?:build|boot|bisect\w*|compilation|abi|uapi)\b"
            // "This fails to build on -rc4:", "This doesn't compile.  I get:" above a pasted build log.
            + @"|\b(?:fails?|failed)\s+to\s+(?:build|compile|link|boot)\b|\b(?:doesn't|does\s+not|didn't|did\s+not)\s+(?:even\s+)?(?:build|compile|link|boot)\b"), 0.75),
        new("objection.withdraw-ack", ActType.Objection, R(@"\bwithdraw\w*\s+(?:my\s+)?(?:ack|review|r-?b|reviewed-by|acked-by|tag)|\bretract\w*\s+my\b|\bdrop(?:ping)?\s+my\s+(?:ack|r-?b|reviewed-by|acked-by)"), 0.9, Speaker.Reviewer),
        new("objection.concern", ActType.Objection, R(@"(?<!\bas\s+far\s+as\s+)\bI(?:'m|\s+am)\s+(?:\w+\s+)?(?:concerned|worried|uneasy|not\s+(?:happy|comfortable|convinced))\b|\bmy\s+(?:main\s+|only\s+|biggest\s+)?concern\b"), 0.6,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.5),
        new("objection.wrong", ActType.Objection, R(@"\b(?:this|that|it)\s+(?:is|looks|seems|does\s+look|does\s+seem|feels|sounds)\s+(?:\w+\s+)?(?:wrong|broken|bogus|backwards|hacky|fragile|dubious|questionable|fishy|a\s+hack)\b|\b(?:this|it)\s+(?:can|will|could|may)\s+(?:\w+\s+)?(?:crash|deadlock|race|leak|corrupt|hang|panic|oops)\b"), 0.7,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.5),
        new("objection.unsure", ActType.Objection, R(@"^(?:hmm+,?\s+)?(?:I'm\s+|I\s+am\s+)?(?:unsure|not\s+(?:so\s+|too\s+|entirely\s+)?sure)\s+about\s+(?:that|this|it)\b"), 0.55, Speaker.Reviewer),
        // "I'm not sure deferring the error until memslot time is better than just failing": doubt that the patch's way is right.
        new("objection.doubt", ActType.Objection, R(@"^(?:hmm+,?\s+|but\s+|so\s+)?(?:I'm|I\s+am)\s+(?:really\s+|still\s+)?not\s+(?:so\s+|too\s+|entirely\s+|at\s+all\s+)?(?:sure|convinced)\s+(?:that\s+)?(?!(?:I|we|you)\b)[^,;?]{3,80}?\b(?:is|are|would\s+be)\s+(?:\w+\s+)?(?:better|right|correct|safe|the\s+right|a\s+good\s+idea|worth|needed|necessary|an\s+improvement)\b"), 0.5, Speaker.Reviewer),
        // "Why should we care?", "Why would anyone want that?", "But what makes it safe to do this?": a challenge to the patch's
        // reason to exist.
        new("objection.why-bother", ActType.Objection, R(@"^(?:but\s+|and\s+|so\s+|then\s+)?why\s+(?:should|would)\s+(?:we|I|anyone|one|you|KVM|the\s+kernel|userspace)\s+(?:even\s+|ever\s+)?(?:care|bother|want\s+(?:this|that))\b|^(?:but\s+)?what\s+makes\s+(?:it|this|that)\s+(?:\w+\s+)?(?:safe|correct|ok|okay|right|necessary|acceptable)\b"), 0.55, Speaker.Reviewer),
        // "We already have SET_ONE_REG.", "There is already a helper for this": what the patch adds exists (after "Why ...?").
        new("objection.already-have", ActType.Objection, R(@"^(?:but\s+)?(?:we|KVM|the\s+kernel)\s+already\s+(?:have|has|provide|provides|support|supports|expose|exposes)\s+(?:a|an|the|this|that|it|such)\b|^there(?:'s|\s+is)\s+already\s+(?:a|an)\s+(?:\w+\s+)?(?:helper|function|interface|ioctl|api|mechanism|macro|way|field|register)\b"), 0.45, Speaker.Reviewer),
        // "I'm not really sure how useful this will be", "I'm not convinced of the value of ...": doubt about the patch's worth.
        new("objection.doubt-value", ActType.Objection, R(@"\bnot\s+(?:really\s+|entirely\s+|too\s+|so\s+)?(?:sure|convinced)\s+(?:how\s+(?:useful|valuable|helpful)|(?:of\s+)?(?:the\s+)?(?:value|usefulness|benefit)\s+of)\b"), 0.5, Speaker.Reviewer),
        // "There is no guarantee that the ITS will actually write to the memory": what the patch relies on may not hold.
        new("objection.no-guarantee", ActType.Objection, R(@"\bthere(?:'s|\s+is)\s+(?:currently\s+|simply\s+|really\s+|absolutely\s+)?no\s+guarantee\b"), 0.5, Speaker.Reviewer),
        // "That raises questions on the locking", "this raises a concern about ...".
        new("objection.raises-concern", ActType.Objection, R(@"\b(?:raises?|raising)\s+(?:(?:some|a\s+few|serious|several|a\s+number\s+of)\s+)?(?:questions|concerns|a\s+(?:question|concern|red\s+flag))\b"), 0.5, Speaker.Reviewer),
        // "I still don't understand how ...": a concern left unanswered.
        new("objection.still-unclear", ActType.Objection, R(@"\bI\s+still\s+(?:don't|do\s+not|can't|cannot)\s+(?:understand|see|follow)\b"), 0.55, Speaker.Reviewer),
        // "There is a race here", "there are two other issues with ...", "This cannot work.", "That doesn't make sense."
        new("objection.there-is-a-bug", ActType.Objection, R(@"\bthere(?:'s|\s+is|\s+seems\s+to\s+be)\s+(?:a|an|another)\s+(?:\w+\s+)?(?:bug|race|problem|issue|deadlock|leak)\s+(?:here|with\s+(?:this|that|the\s+(?:patch|change|approach|code))|in\s+(?:this|the|either|both))\b|\bthere\s+(?:are|seem\s+to\s+be)\s+(?:\w+\s+){0,2}?(?:issues|problems|bugs|races)\s+(?:here|with|in)\b|^(?:but\s+|so\s+)?(?:this|that)\s+(?:\w+\s+)?(?:doesn't|does\s+not|won't|will\s+not|cannot|can't)\s+(?:possibly\s+)?(?:work|make\s+(?:any\s+)?sense)\b"), 0.55, Speaker.Reviewer),
        // "I see several problems with this approach", "I have huge reservations about its quality".
        new("objection.sees-problems", ActType.Objection, R(@"\bI\s+(?:can\s+)?see\s+(?:several|a\s+few|some|many|two|three|multiple|a\s+number\s+of|a\s+couple\s+of|serious|major|fundamental)\s+(?:\w+\s+)?(?:problems|issues)\s+(?:with|in|here)\b|\bI\s+(?:have|'ve\s+got)\s+(?:\w+\s+)?(?:reservations|doubts)\s+(?:about|on|regarding|over|with)\b"), 0.55, Speaker.Reviewer),
        // "FYI, this has been fixed by Marc in commit ...": what the patch does is already done, the patch is redundant.
        new("objection.already-fixed", ActType.Objection, R(@"\b(?:this|it|that)\s+(?:has|had|was)\s+(?:already\s+)?been\s+(?:fixed|addressed|solved|done)\s+(?:already\s+)?(?:by|in|upstream)\b|\b(?:is|was)\s+already\s+(?:fixed|addressed|solved)\s+(?:by|in|upstream)\b"), 0.5, Speaker.Reviewer),
        new("objection.dont-think", ActType.Objection, R(@"\bI\s+(?:don't|do\s+not|dont)\s+(?:think|believe|see\s+(?:why|how|the\s+point))\b"), 0.55,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.65, Skip: NotAnObjectionOrAsks),

        // Question (beyond a trailing "?", handled in ActRules).
        new("question.wonder", ActType.Question, R(@"\bI\s+(?:was\s+|am\s+|'m\s+)?wondering\b|\bI\s+wonder\b|\bcurious\s+(?:whether|if|why|about|how)\b|\bnot\s+sure\s+(?:why|whether|if|what|how)\b|\bcan\s+you\s+(?:explain|clarify|elaborate)\b"), 0.6,
            Skip: WonderResolved),

        // Suggestion.
        new("suggestion.i-suggest", ActType.Suggestion, R(@"\bI(?:'d|\s+would)\s+(?:\w+\s+)?(?:suggest|recommend|prefer|propose)\b|\b(?:as\s+)?I\s+(?:already\s+|previously\s+)?(?:suggested|proposed)\s+(?:to|that|you|we|using|adding|a|an|the|earlier|before)\b|\b(?:suggest|propose)\s+(?:to|that|you|we|using|adding|moving|dropping|renaming|making)\b"), 0.7),
        // "I'd just drop the 'if OF' here", "I would simply use a helper": what the reviewer would do in the author's place.
        new("suggestion.id-just", ActType.Suggestion, R(@"\bI(?:'d|\s+would)\s+(?:just|simply|probably\s+just)\s+(?:drop|remove|use|move|rename|split|add|make|avoid|replace|inline|fold|squash|return|call|check|pass|get\s+rid\s+of)\b"), 0.6, Speaker.Reviewer),
        new("suggestion.how-about", ActType.Suggestion, R(@"^(?:so\s+|and\s+)?(?:how|what)\s+about\b|\bwhy\s+not\b"), 0.65,
            // Asking about another case is a question, not a proposal: "What about the other way around?", "What about the case where ...?"
            Skip: R(@"^(?:so\s+|and\s+)?what\s+about\s+(?:the\s+)?(?:other\s+way|opposite|reverse|converse|case|situation|scenario|when|if)\b")),
        new("suggestion.maybe", ActType.Suggestion, R(@"\b(?:maybe|perhaps)\s+(?:we|you|just|add|use|rename|move|drop|split|make|better|worth|consider|instead|a|an|the|some)\b"), 0.55),
        new("suggestion.please", ActType.Suggestion, R(@"\bplease\s+(?:(?:can|could|would)\s+you\s+)?(?:also\s+|just\s+|do\s+)?(?:add|use|rename|move|drop|remove|split|make|consider|document|update|fix|mention|describe|keep|incorporate|respin|resend|include|explain|reword|rephrase|change|avoid|check|factor|call|put|write|clarify|cc|squash|fold|run|test|convert|replace|report|send|look)\b"), 0.75, Speaker.Reviewer),
        new("suggestion.you-could", ActType.Suggestion, R(@"\byou\s+(?:could|can\s+just|might\s+want\s+to|may\s+want\s+to|probably\s+want\s+to|should(?:\s+probably)?|need\s+to|must)\b|\byou\s+can\s+(?:simply\s+|also\s+|surely\s+)?(?:reuse|re-use|use|drop|remove|replace|move|fold|squash|get\s+rid|avoid|skip|call)\b"), 0.6, Speaker.Reviewer, CheckNegation: true,
            // "For reference, you can refer to the v2 of this patch": a pointer to read, not a change to make.
            Skip: R(@"\byou\s+(?:could|can|may|might\s+want\s+to)\s+(?:also\s+)?(?:see|refer\s+to|read|find\s+(?:it|them|more|the\s+details))\b")),
        new("suggestion.would-be-better", ActType.Suggestion, R(@"\b(?:it|this|that)(?:\s+would|'d|\s+might|\s+may)\s+be\s+(?:\w+\s+)?(?:better|nicer|cleaner|simpler|good|worth|easier|preferable|clearer)\b|\bwould\s+be\s+(?:nice|good|great|better|helpful)\s+(?:to|if)\b|\b(?:it's|it\s+is)\s+(?:\w+\s+)?better\s+to\b|\b(?:might|may|would)\s+be\s+worth\b|\bwould\s+not\s+hurt\b|\bit\s+doesn't\s+hurt\s+to\b"), 0.65),
        new("suggestion.no-need", ActType.Suggestion, R(@"\bno\s+need\s+(?:for|to)\b|\b(?:isn't|is\s+not|not)\s+(?:really\s+|strictly\s+)?(?:needed|necessary|required)\b"), 0.55,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.6,
            // Process, not a change: "no need to resend", "no need to worry".
            // Nor is "It's fine as it is, no need to change it": that keeps the patch as it is.
            Skip: R(@"\bno\s+need\s+(?:for\s+(?:a\s+)?(?:re-?send|re-?spin|new\s+version|v\d)|to\s+(?:re-?send|re-?spin|re-?post|send|post|worry|apologi[sz]e|change\s+(?:it|this|that|anything)|touch\s+(?:it|this|that)))\b")),
        new("suggestion.imperative", ActType.Suggestion, R(@"^(?:(?:also|then|instead),?\s+)?(?:add|use|rename|move|drop|remove|split|consider|document|describe|mention|check|replace|factor|return|reword|rephrase|squash|fold|avoid)\b(?![-_/.])"), 0.5, Speaker.Reviewer),
        new("suggestion.needs-to-be", ActType.Suggestion, R(@"\b(?:needs?|ought)\s+to\s+be\s+(?:\w+\s+)?(?:described|documented|explained|updated|mentioned|reworded|renamed|moved|split|guarded|checked|handled|removed|dropped|clarified|justified)\b|\bshould\s+(?:also\s+)?be\s+(?:described|documented|explained|mentioned|renamed|moved|split|dropped|removed|clarified|justified)\b"), 0.6, Speaker.Reviewer),
        new("suggestion.rename", ActType.Suggestion, R(@"\b(?:use|pick|choose)\s+a\s+(?:\w+\s+)?name\s+like\b|\b(?:name|call)\s+it\s+(?:something\s+like\s+)?[A-Za-z_]+\b|\brename\s+(?:it|this|that|the\s+\w+)\s+to\b|\bwe\s+(?:could|can)\s+(?:just\s+|also\s+|simply\s+)?(?:use|add|move|drop|rename|call|name|document|describe|reuse|split|remove)\b"), 0.6, Speaker.Reviewer, CheckNegation: true,
            // Purpose, condition or consequence, not a proposal: "so we can remove", "then we can drop it", "see if we can".
            Skip: R(@"\b(?:if|whether|so|until|once|when|how|where)\s+we\s+(?:could|can)\b|\bwe\s+can\s+(?:just\s+|also\s+|simply\s+)?\w+\s+(?:it|this|that)\s+(?:later|in\s+a\s+follow)")),
        // "Clarifying this in your commit message would help", "It might be valuable to document ...".
        new("suggestion.would-help", ActType.Suggestion, R(@"\b(?:would|might|could)\s+(?:really\s+|also\s+|definitely\s+)?help\b|\b(?:might|may|would|could)\s+be\s+(?:\w+\s+)?(?:valuable|useful|helpful)\s+to\b"), 0.55, Speaker.Reviewer, CheckNegation: true,
            Skip: R(@"\bif\b[^,]*\bhelp\b|\bhelp(?:s|ed)?\s+(?:me|us)\s+(?:understand|review)|\bwould\s+help\s+(?:with|in)\b|^(?:that|this|it)\s+would\s+help\s*[.!]?$")),
        // "It might make sense to add a bit more details", "It makes more sense to put this in ...".
        new("suggestion.makes-sense-to", ActType.Suggestion, R(@"\b(?:it|this|that)\s+(?:might|may|would|could)\s+(?:also\s+)?make\s+(?:more\s+|some\s+)?sense\s+to\b|\bmakes?\s+more\s+sense\s+to\b"), 0.6, Speaker.Reviewer, CheckNegation: true),
        // "we might as well map the whole BAR", "We can solve the GIC issue by limiting ...", "Alternatively, you can ...".
        new("suggestion.alternative", ActType.Suggestion, R(@"\b(?:we|you)\s+(?:might|may|could)\s+(?:just\s+)?as\s+well\b|\bwe\s+(?:could|can)\s+(?:\w+\s+){1,4}?by\s+\w+ing\b|^alternatively\b"), 0.55, Speaker.Reviewer, CheckNegation: true,
            Skip: R(@"\b(?:if|whether|so|until|once|when|how|where)\s+we\s+(?:could|can)\b")),
        // "This likely deserves its own patch", "should be a separate patch": split the change.
        new("suggestion.own-patch", ActType.Suggestion, R(@"\b(?:deserves?|warrants?|needs?|merits?)\s+(?:its|it's|their|a)\s+(?:own|separate)\s+(?:patch|commit|series)\b|\bshould\s+(?:be|go\s+in|live\s+in)\s+(?:a\s+)?separate\s+(?:patch|commit)\b"), 0.55, Speaker.Reviewer, CheckNegation: true),
        // "What you probably want is a getter", "What looks like you want is a __weak function", "You want to check X here."
        // (Not "as you want an alignment ..." or "I understand you want to keep ...": those describe the author's aim.)
        new("suggestion.you-want", ActType.Suggestion, R(@"(?:^|\bwhat\s+(?:looks\s+like\s+|seems\s+like\s+)?)you\s+(?:really\s+|probably\s+|just\s+)?wants?\s+(?:is\s+)?(?:a|an|to\s+(?:use|add|call|move|drop|keep|make|check))\b"), 0.5, Speaker.Reviewer,
            Skip: R(@"\?\s*$")),
        // "This comment shouldn't be in the core header", "I don't think the variable should be named ...": where or how code
        // should not be is a change request.
        new("suggestion.should-not-be", ActType.Suggestion, R(@"\b(?:shouldn't|should\s+not|don't\s+think\s+(?:\w+\s+){1,6}?should)\s+(?:\w+\s+)?be\s+(?:named|called|in|here|part\s+of|exposed|exported|visible|global|static|public|inline)\b"), 0.55, Speaker.Reviewer),
        // "Maybe it's worth defining it like that", "So implementing a uaccess_read() would be better I think", "I have a suggestion."
        new("suggestion.worth", ActType.Suggestion, R(@"\b(?:maybe|perhaps)\s+(?:it's|it\s+is|it\s+would\s+be)\s+worth\b|^(?:so\s+|then\s+|and\s+)?[a-z]\w*ing\b[^.,;?]{0,60}\bwould\s+be\s+(?:\w+\s+)?(?:better|nicer|cleaner|simpler|preferable|clearer|more\s+robust)\b|\bI\s+have\s+(?:a|one|another)\s+(?:small\s+|minor\s+)?(?:suggestion|proposal)\b"), 0.55, Speaker.Reviewer, CheckNegation: true),
        new("suggestion.lets", ActType.Suggestion, R(@"\blet's\s+(?:just\s+)?(?:write|add|use|move|drop|rename|split|make|call|document|go\s+with)\b"), 0.55),

        // Nit (reviewer only: an author saying "will fix the typo" is accepting, not nitpicking).
        new("nit.prefix", ActType.Nit, R(@"^(?:\w+\s+)?(?:nit(?:pick)?s?|minor|cosmetic|trivial|style|typo|spelling)\s*(?:\([^)]*\))?\s*[:\-]"), 0.9, Speaker.Reviewer),
        new("nit.word", ActType.Nit, R(@"\bnit(?:pick(?:ing|y)?|s)?\b"), 0.75, Speaker.Reviewer),
        new("nit.typo", ActType.Nit, R(@"\btypos?\b|\bmisspel\w*|\bspelling\b|\bgrammar\b"), 0.6, Speaker.Reviewer),

        // Praise.
        // From the patch author, "looks OK to me" judges a reviewer's proposal: it takes it up.
        new("praise.looks-good", ActType.Praise, R(@"\b(?:looks|look|seems|seem)\s+(?:\w+\s+)?(?:good|great|fine|sane|sensible|reasonable|ok(?:ay)?|correct|right)\b"), 0.7, CheckNegation: true,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.6,
            // "Does this look OK to you?" asks for a verdict, it gives none.
            Skip: R(@"\?\s*$")),
        new("praise.patch-is-fine", ActType.Praise, R(@"\b(?:the\s+|this\s+|these\s+)(?:patch|patches|change|changes|series|code|approach|fix)\s+(?:itself\s+|themselves\s+)?(?:is|are)\s+(?:\w+\s+)?(?:fine|good|correct|sane|sensible|reasonable)\b"), 0.6, Speaker.Reviewer, CheckNegation: true),
        // "Much better.", "This is a lot cleaner": a judgement of the current version (not "it would be much better to").
        new("praise.much-better", ActType.Praise, R(@"^(?:(?:this|that|it)(?:'s|\s+is|\s+looks|\s+reads)\s+|looks\s+|yes,?\s+)?(?:much|a\s+lot|way|far)\s+(?:better|nicer|cleaner|simpler|clearer|more\s+readable)\b(?!\s+(?:to|if)\b)"), 0.6, Speaker.Reviewer),
        new("praise.makes-sense", ActType.Praise, R(@"^(?:(?:this|that|it|all|everything|the\s+(?:patch|change|approach|series))\s+(?:\w+\s+)?)?makes\s+(?:a\s+lot\s+of\s+|perfect\s+|total\s+)?sense(?:\s+to\s+me)?\s*[.!,]"), 0.55, Speaker.Reviewer, CheckNegation: true),
        new("praise.lgtm", ActType.Praise, R(@"\bLGTM\b", RegexOptions.Compiled), 0.9),
        new("praise.nice", ActType.Praise, R(@"^(?:very\s+|really\s+)?(?:nice|neat|great|excellent|cool|awesome)\b(?!\s+to\b)|\b(?:nice|neat|great|good|clean)\s+(?:work|job|cleanup|catch|find|patch|series|improvement|idea|one)\b"), 0.6, CheckNegation: true),
        new("praise.thanks-for", ActType.Praise, R(@"\bthanks?(?:\s+you)?(?:\s+[A-Z]\w+)?(?:\s+a\s+lot|\s+so\s+much)?\s+for\s+(?:doing|working|fixing|taking|cleaning|tackling|being|the\s+(?:cleanup|fix(?:es)?|patch(?:es)?|series|work|efforts?|changes?|update|rework)|this|your\s+(?:work|efforts?|patience|persistence))\b"), 0.6, Speaker.Reviewer),
        new("praise.like", ActType.Praise, R(@"\bI\s+(?:really\s+)?like\s+(?:it|this|that|the\s+(?:idea|approach|change|patch|new))\b"), 0.6, CheckNegation: true),

        // Acceptance: agreeing to change, or agreeing with a point.
        new("acceptance.will-fix", ActType.Acceptance, R(@"(?:\b(?:I'll|I\s+will|I'd|we'll|we\s+will)|(?:^|[,;:]\s*|\b(?:and|then|so)\s+)will)\s+(?:\w+\s+)?(?:fix|do|change|update|add|drop|remove|rename|address|incorporate|rework|respin|resend|send|make|move|split|fold|reword|rephrase|include|work\s+on|take\s+care|look\s+into|switch|correct|squash|clean|fold|clarify|submit|post|repost)\b(?!\s+(?:my|an?\s+(?:objection|nak)))"), 0.4, Speaker.Author,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.85, CheckNegation: true),
        // The author reports or offers the change: "I've added the missing '~'", "I'm fixing up the patches now", "I can change this
        // patch to reject ...".
        new("acceptance.done", ActType.Acceptance, R(@"\bI(?:'ve|\s+have)\s+(?:now\s+|just\s+|already\s+)?(?:added|fixed|updated|changed|dropped|removed|folded|squashed|reworded|renamed|addressed|incorporated|applied|corrected)\b|\bI(?:'m|\s+am)\s+(?:now\s+)?(?:fixing|updating|changing|reworking|respinning|addressing|dropping|removing|folding|correcting)\b|\bI\s+can\s+(?:\w+\s+)?(?:change|fix|drop|remove|rename|update|add|rework|split|move|reword)\s+(?:it|this|that|the|these|them)\b"), 0.4, Speaker.Author,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.7, CheckNegation: true, Skip: R(@"\?\s*$")),
        // Anyone taking up a request: "Sure, ...", "Ack.", "Will do." (a co-author or co-designer accepts too).
        new("acceptance.sure", ActType.Acceptance, R(@"^(?:sure|ack|will\s+do|thanks,?\s+will\s+do|noted)(?:\s*[.!,:;)]|\s*$|\s+(?:-|—|thanks|thank|will|I'll))"), 0.7,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.85, ParagraphStart: true),
        new("acceptance.short", ActType.Acceptance, R(@"^(?:sure|ack|agreed|agree|good|great|perfect|thanks,?\s+will\s+do|yes|yep|yup|yeah|ok(?:ay)?|right|indeed|absolutely|correct|exactly|fair\s+enough|makes\s+sense|good\s+point|good\s+catch|noted|done|will\s+do|got\s+it|understood|true|of\s+course|definitely|sounds\s+(?:good|reasonable|fine)|(?:fixed|changed|updated|addressed|renamed|reworded|dropped|removed|squashed)(?:\s+(?:it|that|this|locally|now))?(?:\s+in\s+(?:v\d+|the\s+next\s+(?:version|revision|spin)))?)(?:\s*[.!,:;)]|\s*$|\s+(?:-|—|thanks|thank|will|I'll|indeed))"), 0.55, Speaker.Author,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.85, ParagraphStart: true,
            // "Got it, thanks for the information": acknowledging an answer, not taking up a request.
            // "Yeah, I see." understands an explanation; it takes up no request.
            Skip: R(@"\bthanks?\s+(?:you\s+)?(?:a\s+lot\s+)?for\s+(?:the\s+|your\s+|this\s+)?(?:information|info|explanation|clarification|details|pointers?|answer|reply|context|background)\b|^\w+[,.!]*\s+I\s+see\s*[.!]*$")),
        new("acceptance.agree", ActType.Acceptance, R(@"\b(?:good\s+point|(?:good|nice|great)\s+(?:catch|spot)|well\s+spotted|makes\s+(?:perfect\s+)?sense|fair\s+enough|I\s+(?:fully\s+|completely\s+)?agree|agreed|you(?:'re|\s+are)\s+right|point\s+taken|sounds\s+good|works\s+for\s+me|happy\s+with\s+(?:that|this))\b"), 0.65, Speaker.Author,
            AuthorType: ActType.Acceptance, AuthorConfidence: 0.8, CheckNegation: true),

        // Pushback: disagreement with a comment (Objection when a reviewer says it about the patch).
        new("pushback.disagree", ActType.Pushback, R(@"\bI\s+(?:disagree|don't\s+agree|do\s+not\s+agree|beg\s+to\s+differ)\b|\bnot\s+sure\s+I\s+(?:agree|follow)\b|\bI(?:'m|\s+am)\s+not\s+convinced\b"), 0.65,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.8),
        new("pushback.intentional", ActType.Pushback, R(@"\b(?:that's|that\s+is|this\s+is|it's|it\s+is|was)\s+(?:\w+\s+)?(?:intentional|deliberate|on\s+purpose|by\s+design|intended)\b|\bintentionally\b|\bdeliberately\b"), 0.5,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.8),

        new("pushback.rebuttal", ActType.Pushback, R(@"^(?:not\s+quite|not\s+really|not\s+at\s+all|not\s+necessarily|that's\s+not\s+(?:true|the\s+case|what)|that\s+is\s+not\s+(?:true|the\s+case))\b|\bno\s+other\s+(?:choice|way|option)\b|\boff\s+the\s+table\b|\bon\s+principle\b|\bI\s+(?:don't|do\s+not)\s+(?:immediately\s+)?see\s+(?:what|anything|why\s+(?:this|that|it)\s+(?:is|would\s+be)\s+a\s+problem)\b|\bwhat\s+is\s+the\s+point\b|\bthe\s+(?:main\s+|whole\s+)?(?:reason|point)\s+(?:for|of|why)\s+(?:adding|doing|this|that|having)\b|\bconsistent\s+with\s+what\b|\bI\s+(?:do\s+not|don't)\s+(?:really\s+)?like\b|\bI\s+think\s+(?:that|this|it)(?:'d|\s+would)\s+be\s+(?:really\s+|very\s+)?(?:confusing|wrong|worse|pointless)\b"), 0.6,
            AuthorType: ActType.Pushback, AuthorConfidence: 0.75),
        // "I'd prefer to keep it as is", "I'll leave it as it is": the author keeps the patch's way.
        new("pushback.keep-as-is", ActType.Pushback, R(@"\b(?:keep|leave)\s+(?:it|this|that|them|these|the\s+\w+)\s+(?:as[\s-](?:is|it\s+is)|unchanged|alone|like\s+(?:this|that|it\s+is))\b|\bprefer\s+(?:to\s+)?(?:keep|leave)\s+(?:it|this|that|them|the)\b"), 0.6, Speaker.Author, CheckNegation: true),
        // "I think these are two orthogonal things": the point answered is beside this one.
        new("pushback.orthogonal", ActType.Pushback, R(@"\b(?:are|is)\s+(?:\w+\s+){0,2}?orthogonal\b|\bare\s+(?:two\s+)?(?:very|completely|totally|entirely)\s+different\s+things\b"), 0.5,
            Skip: R(@"\b(?:I'll|I\s+will|will|I\s+agree|agreed)\b")),
        // "So in a way, it does mean something", "To set these flags in advance does have advantages": an emphatic "does" contradicts.
        new("pushback.emphatic-does", ActType.Pushback, R(@"(?<=\S\s+)(?:does|do|did)\s+(?:(?!not\b)\w+\s+)?(?:mean\s+something|matter|have\s+(?:\w+\s+)?(?:advantages|benefits|value|a\s+(?:use|point|purpose|reason))|exist|happen|apply)\b"), 0.5,
            Skip: R(@"\?\s*$|\b(?:if|whether|how|why|what|when|where|which|who)\b[^,]*\b(?:does|do|did)\s")),
        // "Why should that be a requirement?": the requirement itself is disputed.
        new("pushback.why-required", ActType.Pushback, R(@"^(?:but\s+|and\s+|so\s+)?why\s+(?:should|would|must)\s+(?:that|this|it)\s+be\s+(?:a\s+)?(?:requirement|required|necessary|needed|mandatory|a\s+problem|an\s+issue)\b"), 0.55),
        new("pushback.author-no", ActType.Pushback, R(@"^(?:no|nope)\s*[,.!]\s*\S"), 0.6, Speaker.Author, ParagraphStart: true),

        // Direction: policy / scope statements.
        new("direction.keep-to", ActType.Direction, R(@"\b(?:let's|let\s+us|we\s+should|we'll|I'd|should|must|if\s+we)\s+(?:just\s+|only\s+)?(?:keep|limit|restrict|stick|confine)\b|\b(?:keep|limit|restrict)\s+(?:it|this|that|them)\s+(?:only\s+)?to\b"), 0.75,
            // "let's keep the patch as it is" leaves a change out; it sets no scope.
            Skip: R(@"\bkeep\s+(?:it|this|that|them|the\s+\w+)\s+(?:as[\s-](?:it\s+)?is|unchanged)\b")),
        new("direction.conservative", ActType.Direction, R(@"\bbe\s+conservative\b|\b(?:do\s+not|don't|not)\s+enable\b|\berr\s+on\s+the\s+side\b"), 0.75),
        new("direction.should-not", ActType.Direction, R(@"\bwe\s+(?:should\s+not|shouldn't|must\s+not|mustn't|won't|will\s+not|don't\s+want\s+to)\b|\bwe\s+(?:cannot|can't|can\s+not)\s+(?:\w+\s+)?(?:relax|allow|generali[sz]e|enable|accept|take|merge|support|expose|extend)\b"), 0.6,
            // A consequence, not a policy: "we won't be able to restore".
            // Nor a hedge: "Maybe we should not flush the whole memslot here" proposes.
            Skip: R(@"\bwe\s+(?:won't|will\s+not|wouldn't|would\s+not)\s+(?:\w+\s+)?(?:be\s+able|have|need|get|see|know)\b|^(?:so\s+)?(?:maybe|perhaps)\b")),
        // From the patch author answering review, "I'd rather ..." prefers the patch's way: pushback.
        new("direction.rather", ActType.Direction, R(@"\bI(?:'d|\s+would)\s+(?:much\s+)?rather\b"), 0.6, AuthorType: ActType.Pushback, AuthorConfidence: 0.6),
        new("direction.for-now", ActType.Direction, R(@"\bfor\s+now\b|\bfor\s+the\s+time\s+being\b|\buntil\s+(?:we|there\s+is|someone)\b"), 0.55),
        // "That's the way to go", "The right thing to do is to ...": the maintainer names the way forward.
        new("direction.way-to-go", ActType.Direction, R(@"\b(?:is|seems|looks\s+like)\s+(?:the|a)\s+(?!long\b)(?:\w+\s+)?way\s+(?:to\s+go|forward)\b|\bthe\s+(?:only\s+)?(?:right|correct|proper)\s+(?:thing\s+to\s+do|way\s+to\s+(?:do|fix|handle)\s+(?:this|it|that))\s+is\b"), 0.55, Speaker.Reviewer, CheckNegation: true,
            Skip: R(@"\?\s*$")),
        // "We are *required* to handle that", "we need to support this case": what the code must cope with.
        new("direction.required", ActType.Direction, R(@"\bwe\s+(?:are\s+\*?required\*?\s+to\s+(?:support|handle|cope\s+with|deal\s+with)|(?:really\s+)?(?:need|have|must)\s+(?:to\s+)?(?:support|handle|cope\s+with|deal\s+with))\s+(?:this|that|it|these|those|such|the\s+case|this\s+case|both|all)\b"), 0.5, Speaker.Reviewer, CheckNegation: true,
            Skip: R(@"\?\s*$")),
        // "That's not the way we access system registers", "That's not something that KVM does nor should interpret".
        new("direction.not-how-we", ActType.Direction, R(@"^(?:but\s+|and\s+)?(?:that's|that\s+is|this\s+is|it's|it\s+is)\s+(?:really\s+|simply\s+)?not\s+(?:the\s+way|how|something)\s+(?:that\s+)?(?:we|KVM|the\s+kernel|Linux|userspace|a\s+driver|drivers)\b"), 0.55, Speaker.Reviewer),
        // "This needs to happen in perf itself, and not in KVM": where the work belongs.
        new("direction.belongs-in", ActType.Direction, R(@"\b(?:needs?|has|have|ought)\s+to\s+(?:happen|live|be\s+done|be\s+handled|be\s+fixed|be\s+solved|be\s+implemented|go)\s+(?:in|at)\s+[^,.;]{2,40}?,?\s+(?:and\s+)?not\s+(?:in|at)\b"), 0.55, Speaker.Reviewer),
        new("direction.convention", ActType.Direction, R(@"\bthe\s+convention\b|\bwe\s+(?:always|generally|never)\b|\bpolicy\s+is\b"), 0.5),
        new("direction.preference", ActType.Direction, R(@"\bideally\s+(?:\w+\s+)?(?:should|would)\b|\bmy\s+(?:strong\s+)?preference\s+(?:would\s+be|is)\b|\b(?:happy|fine|ok|okay)\s+to\s+(?:table|defer|postpone|revisit)\b|\buntil\s+(?:the|a|an\s+actual|a\s+real)\s+use\s*-?\s*case\b|\bonly\s+(?:add|do|enable|support)\s+(?:this|it|that)\s+if\b|\bthe\s+(?:agreement|consensus|decision)\s+(?:was|is)\b|\bplease\s+(?:don't|do\s+not)\s+(?:send|post|base)\b|\bneeds?\s+to\s+be\s+(?:a\s+)?(?:secure|explicit)\b"), 0.6),
        new("direction.lets-not", ActType.Direction, R(@"\blet's\s+not\b|\blet's\s+(?:just\s+)?(?:leave|wait|table|defer)\b"), 0.6),
    ];
}
