"""The `import` command: a document someone sent -> a plan skeleton in the YAML format."""

from __future__ import annotations

from pathlib import Path

import click

from planlens.cli.options import force_option, output_option, to_stdout
from planlens.plan.check_text import visible


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option()
@click.option("--id", "plan_id", help="Plan id (default: from the file name).")
@click.option("--title", help="Plan title (default: from the text, else the file name).")
@click.option("--date", help="ISO date of the version (YYYY-MM-DD); left empty if not given.")
@click.option("--source-url", help="http(s) address the text comes from.")
@click.option("--language", help="Language tag of the text, such as en or de.")
@click.option(
    "--accessed",
    metavar="DATE",
    help="ISO date the source was read, for the plan's source (web pages: default today).",
)
@click.option("--follows", help="Id of the plan this version revises (sets 'follows').")
@force_option()
def import_(
    file: Path,
    output: Path | None,
    plan_id: str | None,
    title: str | None,
    date: str | None,
    source_url: str | None,
    language: str | None,
    accessed: str | None,
    follows: str | None,
    force: bool,
) -> None:
    """Turn a document with numbered points into a plan skeleton.

    Reads plain text, Markdown, Word (.docx), PDF, saved web pages (.html), USLM and Akoma Ntoso
    XML, told apart by their content. Recognises numbered points (1.  1)  (a)  a)  Point 5  § 5),
    Word's own list numbering, and headings; takes title and date from the document where it
    has them. Review the result: add topics and sources, and split or merge clauses where the
    guess was wrong. Word, PDF and web pages need the import extra: pip install
    'planlens[import]'.

    \b
    Example:
        planlens import draft.txt --id draft-v2 --date 2025-12-01 -o plans/2025-12-01-draft-v2.yaml
        planlens import article.html --id geneva-19 -o plans/geneva-19.yaml
    """
    from planlens.importers import import_file
    from planlens.importers.skeleton import with_follows
    from planlens.plan.serialize import plan_to_yaml
    from planlens.write import write_text

    plan = import_file(
        file,
        plan_id=plan_id or _slug_from(file.stem),
        title=title or "",
        date=date or "",
        source_url=source_url,
        language=language,
        accessed=accessed,
    )
    plan = with_follows(plan, follows)
    yaml_text = plan_to_yaml(plan)
    if to_stdout(output):
        click.echo(yaml_text, nl=False)
    else:
        assert output is not None
        write_text(output, yaml_text, force=force, inputs=[file])
        click.echo(visible(f"wrote {output}: {len(plan.clauses)} top-level clauses"), err=True)
    if not plan.date:
        click.echo("planlens: note: no --date given; fill in 'date' before validating", err=True)
    elif not date:
        click.echo(f"planlens: note: date {plan.date} taken from the document; check it", err=True)


def _slug_from(stem: str) -> str:
    """Return a plan id made from a file name: lower case, other characters as '-'."""
    slug = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-" for c in stem.lower())
    return slug.strip("-._") or "imported"
