using Ledger.Core.Archive;

namespace Ledger.Tests.Importing;

public class MessageIdsTests
{
    [Fact]
    public void A_real_message_id_links_to_lore() =>
        Assert.Equal("https://lore.kernel.org/r/20240220072926.6466-5-ankita@nvidia.com", MessageIds.LoreLink("<20240220072926.6466-5-ankita@nvidia.com>"));

    [Fact]
    public void An_id_ledger_made_up_for_a_message_without_one_links_nowhere()
    {
        var id = MessageIds.Synthesize(MessageIds.Sha256Hex("From: a@b\r\n\r\nno id\r\n"u8));
        Assert.True(MessageIds.IsSynthetic(id));
        Assert.Null(MessageIds.LoreLink(id));
        Assert.False(MessageIds.IsSynthetic("20240220072926.6466-5-ankita@nvidia.com"));
    }
}
