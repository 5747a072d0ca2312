using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class ActRulesTests
{
    private static readonly ActContext Reviewer = new(false, true);
    private static readonly ActContext Author = new(true, false);

    private static IReadOnlyList<DetectedAct> Acts(string file, int segment, ActContext ctx) =>
        ActRules.Classify(Replies.Split(Corpus.Body(Corpus.Vfio(file))).Segments[segment], ctx);

    private static IReadOnlyList<DetectedAct> Acts(string text, ActContext ctx) => ActRules.Classify(new ReplySegment("", text, 0), ctx);

    [Fact]
    public void AlexQuestionAndRewording()
    {
        var acts = Acts("003.eml", 0, Reviewer);
        var rw = Assert.Single(acts, a => a.Type == ActType.Rewording);
        Assert.Equal("rewording.something-like", rw.Rule);
        Assert.StartsWith("The VM_ALLOW_ANY_UNCACHED flag is implemented for ARM64,", rw.ProposedText);
        Assert.EndsWith("to be safe for vfio-pci use cases.", rw.ProposedText);
        Assert.DoesNotContain("\t", rw.ProposedText);
        var q = Assert.Single(acts, a => a.Type == ActType.Question);
        Assert.EndsWith("is that correct?", q.Text);
        Assert.DoesNotContain(acts, a => a.Type == ActType.Objection); // the proposed text says "risks", the sender does not object
    }

    [Fact]
    public void JasonRevisedTextAndDirection()
    {
        var first = Acts("002.eml", 0, new ActContext(false, false));
        var rw = Assert.Single(first, a => a.Type == ActType.Rewording);
        Assert.StartsWith("The VM_ALLOW_ANY_UNCACHED flag is implemented for ARM64,", rw.ProposedText);
        Assert.Contains("only after the platform vendor completes auditing for\nsafety.", rw.ProposedText);
        Assert.Contains(first, a => a.Type == ActType.Acceptance); // "Sure, ..."
        Assert.DoesNotContain(first, a => a.Type == ActType.Objection);

        var second = Acts("002.eml", 1, new ActContext(false, false));
        var d = Assert.Single(second, a => a.Type == ActType.Direction);
        Assert.Contains("be conservative and do not enable it", d.Text);
        var quoted = Assert.Single(second, a => a.Type == ActType.Rewording);
        Assert.StartsWith("we have a general consensus", quoted.ProposedText);
    }

    [Fact]
    public void SubstitutionsFromCorpus()
    {
        var s = Assert.Single(Acts("013.eml", 0, Reviewer), a => a.Rule == "rewording.s-slash");
        Assert.Equal("uncertainty", s.ProposedText);
        var two = Acts("078.eml", 0, Reviewer).Where(a => a.Rule == "rewording.s-slash").Select(a => a.ProposedText);
        Assert.Equal(["the expectation is that", "The assumption is"], two);
        // Unterminated form, from the author: "s/VM_VFIO_ALLOW_WC/VM_ALLOW_ANY_UNCACHED." is parsed, but from the author it
        // describes the next version's change and proposes nothing (labels: acceptance only), so it is no rewording act.
        var authorText = Replies.Split(Corpus.Body(Corpus.Vfio("022.eml"))).Segments[1].Text;
        Assert.Contains(Rewordings.Find(authorText), p => p.Proposed == "VM_ALLOW_ANY_UNCACHED");
        Assert.DoesNotContain(Acts("022.eml", 1, Author), a => a.Type == ActType.Rewording);
    }

    [Fact]
    public void WithdrawnAckIsObjection() =>
        Assert.Contains(Acts("049.eml", 0, Reviewer), a => a is { Type: ActType.Objection, Rule: "objection.withdraw-ack" });

    [Fact]
    public void AuthorAcceptsAndReviewerNits()
    {
        Assert.Contains(Acts("077.eml", 0, Author), a => a is { Type: ActType.Acceptance, Confidence: >= 0.8 });
        Assert.Contains(Acts("017.eml", 0, Author), a => a.Type == ActType.Acceptance); // "Ack."
        var nit = Acts("015.eml", 0, Reviewer);
        Assert.Contains(nit, a => a.Rule == "nit.prefix");
        Assert.Contains(nit, a => a.Type == ActType.Rewording && a.ProposedText == "supporting write-combining");
        Assert.DoesNotContain(Acts("005.eml", 0, Author), a => a.Type == ActType.Nit); // author "will fix the typos"
    }

    [Fact]
    public void AppliedNoticeFromMaintainer() =>
        Assert.Contains(Acts("040.eml", 0, Reviewer), a => a is { Type: ActType.Applied, Rule: "applied.b4-ty" });

    [Theory]
    [InlineData("NAK. This breaks the ABI.", ActType.Objection, "objection.nak")]
    [InlineData("This is not safe on systems without FWB.", ActType.Objection, "objection.not-safe")]
    [InlineData("I'm withdrawing my Ack until we understand this.", ActType.Objection, "objection.withdraw-ack")]
    [InlineData("Why do we need the extra lock here?", ActType.Question, "question.mark")]
    [InlineData("I'd suggest moving this into a helper.", ActType.Suggestion, "suggestion.i-suggest")]
    [InlineData("Please rename this to foo_bar().", ActType.Suggestion, "suggestion.please")]
    [InlineData("nit: missing blank line.", ActType.Nit, "nit.prefix")]
    [InlineData("Looks good to me.", ActType.Praise, "praise.looks-good")]
    [InlineData("LGTM", ActType.Praise, "praise.lgtm")]
    [InlineData("Let's keep it to PCIe for now.", ActType.Direction, "direction.keep-to")]
    [InlineData("I'd rather keep this out of the core code.", ActType.Direction, "direction.rather")]
    [InlineData("I think sanitising the registers is the way to go.", ActType.Direction, "direction.way-to-go")]
    [InlineData("The right thing to do is to change the locking first.", ActType.Direction, "direction.way-to-go")]
    public void ReviewerPhrases(string text, ActType type, string rule) =>
        Assert.Contains(Acts(text, Reviewer), a => a.Type == type && a.Rule == rule);

    [Theory]
    [InlineData("Sure, will fix in the next version.", ActType.Acceptance)]
    [InlineData("Good point, I'll change it.", ActType.Acceptance)]
    [InlineData("Makes sense.", ActType.Acceptance)]
    [InlineData("I disagree, the lock is needed for the resume path.", ActType.Pushback)]
    [InlineData("That's intentional: the flag must survive fork.", ActType.Pushback)]
    [InlineData("I don't think that's needed here.", ActType.Pushback)]
    public void AuthorPhrases(string text, ActType type) => Assert.Contains(Acts(text, Author), a => a.Type == type);

    [Theory]
    [InlineData("Reviewed-by: Jane Doe <jane@x.org>")]
    [InlineData("Thanks,\nAlex")]
    [InlineData("See https://git.kernel.org/log/?h=kvm-arm64/vfio for details.")]
    [InlineData("It doesn't look good to me either way, we need numbers.")]
    public void NoFalseActs(string text) =>
        Assert.DoesNotContain(Acts(text, Reviewer), a => a.Type is ActType.Praise or ActType.Question or ActType.Objection);

    [Fact]
    public void TagQuestionsAndAsidesAreNotQuestions()
    {
        Assert.DoesNotContain(Acts("No?", Reviewer), a => a.Type == ActType.Question);
        Assert.DoesNotContain(Acts("This is problematic for performance (where we want WC?) and more.", Reviewer), a => a.Type == ActType.Question);
    }

    [Fact]
    public void ClassifiesEveryCorpusSegmentWithValidConfidence()
    {
        foreach (var path in Corpus.VfioMails())
            foreach (var s in Replies.Split(Corpus.Body(path)).Segments)
                Assert.All(ActRules.Classify(s, Reviewer), a => Assert.InRange(a.Confidence, 0.0, 1.0));
    }
    [Theory]
    [InlineData("Can it be generalised? No. It only works on your device.")] // answered by the sender at once
    [InlineData("Who says that this implies anything other than device memory?")] // rhetorical opener
    [InlineData("What is the point?")]
    [InlineData("pgprot_writecombine() ?")] // names an alternative
    public void ArguingQuestionsAreNotQuestions(string text) =>
        Assert.DoesNotContain(Acts(text, Reviewer), a => a.Type == ActType.Question);

    [Fact]
    public void BareIdentifierQuestionIsASuggestion() =>
        Assert.Contains(Acts("vcpu_read_sys_reg()?", Reviewer), a => a.Rule == "suggestion.bare-identifier");

    [Fact]
    public void SentencesDoNotBreakInsideParentheses()
    {
        Assert.Equal(["Who says that VGA (who implements VGA these days?) implies it?", " Next."],
            ActRules.Sentences("Who says that VGA (who implements VGA these days?) implies it? Next."));
        Assert.Equal(["Sad :( really.", " Next."], ActRules.Sentences("Sad :( really. Next.")); // unbalanced parenthesis
    }

    [Theory]
    [InlineData("I was wondering who would trigger that, but as I read below it could be MMIO emulation.", ActType.Question)]
    [InlineData("If it's just that, likely no need to resend.", ActType.Suggestion)]
    [InlineData("here since if the event_id is not correct, there is no use looking it up.", ActType.Objection)]
    [InlineData("If you stare at it long enough, the mismatch starts to look fine.", ActType.Praise)]
    [InlineData("I don't think it's harmful but not sure there's a use-case for it either.", ActType.Objection)]
    [InlineData("The issue is that the pause will fail and we won't be able to restore.", ActType.Direction)]
    [InlineData("I'll have a look to see if we can call this from a preempt notifier.", ActType.Suggestion)]
    [InlineData("I'm not sure this would really help.", ActType.Suggestion)]
    public void HedgesConditionsAndConsequencesAreNotActs(string text, ActType type) =>
        Assert.DoesNotContain(Acts(text, Reviewer), a => a.Type == type);

    [Fact]
    public void AuthorAcknowledgingAnAnswerIsNotAcceptance() =>
        Assert.DoesNotContain(Acts("Got it, thanks for the information!", Author), a => a.Type == ActType.Acceptance);

    [Theory]
    [InlineData("I think clarifying this in your commit message would help.", ActType.Suggestion)]
    [InlineData("Should we teach kvmtool about this bug?", ActType.Suggestion)]
    [InlineData("We can add a VM_PCI_IO in the high vma flags.", ActType.Suggestion)]
    [InlineData("As I suggested earlier, a new VM_* flag.", ActType.Suggestion)]
    [InlineData("Some of it might be valuable to document in more detail.", ActType.Suggestion)]
    [InlineData("Unsure about that.", ActType.Objection)]
    [InlineData("It does look hacky though.", ActType.Objection)]
    [InlineData("The patches themselves are fine for the simple cases.", ActType.Praise)]
    [InlineData("Why should we care? If the guest doesn't give us the memory, that's its problem.", ActType.Objection)]
    [InlineData("There is no guarantee that the ITS will actually write to the memory.", ActType.Objection)]
    [InlineData("I still don't understand how to reclaim an MMIO region.", ActType.Objection)]
    [InlineData("This cannot work.", ActType.Objection)]
    [InlineData("No. That's completely unacceptable.", ActType.Objection)]
    [InlineData("It might make sense to add a bit more details on the underlying problem.", ActType.Suggestion)]
    [InlineData("If not, we might as well map the whole BAR as Normal NC.", ActType.Suggestion)]
    [InlineData("We can solve the GIC issue by limiting the relaxation to user mappings.", ActType.Suggestion)]
    [InlineData("Alternatively, add a Kconfig symbol and select it from the arch code.", ActType.Suggestion)]
    [InlineData("And if you need it, surely you can reuse some of the vgic_its_check_id() code.", ActType.Suggestion)]
    [InlineData("This comment shouldn't be in the core header file.", ActType.Suggestion)]
    [InlineData("I don't think the variable here should be named vfio_pci_device.", ActType.Suggestion)]
    [InlineData("Can we call these sw rather than ignored?", ActType.Suggestion)]
    [InlineData("Then, describe that the VMA flag was found to be the simplest way.", ActType.Suggestion)]
    [InlineData("Much cleaner!", ActType.Praise)]
    [InlineData("This patch makes sense to me.", ActType.Praise)]
    [InlineData("You've probably thought it through but wouldn't it be easier to have one global notifier?", ActType.Suggestion)]
    [InlineData("It's better to update the code comments at the same time.", ActType.Suggestion)]
    [InlineData("This likely deserves its own patch though.", ActType.Suggestion)]
    [InlineData("What you probably want is a getter for the per-cpu structure.", ActType.Suggestion)]
    [InlineData("That raises questions on the locking.", ActType.Objection)]
    [InlineData("It seems that there is a boundary issue in either the old code or the new one.", ActType.Objection)]
    [InlineData("My meaning is that we should change \"gfn_to_pfn_prot\"\nto \"__gfn_to_pfn_memslot\" in the comment.", ActType.Rewording)]
    [InlineData("I'm not sure deferring the error until memslot time is better than just failing early.", ActType.Objection)]
    [InlineData("Maybe it's worth defining it like that to make the overlap obvious.", ActType.Suggestion)]
    [InlineData("So implementing a uaccess_read() would be better I think.", ActType.Suggestion)]
    [InlineData("Can it be generalised? No.", ActType.Direction)]
    // Act rules v8: objections and directions stated as findings or conventions, disagreement stated by contrast.
    [InlineData("I see a few problems with the locking in this version.", ActType.Objection)]
    [InlineData("To be honest I have strong reservations about the new ioctl.", ActType.Objection)]
    [InlineData("This was already fixed by commit 0123abcd in mainline.", ActType.Objection)]
    [InlineData("That's not how we expose hypervisor state to the VMM.", ActType.Direction)]
    [InlineData("The throttling has to be done in the scheduler, not in the driver.", ActType.Direction)]
    [InlineData("We are *required* to cope with that on older parts.", ActType.Direction)]
    [InlineData("I think these two flags are orthogonal.", ActType.Pushback)]
    [InlineData("Right, but the ordering does matter on the resume path.", ActType.Pushback)]
    [InlineData("Why would that be a requirement?", ActType.Pushback)]
    // Act rules v9.
    [InlineData("Honestly, I'd just drop the extra check here.", ActType.Suggestion)]
    [InlineData("I'm not keen on exposing this to userspace.", ActType.Objection)]
    [InlineData("Is it worth documenting the new flag in api.rst?", ActType.Suggestion)]
    public void GeneralReviewerCues(string text, ActType type) => Assert.Contains(Acts(text, Reviewer), a => a.Type == type);

    [Theory]
    [InlineData("I don't think the variable here should be named vfio_pci_device.", ActType.Objection)] // a change request
    [InlineData("What about the other way around - would we have a BAR with holes?", ActType.Suggestion)] // asks about a case
    [InlineData("If that was done will NORMAL_NC make a difference? I'm not sure.", ActType.Question)] // thinking aloud
    [InlineData("But what makes it safe to do this in the first place?", ActType.Question)] // a challenge, not a question
    [InlineData("It would be much better to use a helper.", ActType.Praise)] // a proposal, not a verdict
    [InlineData("Does this look OK to you?", ActType.Praise)]
    [InlineData("I don't think we need a separate patch for that.", ActType.Suggestion)]
    [InlineData("I understand you want to keep the lock and why.", ActType.Suggestion)]
    [InlineData("I don't think adding a userspace accessor would help much.", ActType.Suggestion)] // negated ahead of the clause
    [InlineData("It's fine as it is, no need to change it.", ActType.Suggestion)]
    [InlineData("instead?", ActType.Question)] // the end of a sentence a pasted line of code interrupted
    [InlineData("I have serious doubts anyone will hit this in practice.", ActType.Objection)] // doubts a concern, not the patch
    [InlineData("The old value does not matter here.", ActType.Pushback)] // a plain negation, not an emphatic "does"
    [InlineData("Does the ordering matter here?", ActType.Pushback)]
    [InlineData("I'll rework it so that the two checks are orthogonal.", ActType.Pushback)]
    // A b4 thank-you lists the applied patches with their commits: no wording is proposed.
    [InlineData("Applied to next, thanks!\n\n[2/2] KVM: arm64: Depend on HAVE_KVM instead of directly on OF\n      commit: e26bb75aa2f17fc079e6a24dff653b098e1f5d37\n", ActType.Rewording)]
    public void ReviewerCuesThatDoNotFire(string text, ActType type) => Assert.DoesNotContain(Acts(text, Reviewer), a => a.Type == type);

    [Theory]
    [InlineData("I'd prefer to keep it as is, it matches the Linux definition.", ActType.Pushback)]
    [InlineData("I'd rather not lose this test.", ActType.Pushback)]
    [InlineData("Fixed in v2.", ActType.Acceptance)]
    [InlineData("Sorry, it's my mistake, I will submit the patch again.", ActType.Acceptance)]
    [InlineData("Yep, this is plain wrong.", ActType.Acceptance)] // concedes a reviewer's point
    [InlineData("Yup, looks OK to me.", ActType.Acceptance)] // takes up a proposal
    [InlineData("Yes, u8 is one byte, but I'd rather be explicit here.", ActType.Pushback)] // "Yes" answers, "I'd rather" keeps
    [InlineData("I've added the missing '~' and pushed out the updated branch.", ActType.Acceptance)]
    [InlineData("Sorry for the mess; I'm fixing up the patches now.", ActType.Acceptance)]
    [InlineData("I can change this patch to reject the default with a warning.", ActType.Acceptance)]
    [InlineData("Very good spot, and that's a much better reference.", ActType.Acceptance)]
    [InlineData("So I'd prefer to leave this as-is for now.", ActType.Pushback)]
    public void AuthorCues(string text, ActType type) => Assert.Contains(Acts(text, Author), a => a.Type == type);

    [Theory]
    [InlineData("Yep, this is plain wrong.", ActType.Pushback)]
    [InlineData("Yup, looks OK to me.", ActType.Praise)]
    [InlineData("However, no existing userspace will work on these systems.", ActType.Acceptance)] // "will work on" is no promise
    [InlineData("Got it. Replacing:\n\n  /* Sync the tags before the page is mapped */\n", ActType.Rewording)] // the next version, not a proposal
    [InlineData("I can drop the reference from the commit message, if that's confusing?", ActType.Acceptance)] // an offer asked
    public void AuthorCuesThatDoNotFire(string text, ActType type) => Assert.DoesNotContain(Acts(text, Author), a => a.Type == type);

    [Fact]
    public void PastedLogsAreNeitherProposalsNorProse()
    {
        const string log = "I see this on boot:\n\n  [   12.345678] Call trace:\n  [   12.345679]  kvm_handle_guest_abort+0x68/0x70\n  [   12.345680]  handle_exit+0x10/0x40\n";
        Assert.Empty(Rewordings.Find(log));
        Assert.DoesNotContain(Acts("arch/arm64/kvm/mmu.c:123:5: error: use of undeclared identifier, please fix", Reviewer), a => a.Type == ActType.Suggestion);
    }

    [Fact]
    public void A_pasted_build_failure_is_an_objection_and_no_proposal()
    {
        // Marc Zyngier on kvmarm (87o7vsvn4m.wl-maz@kernel.org), shortened.
        const string text = "This fails to build on -rc4:\n\n  MODPOST vmlinux.symvers\n  MODINFO modules.builtin.modinfo\n  GEN     modules.builtin\n"
            + "  CC      .vmlinux.export.o\n  LD      .tmp_vmlinux.kallsyms1\nld: Unexpected GOT/PLT entries detected!\n"
            + "ld: (.hyp.text+0xdc1c): undefined reference to `__kvm_nvhe___rcu_read_unlock'\n";
        Assert.Empty(Rewordings.Find(text));
        var acts = Acts(text, Reviewer);
        Assert.Contains(acts, a => a.Type == ActType.Objection && a.Rule == "objection.breaks");
        Assert.DoesNotContain(acts, a => a.Type == ActType.Rewording);
        Assert.Contains(Acts("This doesn't compile.  I get:", Reviewer), a => a.Type == ActType.Objection);
    }

    [Fact]
    public void KeepingThePatchAsItIsSetsNoDirection() =>
        Assert.DoesNotContain(Acts("In the end, let's keep the patch as it is.", Reviewer), a => a.Type == ActType.Direction);

    [Fact]
    public void UnderstandingIsNoAcceptance() =>
        Assert.DoesNotContain(Acts("Yeah, I see.", new ActContext(true, true, Answering.Reviewer)), a => a.Type == ActType.Acceptance);

    [Fact]
    public void ADoubtEndingInRightAsksForConfirmation() =>
        Assert.DoesNotContain(Acts("I don't think things have changed in that respect, right?", Reviewer), a => a.Type == ActType.Objection);
}
