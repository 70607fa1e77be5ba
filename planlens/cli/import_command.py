"""The `import` command: a document someone sent -> a plan skeleton in the YAML format."""

from __future__ import annotations

from pathlib import Path

import click

from planlens.cli.options import force_option, output_option
from planlens.write import write_text


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option()
@click.option("--id", "plan_id", help="Plan id (default: from the file name).")
@click.option("--title", help="Plan title (default: from the text, else the file name).")
@click.option("--date", help="ISO date of the version (YYYY-MM-DD); left empty if not given.")
@click.option("--source-url", help="http(s) address the text comes from.")
@click.option("--language", help="Language tag of the text, such as en or de.")
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
    follows: str | None,
    force: bool,
) -> None:
    """Turn a text or Markdown file with numbered points into a plan skeleton.

    Recognises numbered points (1.  1)  (a)  a)  Point 5  § 5) and headings. Review the result:
    add topics and sources, and split or merge clauses where the guess was wrong.

    \b
    Example:
        planlens import draft.txt --id draft-v2 --date 2025-12-01 -o plans/2025-12-01-draft-v2.yaml
    """
    from planlens.importers import import_file
    from planlens.importers.skeleton import with_follows
    from planlens.plan.serialize import plan_to_yaml

    plan = import_file(
        file,
        plan_id=plan_id or _slug_from(file.stem),
        title=title or "",
        date=date or "",
        source_url=source_url,
        language=language,
    )
    plan = with_follows(plan, follows)
    yaml_text = plan_to_yaml(plan)
    if output is None:
        click.echo(yaml_text, nl=False)
    else:
        write_text(output, yaml_text, force=force, inputs=[file])
        click.echo(f"wrote {output}: {len(plan.clauses)} top-level clauses", err=True)
    if not date:
        click.echo("planlens: note: no --date given; fill in 'date' before validating", err=True)


def _slug_from(stem: str) -> str:
    """Return a plan id made from a file name: lower case, other characters as '-'."""
    slug = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-" for c in stem.lower())
    return slug.strip("-._") or "imported"
