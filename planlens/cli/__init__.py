"""The planlens command line: a thin click shell, one library call per command."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from planlens._version import __version__
from planlens.errors import PlanFileError, PlanlensError
from planlens.plan.load import did_you_mean, load_plan, load_plans
from planlens.plan.model import Plan
from planlens.write import write_text

# Commands import what they need when they run: `planlens diff` should not pay for jinja2,
# markdown-it and the importer's patterns at start-up (its budget is half a second, start-up
# included).

DEFAULT_PLANS = "plans"


class PlanlensGroup(click.Group):
    """A click group that turns every `PlanlensError` into a clean message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlanFileError as err:
            # Compiler-style lines, one per problem, so editors can jump to each.
            for problem in err.problems:
                click.echo(str(problem), err=True)
            count = len(err.problems)
            files = len({problem.location.path for problem in err.problems})
            summary = f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
            click.echo(f"planlens: {summary}", err=True)
            ctx.exit(1)
        except PlanlensError as err:
            click.echo(f"planlens: error: {err}", err=True)
            ctx.exit(1)


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add `-o/--output` and `--force` to a command that prints or writes one text."""
    command = click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")(
        command
    )
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write here, not to stdout.",
    )(command)


def emit(
    text: str, output: Path | None, force: bool, plans: Sequence[Plan], color: bool | None = None
) -> None:
    """Print `text`, or write it atomically to `output`, never over one of the input `plans`."""
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    write_text(output, text, force=force, inputs=[Path(p.path) for p in plans if p.path])
    click.echo(f"wrote {output}", err=True)


@click.group(cls=PlanlensGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planlens")
@click.option(
    "--plans",
    "plans_dir",
    default=DEFAULT_PLANS,
    show_default=True,
    envvar="PLANLENS_PLANS",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of plan files, where plan ids are looked up.",
)
@click.pass_context
def cli(ctx: click.Context, plans_dir: Path) -> None:
    """Compare versions of negotiated texts clause by clause.

    Plans are YAML files, one per version of a document; see the README for the format.
    """
    ctx.obj = plans_dir


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def validate(plans_dir: Path, paths: tuple[Path, ...]) -> None:
    """Check plan files and the references between them.

    PATHS are plan files or folders (default: the plans folder). Every problem is printed as
    file:line:col: message; the exit status is 1 if there is any.

    \b
    Example:
        planlens validate
        planlens validate plans/2025-11-20-us-28-point-plan.yaml
    """
    targets = paths or (plans_dir,)
    plans = load_plans(targets, closed=not paths or all(path.is_dir() for path in paths))
    clauses = sum(1 for plan in plans for _ in plan.walk())
    click.echo(f"{len(plans)} plan{'s' * (len(plans) != 1)}, {clauses} clauses: no problems")


@cli.command("list")
@click.pass_obj
def list_plans(plans_dir: Path) -> None:
    """List the plans in the plans folder, oldest first.

    \b
    Example:
        planlens list
        planlens --plans other/ list
    """
    from planlens.plan.formats import format_table, plan_summary_rows

    click.echo(format_table(plan_summary_rows(load_plans([plans_dir], closed=True))))


@cli.command()
@click.argument("plan")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format; json has the shape of the YAML format.",
)
@click.pass_obj
def show(plans_dir: Path, plan: str, fmt: str) -> None:
    """Print one plan. PLAN is a plan file or the id of a plan in the plans folder.

    \b
    Example:
        planlens show us-28
        planlens show plans/2025-11-20-us-28-point-plan.yaml --format json
    """
    from planlens.plan.formats import plan_markdown, plan_text
    from planlens.plan.serialize import plan_to_dict

    (loaded,) = resolve_plans([plan], plans_dir)
    if fmt == "json":
        click.echo(json.dumps(plan_to_dict(loaded), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(plan_markdown(loaded), nl=False)
    else:
        click.echo(plan_text(loaded), nl=False)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="json follows the planlens.diff/1 contract in the README.",
)
@output_options
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text format (default: when stdout is a terminal and NO_COLOR is unset).",
)
@click.pass_obj
def diff(
    plans_dir: Path,
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    force: bool,
    color: bool | None,
) -> None:
    """Compare two plans clause by clause. OLD and NEW are plan files or plan ids.

    Shows which clause became which (even when renumbered, moved, split or merged), the
    word-level changes inside each pair, and flags for changes of substance.

    \b
    Example:
        planlens diff us-28 e3-28
        planlens diff us-28 framework-20 --format json -o 28-to-20.json
    """
    from planlens.compare import compare
    from planlens.compare.formats import diff_markdown, diff_text, diff_to_data

    old_plan, new_plan = resolve_plans([old, new], plans_dir)
    result = compare(old_plan, new_plan)
    if fmt == "json":
        text = json.dumps(diff_to_data(result), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        text = diff_markdown(result)
    else:
        if color is None:
            color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = diff_text(result, color=color)
    emit(text, output, force, [old_plan, new_plan], color=color if fmt == "text" else None)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the report (default: OLD--NEW.html here).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.pass_obj
def report(plans_dir: Path, old: str, new: str, output: Path | None, force: bool) -> None:
    """Write a self-contained HTML report comparing two plans.

    OLD and NEW are plan files or plan ids. The report opens offline in any browser.

    \b
    Example:
        planlens report us-28 e3-28 -o us-28-to-e3.html
    """
    from planlens.compare import compare
    from planlens.plan import file_sha256
    from planlens.render import compare_page, render_compare

    old_plan, new_plan = resolve_plans([old, new], plans_dir)
    target = output or Path(f"{old_plan.id}--{new_plan.id}.html")
    html = render_compare(
        compare_page(
            compare(old_plan, new_plan),
            old_sha256=file_sha256(old_plan.path),
            new_sha256=file_sha256(new_plan.path),
        )
    )
    inputs = [Path(p) for p in (old_plan.path, new_plan.path) if p]
    write_text(target, html, force=force, inputs=inputs)
    click.echo(f"wrote {target}", err=True)


@cli.command()
@click.argument(
    "plans_folder",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports"),
    show_default=True,
    help="Folder for the site.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite files in the folder that planlens did not write."
)
@click.pass_obj
def build(plans_dir: Path, plans_folder: Path | None, output: Path, force: bool) -> None:
    """Build the report site: an index, a page per plan, a report per version and its successor.

    Only pages whose inputs changed are rewritten.

    \b
    Example:
        planlens build plans/ -o reports/
    """
    from planlens.site import build_site

    plans = load_plans([plans_folder or plans_dir], closed=True)

    def progress(paths: Sequence[str]) -> Callable[[str], None]:
        if len(paths) <= 5:
            return lambda _path: None
        bar = click.progressbar(length=len(paths), label="building", file=sys.stderr)
        bar.__enter__()
        done = [0]

        def tick(_path: str) -> None:
            done[0] += 1
            bar.update(1)
            if done[0] == len(paths):
                bar.__exit__(None, None, None)

        return tick

    result = build_site(plans, output, force=force, progress=progress)
    click.echo(
        f"{output}: {len(result.written)} written, {len(result.skipped)} unchanged"
        + (f", {len(result.removed)} removed" if result.removed else "")
    )


@cli.command("lineage")
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "html"]),
    default="text",
    show_default=True,
    help="json follows the planlens.lineage/1 contract; html is the page of the report site.",
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
        planlens lineage us-28 geneva-19 framework-20 --format html -o lineage.html
    """
    from planlens.lineage import lineage, lineage_markdown, lineage_text, lineage_to_data
    from planlens.plan import file_sha256
    from planlens.render import lineage_page, render_lineage

    loaded = resolve_plans(list(plans), plans_dir)
    result = lineage(loaded)
    if fmt == "json":
        text = json.dumps(lineage_to_data(result), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        text = lineage_markdown(result)
    elif fmt == "html":
        digests = {plan.id: file_sha256(plan.path) for plan in loaded}
        text = render_lineage(lineage_page(result, sha256=digests))
    else:
        text = lineage_text(result)
    emit(text, output, force, loaded)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the plan file format, for editors.

    \b
    Example:
        planlens schema > plan.schema.json
    """
    from planlens.plan.schema import plan_schema

    click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2))


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here, not to stdout.",
)
@click.option("--id", "plan_id", help="Plan id (default: from the file name).")
@click.option("--title", help="Plan title (default: from the text, else the file name).")
@click.option("--date", help="ISO date of the version (YYYY-MM-DD); left empty if not given.")
@click.option("--source-url", help="http(s) address the text comes from.")
@click.option("--language", help="Language tag of the text, such as en or de.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def import_(
    file: Path,
    output: Path | None,
    plan_id: str | None,
    title: str | None,
    date: str | None,
    source_url: str | None,
    language: str | None,
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
    from planlens.plan.serialize import plan_to_yaml

    plan = import_file(
        file,
        plan_id=plan_id or _slug_from(file.stem),
        title=title or "",
        date=date or "",
        source_url=source_url,
        language=language,
    )
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


def resolve_plans(names: list[str], plans_dir: Path) -> list[Plan]:
    """Return the plans `names` name: paths to plan files, or plan ids in `plans_dir`.

    Plans named by id are loaded with their whole folder, so their references are checked.
    """
    folder: dict[str, Plan] | None = None
    plans: list[Plan] = []
    for name in names:
        path = Path(name)
        if path.suffix in (".yaml", ".yml") or path.is_file():
            if not path.is_file():
                raise PlanlensError(f"{name}: no such file")
            plans.append(load_plan(path))
            continue
        if folder is None:
            if not plans_dir.is_dir():
                raise PlanlensError(
                    f"no plan file '{name}', and no plans folder {plans_dir}/ to look it up in"
                )
            folder = {loaded.id: loaded for loaded in load_plans([plans_dir], closed=True)}
        if name not in folder:
            raise PlanlensError(f"no plan '{name}' in {plans_dir}/{did_you_mean(name, folder)}")
        plans.append(folder[name])
    return plans


def main() -> None:
    """Run the CLI (the console script's entry point)."""
    cli(prog_name="planlens")
