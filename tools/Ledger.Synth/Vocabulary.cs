namespace Ledger.Synth;

/// <summary>A mailing list: the address people write to and the List-Id the list server stamps.</summary>
public sealed record MailingList(string Address, string ListId);

/// <summary>A kernel subsystem: subject prefix, source directory, identifier stem, maintainer tree, lists.</summary>
internal sealed record Subsystem(string Prefix, string Dir, string Sym, string Tree, string[] Files, MailingList[] Lists, string? TreeTag);

/// <summary>Static word banks. Everything random is drawn from these through a seeded Randomizer.</summary>
internal static class Vocabulary
{
    static MailingList L(string local, string host) => new($"{local}@{host}", $"{local}.{host}");

    public static readonly MailingList Lkml = L("linux-kernel", "vger.kernel.org");
    static readonly MailingList Kvm = L("kvm", "vger.kernel.org");
    static readonly MailingList KvmArm = L("kvmarm", "lists.linux.dev");
    static readonly MailingList ArmKernel = L("linux-arm-kernel", "lists.infradead.org");
    static readonly MailingList Netdev = L("netdev", "vger.kernel.org");
    static readonly MailingList DriDevel = L("dri-devel", "lists.freedesktop.org");
    static readonly MailingList IntelGfx = L("intel-gfx", "lists.freedesktop.org");
    static readonly MailingList LinuxMm = L("linux-mm", "kvack.org");
    static readonly MailingList Pci = L("linux-pci", "vger.kernel.org");
    static readonly MailingList Usb = L("linux-usb", "vger.kernel.org");
    static readonly MailingList Btrfs = L("linux-btrfs", "vger.kernel.org");
    static readonly MailingList Ext4 = L("linux-ext4", "vger.kernel.org");
    static readonly MailingList Fsdevel = L("linux-fsdevel", "vger.kernel.org");
    static readonly MailingList Bpf = L("bpf", "vger.kernel.org");
    static readonly MailingList Iommu = L("iommu", "lists.linux.dev");
    static readonly MailingList Gpio = L("linux-gpio", "vger.kernel.org");
    static readonly MailingList I2c = L("linux-i2c", "vger.kernel.org");
    static readonly MailingList Spi = L("linux-spi", "vger.kernel.org");
    static readonly MailingList Dt = L("devicetree", "vger.kernel.org");
    static readonly MailingList X86 = L("x86", "kernel.org");

    public static readonly Subsystem[] Subsystems =
    [
        new("KVM: arm64", "arch/arm64/kvm", "kvm_arm", "kvmarm/next", ["mmu.c", "arm.c", "pkvm.c", "vgic/vgic-its.c", "hyp/pgtable.c"], [KvmArm, ArmKernel, Kvm], null),
        new("vfio/pci", "drivers/vfio/pci", "vfio_pci", "vfio/next", ["vfio_pci_core.c", "vfio_pci_config.c", "vfio_pci_intrs.c", "vfio_pci_rdwr.c"], [Kvm], null),
        new("net: stmmac", "drivers/net/ethernet/stmicro/stmmac", "stmmac", "net-next/main", ["stmmac_main.c", "dwmac4_dma.c", "stmmac_platform.c"], [Netdev], "net-next"),
        new("net/mlx5", "drivers/net/ethernet/mellanox/mlx5/core", "mlx5", "net-next/main", ["en_rx.c", "en_tx.c", "eswitch.c", "fs_core.c"], [Netdev], "net-next"),
        new("drm/i915", "drivers/gpu/drm/i915", "i915", "drm-intel-next", ["i915_gem.c", "display/intel_dp.c", "gt/intel_gt.c"], [IntelGfx, DriDevel], null),
        new("drm/msm", "drivers/gpu/drm/msm", "msm", "msm-next", ["msm_gem.c", "adreno/a6xx_gpu.c", "dpu1/dpu_encoder.c"], [DriDevel], null),
        new("mm", "mm", "mm", "mm-unstable", ["memory.c", "huge_memory.c", "page_alloc.c", "mmap.c", "vmscan.c"], [LinuxMm], null),
        new("iommu/arm-smmu-v3", "drivers/iommu/arm/arm-smmu-v3", "arm_smmu", "iommu/next", ["arm-smmu-v3.c", "arm-smmu-v3-sva.c"], [Iommu, ArmKernel], null),
        new("PCI", "drivers/pci", "pci", "pci/next", ["pci.c", "probe.c", "quirks.c", "controller/dwc/pcie-designware.c"], [Pci], null),
        new("usb: dwc3", "drivers/usb/dwc3", "dwc3", "usb-next", ["core.c", "gadget.c", "ep0.c"], [Usb], null),
        new("btrfs", "fs/btrfs", "btrfs", "for-next", ["inode.c", "extent_io.c", "volumes.c", "scrub.c"], [Btrfs], null),
        new("ext4", "fs/ext4", "ext4", "dev", ["inode.c", "extents.c", "super.c", "mballoc.c"], [Ext4, Fsdevel], null),
        new("bpf", "kernel/bpf", "bpf", "bpf-next/master", ["verifier.c", "syscall.c", "btf.c", "helpers.c"], [Bpf, Netdev], "bpf-next"),
        new("gpio: pca953x", "drivers/gpio", "pca953x", "gpio/for-next", ["gpio-pca953x.c"], [Gpio], null),
        new("i2c: designware", "drivers/i2c/busses", "i2c_dw", "i2c/for-next", ["i2c-designware-core.c", "i2c-designware-master.c"], [I2c], null),
        new("spi: cadence-quadspi", "drivers/spi", "cqspi", "spi/for-next", ["spi-cadence-quadspi.c"], [Spi], null),
        new("x86/sev", "arch/x86/kernel", "sev", "tip/x86/sev", ["sev.c", "sev-shared.c"], [X86, Kvm], null),
        new("dt-bindings: clock", "Documentation/devicetree/bindings/clock", "clk", "clk-next", ["qcom,gcc.yaml"], [Dt], null),
    ];

    public static readonly string[] Domains =
    [
        "kernel.org", "google.com", "redhat.com", "intel.com", "nvidia.com", "arm.com", "linaro.org", "suse.de",
        "suse.com", "huawei.com", "amd.com", "oracle.com", "linux.dev", "gmail.com", "bootlin.com", "collabora.com",
        "meta.com", "linux.ibm.com", "samsung.com", "microsoft.com", "ziepe.ca", "infradead.org", "lunn.ch",
    ];

    public static readonly string[] Objects =
    [
        "queue", "irq", "region", "vma", "bar", "mapping", "page", "ring", "desc", "clk", "reset", "port", "fence",
        "ctx", "buf", "entry", "node", "table", "stream", "domain", "state", "slot", "event", "work", "timer",
    ];

    public static readonly string[] Verbs =
    [
        "init", "alloc", "free", "map", "unmap", "setup", "teardown", "probe", "remove", "enable", "disable",
        "flush", "sync", "get", "put", "lookup", "handle", "update", "reset", "release", "attach", "detach",
    ];

    public static readonly string[] Vars = ["vdev", "vma", "priv", "dev", "ctx", "q", "desc", "pdev", "kvm", "vcpu", "ring", "data"];
    public static readonly string[] Fields = ["flags", "lock", "state", "count", "refcnt", "size", "base", "irq", "pending", "mode"];
    public static readonly string[] Locks = ["mmap_lock", "the domain lock", "kvm->mmu_lock", "the queue spinlock", "RCU read lock", "the device mutex"];
    public static readonly string[] Errnos = ["-EINVAL", "-ENOMEM", "-EBUSY", "-ENODEV", "-EIO", "-EAGAIN", "-EOPNOTSUPP", "-ETIMEDOUT"];

    public static readonly string[] Conditions =
    [
        "the device is in D3cold", "the queue is being torn down", "the VMA is split", "the IRQ fires during probe",
        "the ring wraps around", "userspace races with a reset", "the mapping is shared with the host",
        "the fence is signalled twice", "the allocation fails half way", "two vCPUs fault on the same page",
        "the firmware does not provide the property", "the link goes down during resume",
    ];

    public static readonly string[] Outcomes =
    [
        "a use-after-free", "a NULL pointer dereference", "a deadlock", "stale data being returned to userspace",
        "an SError on some platforms", "a memory leak on the error path", "a lockdep splat", "a refcount underflow",
        "a hung task", "silent data corruption",
    ];

    public static readonly string[] Scopes =
    [
        "PCIe devices", "vfio-pci", "the DMA path", "arm64", "the 64-bit case", "devices that advertise it in firmware",
        "the slow path", "PREEMPT_RT kernels", "hardware with the erratum", "the host side",
    ];

    public static readonly string[] Excluded =
    [
        "vfio-platform", "the legacy path", "32-bit", "the fast path", "non-coherent devices", "guests", "other SoCs",
        "the PIO path", "user mappings", "the compat ioctl",
    ];

    public static readonly string[] Apis =
    [
        "devm_kzalloc", "guard(mutex)", "scoped_guard", "pm_runtime_resume_and_get", "dma_set_mask_and_coherent",
        "WRITE_ONCE", "refcount_inc_not_zero", "kvfree_rcu", "platform_get_irq_optional", "str_on_off",
        "array_size", "devm_clk_get_enabled", "xa_alloc", "list_first_entry_or_null",
    ];

    public static readonly string[] Platforms = ["Ampere Altra", "Graviton3", "an RK3588 board", "Grace Hopper", "a Juno r2", "QEMU virt", "an i.MX8MP EVK", "Sapphire Rapids"];

    /// <summary>Correct word, misspelling, and a sentence that uses the correct word.</summary>
    public static readonly (string Right, string Wrong, string Sentence)[] Typos =
    [
        ("receive", "recieve", "Otherwise the device may not receive the interrupt in time."),
        ("separate", "seperate", "Keep the two paths separate to ease review."),
        ("occurred", "occured", "No regression occurred in our CI runs."),
        ("necessary", "neccessary", "An extra barrier is not necessary on arm64."),
        ("existence", "existance", "Check for the existence of the node before use."),
        ("successfully", "succesfully", "This was tested successfully on two platforms."),
        ("address", "adress", "Pass the physical address instead of the struct page."),
        ("writing", "writting", "This avoids writing the register twice."),
    ];

    public static readonly (string From, string To)[] TitleDrift =
    [
        ("Add", "Introduce"), ("Fix", "Fix up"), ("Remove", "Drop"), ("support for", "handling of"), ("Don't", "Do not"),
        ("Use", "Switch to"), ("Avoid", "Prevent"), ("in", "within"), ("Handle", "Deal with"), ("Allow", "Permit"),
    ];

    public static readonly string[] Greetings = ["Hi {0},", "Hello {0},", "{0},", "Hi,", ""];
    public static readonly string[] Praise =
    [
        "Nice cleanup!", "Looks good to me.", "Thanks for doing this, it has been on my list for a while.",
        "This is much easier to follow now.", "Good catch.", "Makes sense.",
    ];

    public static readonly string[] GitVersions = ["2.34.1", "2.39.2", "2.43.0", "2.44.0", "2.39.5", "2.45.2"];
    public static readonly string[] UserAgents =
    [
        "Mutt/2.2.12 (2023-09-09)", "Wanderlust/2.15.9 (Almost Unreal) SEMI-EPG/1.14.7 (Harue)", "Mozilla Thunderbird",
        "Evolution 3.50.4", "NeoMutt/20231103", "alot/0.10", "aerc/0.17.0",
    ];
}
