using System.Text;
using Bogus;
using Bogus.DataSets;

namespace Ledger.Synth;

/// <summary>A mail participant. Tz is the fixed UTC offset of the person's Date headers.</summary>
public sealed record Person(string Name, string Email, TimeSpan Tz)
{
    public string User => Email[..Email.IndexOf('@')];
    public string Domain => Email[(Email.IndexOf('@') + 1)..];
    public string FirstName => Name.Split(' ')[0];
    /// <summary>"Name &lt;addr&gt;" as it appears in trailers.</summary>
    public string Ident => $"{Name} <{Email}>";
}

/// <summary>
/// The fixed cast of an archive: people and per-subsystem maintainers, built once from the seed with Bogus.
/// Small (a few thousand entries), so it is kept for the whole run.
/// </summary>
internal sealed class World
{
    public Person[] People { get; }
    public Person[][] Maintainers { get; }

    public World(int seed)
    {
        var r = new Randomizer(unchecked(seed * 7919 + 17));
        var locales = new[] { "en", "en", "en", "en", "de", "fr", "pl", "en_IND", "pt_BR" };
        var names = locales.Distinct().ToDictionary(l => l, l => new Name(l) { Random = r });
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var people = new List<Person>();
        int[] tzMinutes = [0, 0, 60, 60, 120, -300, -420, -480, 480, 330, 540, 600, 180, -240, 0, 60];
        while (people.Count < 2500)
        {
            var loc = r.ArrayElement(locales);
            var first = names[loc].FirstName();
            var last = names[loc].LastName();
            var name = $"{first} {last}";
            var domain = r.ArrayElement(Vocabulary.Domains);
            var user = r.Number(3) switch
            {
                0 => Ascii(first),
                1 => Ascii(first) + "." + Ascii(last),
                2 => Ascii(first)[..1] + Ascii(last),
                _ => Ascii(last),
            };
            if (user.Length == 0) continue;
            var email = $"{user}@{domain}";
            if (!seen.Add(email)) continue;
            people.Add(new Person(name, email, TimeSpan.FromMinutes(r.ArrayElement(tzMinutes))));
        }
        People = people.ToArray();
        // Maintainers are stable per subsystem: the first few people get the job.
        Maintainers = new Person[Vocabulary.Subsystems.Length][];
        for (int i = 0; i < Maintainers.Length; i++)
            Maintainers[i] = [People[i * 3], People[i * 3 + 1], People[i * 3 + 2]];
    }

    static readonly (string From, string To)[] Fold =
    [
        ("áàâäãåą", "a"), ("çćč", "c"), ("éèêëęě", "e"), ("íìîï", "i"), ("ñńň", "n"), ("óòôöõø", "o"),
        ("śšş", "s"), ("úùûüů", "u"), ("ýÿ", "y"), ("źżž", "z"), ("ł", "l"), ("ß", "ss"), ("ř", "r"), ("đ", "d"),
    ];

    /// <summary>Lower-case ASCII folding for mailbox local parts (Jürgen → jurgen).</summary>
    static string Ascii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') { sb.Append(c); continue; }
            foreach (var (from, to) in Fold)
                if (from.Contains(c)) { sb.Append(to); break; }
        }
        return sb.ToString();
    }
}
