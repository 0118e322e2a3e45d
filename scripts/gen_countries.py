"""Writes data/sources/countries.tsv: for every ISO 3166-1 country in the npm package
world-countries (mledoze/countries, ODbL), the words that tie a source phrase to it: demonym
adjectives, plural nouns, common and official names and capitals, as `demonym` rows in the
format of data/sources/sources.tsv plus an `as_of` column (the package version's publish date).

    mkdir -p /tmp/wc && (cd /tmp/wc && npm install world-countries@5.1.0)
    python3 scripts/gen_countries.py /tmp/wc/node_modules/world-countries

Derived mechanically: plurals of demonyms (+s for endings that take it), accent-free spellings,
'St.' and 'St' for a leading 'Saint'. Reviewed by hand (the lists below): words dropped as
ambiguous in news text, the few English altSpellings kept, guard phrases, and which country gets
a word the package gives to two. Strings that are already demonym names or aliases in
sources.tsv are left out (those hand rows win). A summary of what was skipped goes to stderr.
"""
import datetime, json, re, subprocess, sys, unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES, OUT = ROOT / "data/sources/sources.tsv", ROOT / "data/sources/countries.tsv"

DROP = {  # reason -> words left out (with their plurals, accent-free and 'St.' spellings)
    "a given name or surname": ["Chad", "Jordan", "Sofia", "Hamilton", "Douglas", "Stanley",
                                "Victoria", "Wellington", "Moroni", "Diego Garcia", "Santiago"],
    "an ordinary word or phrase": ["Male", "Reunion", "Cayenne", "The Valley", "The Bottom", "West Island"],
    "also a well-known place or institution elsewhere (US state, other city, church, school)": [
        "Georgia", "South Georgia", "Jersey", "Kingston", "Georgetown", "George Town", "Nassau",
        "Plymouth", "Jamestown", "Panama City", "San José", "San Juan", "Saint-Pierre", "Saint-Denis",
        "Tripoli", "Sucre", "Praia", "City of Victoria", "Saint John's", "St. George's"],
    "also the US Virgin Islands (VI)": ["Virgin Islands"],
    "mostly stands for the international bodies seated there; the hand row leaves it out": ["Brussels", "Vienna"],
    "status disputed (claimed as capital by IL and PS); the hand IL row uses Tel Aviv": ["Jerusalem"],
    "a region or ethnic group wider than the country": ["Guinea", "Guiana", "Guianan", "Central African",
                                                        "Turkmen", "Tadzhik", "Kirghiz"],
    "not English": ["Svalbard og Jan Mayen"],
}
DROP_REASON = {w: r for r, ws in DROP.items() for w in ws}
PREFER = {  # word the package gives to several countries -> (country kept, why)
    "Congolese": ("CD", "also CG; DR Congo is by far the larger"),
    "Dominican": ("DO", "also DM (Dominica) and the Catholic order"),
    "Dominicans": ("DO", "also DM (Dominica) and the Catholic order"),
    "Oranjestad": ("AW", "Aruba's capital; also a town in BQ"),
}
ALT_KEEP = {"DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo-Brazzaville",
            "Côte d'Ivoire", "Burma", "East Timor", "Swaziland", "Macao", "Great Britain", "Viet Nam",
            "Republic of Turkey", "Bosnia-Herzegovina", "Vatican", "Chinese Taipei", "Republic of China",
            "Brunei Darussalam", "Faeroe Islands", "Saint Helena", "Cocos Islands"}
GUARDS = {"NG": ["Niger Delta", "Niger State", "Benin City"], "CN": ["Inner Mongolia", "Inner Mongolian"]}
NO_PLURAL = {"I-Kiribati", "Vatican"}
PLURAL_ENDS = ("an", "er", "i", "ot", "ar", "ene", "ak", "ek", "que")
ROLE = {"demonym": "adjective", "name": "name", "official": "official name", "alt": "other name",
        "plural": "plural", "capital": "capital", "guard": "guard phrase"}  # preference for the row name


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def spellings(s):
    out = [s] + ([fold(s)] if fold(s) != s else [])
    return out + [p + x[6:] for x in out if x.startswith("Saint ") for p in ("St. ", "St ")]


def candidates(c):
    """(string, role, the string the hand review is keyed on) for one package country, in row order."""
    dem = c.get("demonyms", {}).get("eng", {})
    adjs = list(dict.fromkeys(p.strip() for g in "mf" for p in re.split(r",| or ", dem.get(g, "")) if p.strip()))
    places = {c["name"]["common"], *c.get("capital", [])}
    out = [(a, "demonym", a) for a in adjs]  # a plural is dropped with its adjective
    out += [(a + "s", "plural", a) for a in adjs if a.endswith(PLURAL_ENDS) and a not in NO_PLURAL | places]
    out += [(s, role, s) for s, role in [(c["name"]["common"], "name"), (c["name"]["official"], "official")]
            + [(a, "alt") for a in c["altSpellings"] if a in ALT_KEEP] + [(x, "capital") for x in c.get("capital", [])]
            + [(g, "guard") for g in GUARDS.get(c["cca2"], [])]]
    return [(v, role, base) for s, role, base in out for v in spellings(s)]


def hand_rows():
    """Demonym strings and other (named, head) strings of sources.tsv."""
    dem, other, header = set(), set(), None
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            f = [x.strip() for x in line.split("\t")]
            if header is None:
                header = f
                continue
            row = dict(zip(header, f))
            (dem if row["kind"] == "demonym" else other).update([row["name"], *filter(None, row["aliases"].split(";"))])
    return dem, other


def published(name, version):
    try:
        r = subprocess.run(["npm", "view", name, "time", "--json"], capture_output=True, text=True, timeout=60)
        return json.loads(r.stdout)[version][:10]
    except (OSError, subprocess.SubprocessError, ValueError, KeyError):
        return datetime.date.today().isoformat()


def reject(s, base):
    return (DROP_REASON.get(base) or DROP_REASON.get(s) or ("contains a tab or ';'" if "\t" in s or ";" in s else None)
            or ("a list form with brackets, not written so in news" if "(" in s else None)
            or ("fewer than 4 letters" if sum(ch.isalpha() for ch in s) < 4 and not s.isupper() else None))


def main():
    pkg = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wc/node_modules/world-countries")
    meta = json.loads((pkg / "package.json").read_text())
    licence = meta.get("license") or re.findall(r"\((\w+)\)", (pkg / "LICENSE").read_text())[0]
    src, as_of = f"{meta['name']} {meta['version']} ({licence})", published(meta["name"], meta["version"])
    hand_dem, hand_other = hand_rows()
    dropped, in_sources, owners, per = {}, {}, {}, {}
    for c in sorted(json.loads((pkg / "countries.json").read_text()), key=lambda c: c["cca2"]):
        cc, kept = c["cca2"], {}
        for s, role, base in candidates(c):
            if reason := reject(s, base):
                dropped.setdefault(s, [reason, set()])[1].add(f"{cc} {role}")
            elif s in hand_dem:
                in_sources.setdefault(cc, {})[s] = None
            else:
                kept.setdefault(s, role)
                owners.setdefault(s, set()).add(cc)
        per[cc] = kept
    for s, ccs in owners.items():
        if len(ccs) > 1:
            keep, why = PREFER.get(s, (None, "the package gives it to " + " and ".join(sorted(ccs))))
            for cc in ccs - {keep}:
                dropped.setdefault(s, [f"given to {keep} instead: {why}" if keep else why, set()])[1].add(
                    f"{cc} {per[cc].pop(s)}")
    rows, empty = [], sorted(cc for cc, kept in per.items() if not kept)
    for cc, kept in per.items():
        if kept:
            words = sorted(kept, key=lambda w: list(ROLE).index(kept[w]))[:1]
            words += [w for w in kept if w != words[0]]
            note = f"{cc}: " + ", ".join(dict.fromkeys(ROLE[r] for r in kept.values()))
            note += "; more in sources.tsv" if cc in in_sources else ""
            note += "".join(f"; '{w}' given to {cc} ({PREFER[w][1]})" for w in words if w in PREFER)
            note += f"; {', '.join(GUARDS[cc])} listed so they do not map elsewhere" if cc in GUARDS else ""
            rows.append([words[0], "", cc, "demonym", ";".join(words[1:]), note, as_of])
    lines = ["# slant country words", "# name: slant-countries", "# version: 1",
             f"# source: generated by scripts/gen_countries.py from {src}; reviewed by hand: words ambiguous "
             "in news text dropped, words shared by two countries dropped or given to one, strings already "
             "among the demonym rows of sources.tsv left out (all listed at the end)", f"# as_of: {as_of}",
             "\t".join(["name", "category", "country", "kind", "aliases", "note", "as_of"])]
    lines += ["\t".join(r) for r in sorted(rows)] + ["", "# Dropped (word, where the package has it, why):"]
    lines += [f"# - {w} ({', '.join(sorted(at))}): {why}" for w, (why, at) in sorted(dropped.items())]
    lines += ["# Left out because sources.tsv has them as demonym strings (hand rows win):"]
    lines += [f"# - {cc}: {', '.join(ws)}" for cc, ws in sorted(in_sources.items())]
    lines += [f"# No row (every word left out): {' '.join(empty)}"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clash = sorted(s for r in rows for s in [r[0], *filter(None, r[4].split(";"))] if s in hand_other)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows from {src}, as_of {as_of}\n"
          f"left out as in sources.tsv: {sum(map(len, in_sources.values()))} strings of {len(in_sources)} "
          f"countries; no row for {len(empty)}: {' '.join(empty)}\n"
          f"dropped {len(dropped)}: {', '.join(sorted(dropped))}\n"
          f"also non-demonym strings in sources.tsv (kept): {', '.join(clash) or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
