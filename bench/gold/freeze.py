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
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = Path(__file__).resolve().parent / "plans"


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


def freeze(doc: Doc) -> str:
    from planlens.importers import import_text
    from planlens.plan.serialize import plan_to_yaml

    text = (CORPORA / doc.file).read_text(encoding="utf-8")
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
        f"# Frozen for bench/gold: ../shared/corpora/{doc.file}"
        + (f", top-level clauses {doc.first} to {doc.last}" if doc.first or doc.last else "")
        + ", imported by bench/gold/freeze.py. Do not edit by hand.\n"
    )
    return header + plan_to_yaml(plan)


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    for doc in DOCS:
        if names and doc.id not in names:
            continue
        (OUT / f"{doc.id}.yaml").write_text(freeze(doc), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT) / (doc.id + '.yaml')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
