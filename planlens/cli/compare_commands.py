"""Commands that compare versions: diff, report (one HTML or Word comparison), lineage, echoes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from planlens.cli.options import (
    ERROR_STATUS,
    collector_off_until_exit,
    emit,
    force_option,
    format_option,
    json_text,
    output_option,
    output_options,
    plan_cache,
    resolve_plans,
    resolve_with_corpus,
    text_cache,
    to_stdout,
)
from planlens.plan.check_text import visible


@click.command()
@click.argument("old")
@click.argument("new")
@format_option(
    "text",
    "markdown",
    "json",
    "csv",
    help="json follows the planlens.diff/1 contract in the README; csv has one row per change.",
)
@output_options
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text format (default: when stdout is a terminal and NO_COLOR is unset).",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit with 1 if the versions differ, 0 if not, 2 on an error (as git diff --exit-code).",
)
@click.pass_context
def diff(
    ctx: click.Context,
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    force: bool,
    color: bool | None,
    exit_code: bool,
) -> None:
    """Compare two plans clause by clause. OLD and NEW are plan files or plan ids.

    Shows which clause became which (even when renumbered, moved, split or merged), the
    word-level changes inside each pair, and flags for changes of substance. With
    --exit-code, the exit status says whether the versions differ: 1 if any clause is not
    unchanged (or moved, or renumbered), 0 if none, and 2 on an error.

    \b
    Example:
        planlens diff us-28 e3-28
        planlens diff us-28 framework-20 --format json -o 28-to-20.json
        planlens diff us-28 framework-20 --format csv -o 28-to-20.csv
        planlens diff draft-v2 draft-v3 --exit-code > /dev/null || echo changed
    """
    from planlens.compare import compare, diff_csv, diff_markdown, diff_text, diff_to_data

    collector_off_until_exit()
    if exit_code:
        # An error must not read as "the versions differ": it exits with 2, as diff(1) does.
        ctx.meta[ERROR_STATUS] = 2
    (old_plan, new_plan), corpus = resolve_with_corpus([old, new], ctx.obj)
    result = compare(old_plan, new_plan, corpus=corpus, cache=text_cache())
    if fmt == "json":
        text = json_text(diff_to_data(result))
    elif fmt == "markdown":
        text = diff_markdown(result)
    elif fmt == "csv":
        text = diff_csv(result)
    else:
        if color is None:
            color = to_stdout(output) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = diff_text(result, color=color)
    emit(text, output, force, [old_plan, new_plan], color=color if fmt == "text" else None)
    if exit_code and result.differs:
        ctx.exit(1)  # `emit` has written and flushed the output: a failure was an error (2)


@click.command()
@click.argument("old")
@click.argument("new")
@format_option(
    "html",
    "docx",
    help="html: a self-contained page; docx: a Word redline with tracked changes.",
)
@output_option(
    "Where to write the report (default: OLD--NEW.html or OLD--NEW.docx here; -: stdout)."
)
@force_option()
@click.pass_obj
def report(plans_dir: Path, old: str, new: str, fmt: str, output: Path | None, force: bool) -> None:
    """Write a report comparing two plans: an HTML page, or a Word redline.

    OLD and NEW are plan files or plan ids. The HTML report opens offline in any browser. The
    Word document (--format docx) has a summary table, then one section per clause pair, with
    the word changes as tracked changes (author "planlens", dated the new version's date) that
    Word and LibreOffice can accept or reject.

    \b
    Example:
        planlens report us-28 e3-28 -o us-28-to-e3.html
        planlens report us-28 e3-28 --format docx -o us-28-to-e3.docx
    """
    from planlens.cli.progress import MIN_CLAUSES, Stages
    from planlens.compare import compare
    from planlens.plan import file_sha256
    from planlens.render import compare_page, render_compare
    from planlens.write import write_bytes

    collector_off_until_exit()
    (old_plan, new_plan), corpus = resolve_with_corpus([old, new], plans_dir)
    target = output or Path(f"{old_plan.id}--{new_plan.id}.{fmt}")
    inputs = [Path(p) for p in (old_plan.path, new_plan.path) if p]
    clauses = sum(1 for plan in (old_plan, new_plan) for _ in plan.walk())
    steps = ("comparing", "laying out", "rendering", "writing")
    with Stages("report", steps, big=clauses >= MIN_CLAUSES) as progress:
        progress.next("comparing")
        result = compare(old_plan, new_plan, corpus=corpus, cache=text_cache())
        progress.next("laying out")
        if fmt == "docx":
            from planlens.render import redline, render_docx

            document = redline(result)
            progress.next("rendering")
            data = render_docx(document)
        else:
            page = compare_page(
                result,
                old_sha256=file_sha256(old_plan.path),
                new_sha256=file_sha256(new_plan.path),
                corpus=corpus,
            )
            progress.next("rendering")
            data = render_compare(page).encode("utf-8")
        progress.next("writing")
        if not to_stdout(target):
            write_bytes(target, data, force=force, inputs=inputs)
    if to_stdout(target):
        click.echo(data, nl=False)  # bytes go to stdout's binary stream
        return
    click.echo(visible(f"wrote {target}"), err=True)


@click.command("lineage")
@click.argument("plans", nargs=-1, required=True)
@format_option(
    "text",
    "markdown",
    "json",
    "html",
    "csv",
    help="json follows the planlens.lineage/1 contract; html is the page of the report site; "
    "csv has one row per clause family.",
)
@output_options
@click.pass_obj
def lineage_command(
    plans_dir: Path, plans: tuple[str, ...], fmt: str, output: Path | None, force: bool
) -> None:
    """Follow each clause across several versions: its forms, changes and blame.

    PLANS are plan files or plan ids. Versions follow each other by `follows`, else in the
    order given. For each clause: the version that introduced it, the versions that changed it
    (with changes of substance), moved it or dropped it, and which version wrote each of its
    words. A partial version that says nothing about a clause makes it "unknown" there, not
    dropped.

    \b
    Example:
        planlens lineage us-28 geneva-19 framework-20
        planlens lineage minsk-1 minsk-2 --format json -o minsk.json
        planlens lineage us-28 geneva-19 framework-20 --format csv -o 28-19-20.csv
        planlens lineage us-28 geneva-19 framework-20 --format html -o lineage.html
    """
    from planlens.lineage import (
        lineage,
        lineage_csv,
        lineage_markdown,
        lineage_text,
        lineage_to_data,
    )

    loaded = resolve_plans(list(plans), plans_dir)
    result = lineage(loaded)
    if fmt == "json":
        text = json_text(lineage_to_data(result))
    elif fmt == "csv":
        text = lineage_csv(result)
    elif fmt == "markdown":
        text = visible(lineage_markdown(result))
    elif fmt == "html":
        from planlens.plan import file_sha256
        from planlens.render import lineage_page, render_lineage

        digests = {plan.id: file_sha256(plan.path) for plan in loaded}
        text = render_lineage(lineage_page(result, sha256=digests))
    else:
        text = visible(lineage_text(result))
    emit(text, output, force, loaded)


@click.command("echoes")
@click.argument("plan")
@click.option(
    "--in",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of plans to search (default: the plans folder).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    help="Least weighted word overlap for an echo.  [default: 0.25]",
)
@click.option(
    "--per-plan",
    type=click.IntRange(min=1),
    help="Most echoes of one clause in each other plan.  [default: 2]",
)
@format_option(
    "text", "markdown", "json", help="json follows the planlens.echoes/1 contract in the README."
)
@output_options
@click.pass_obj
def echoes_command(
    plans_dir: Path,
    plan: str,
    corpus_dir: Path | None,
    min_score: float | None,
    per_plan: int | None,
    fmt: str,
    output: Path | None,
    force: bool,
) -> None:
    """List, for each clause of PLAN, the clauses of other plans whose wording echoes it.

    PLAN is a plan file or a plan id. Plans of its own lineage (connected to it by `follows`)
    are not searched: echoes come from other documents. Words count by their rarity over every
    clause of every plan, so stock phrases make no echo; each score is a weighted word overlap
    between 0 and 1.

    \b
    Example:
        planlens echoes us-28
        planlens echoes peace-formula --format markdown -o peace-formula-echoes.md
        planlens echoes us-28 --in plans/ --format json -o us-28-echoes.json
    """
    from planlens.lineage import echoes, echoes_markdown, echoes_text, echoes_to_data
    from planlens.lineage.echoes import MIN_SCORE, PER_PLAN
    from planlens.plan import load_plans

    (target,) = resolve_plans([plan], plans_dir)
    corpus = load_plans([corpus_dir or plans_dir], closed=True, cache=plan_cache())
    result = echoes(
        target,
        corpus,
        per_plan=PER_PLAN if per_plan is None else per_plan,
        min_score=MIN_SCORE if min_score is None else min_score,
    )
    if fmt == "json":
        text = json_text(echoes_to_data(result))
    elif fmt == "markdown":
        text = visible(echoes_markdown(result))
    else:
        text = visible(echoes_text(result))
    emit(text, output, force, [target, *corpus])
