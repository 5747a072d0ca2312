namespace Ledger.Tests.Importing.Sources;

/// Locates the shared real-data corpus (../shared/corpus next to the repository, or shared/corpus inside it).
public static class CorpusPaths
{
    /// Repository root: the first ancestor of the test binaries holding Ledger.sln.
    public static string Root { get; } = FindRoot();

    /// The folder that contains corpus/.
    public static string Shared { get; } = FindShared(Root);

    public static string Corpus => Path.Combine(Shared, "corpus");
    public static string Vfio => Path.Combine(Corpus, "vfio-wc-safe");
    public static string VfioThreadMbox => Path.Combine(Vfio, "thread.mbox");
    public static string VfioMsgs => Path.Combine(Vfio, "msgs");
    public static string VfioManifest => Path.Combine(Vfio, "manifest.tsv");
    public static string Patchwork => Path.Combine(Corpus, "patchwork");
    public static string KvmarmBundle => Path.Combine(Corpus, "kvmarm-2019-2023.bundle");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ledger.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Ledger.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindShared(string root)
    {
        foreach (var candidate in new[] { Path.Combine(root, "shared"), Path.Combine(root, "..", "shared") })
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return Path.GetFullPath(candidate);
        throw new DirectoryNotFoundException($"No shared/corpus in or next to {root}.");
    }
}
