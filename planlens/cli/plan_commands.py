"""Commands about plans themselves: validate, list, show, schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from planlens.cli.options import format_option, json_text, one_line, plan_cache, resolve_plans


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def validate(plans_dir: Path, paths: tuple[Path, ...]) -> None:
    """Check plan files and the references between them.

    PATHS are plan files or folders (default: the plans folder). Every problem is printed as
    file:line:col: message; the exit status is 1 if there is any. Warnings (a source with no
    publication date) are printed as file:line:col: warning: message and do not change the exit
    status.

    \b
    Example:
        planlens validate
        planlens validate plans/2025-11-20-us-28-point-plan.yaml
    """
    from planlens.plan import validate_plans

    targets = paths or (plans_dir,)
    closed = not paths or all(path.is_dir() for path in paths)
    checked = validate_plans(targets, closed=closed, cache=plan_cache())
    for warning in checked.warnings:
        click.echo(one_line(f"{warning.location}: warning: {warning.message}"), err=True)
    plans, count = checked.plans, len(checked.warnings)
    clauses = sum(1 for plan in plans for _ in plan.walk())
    warned = f", {count} warning{'s' * (count != 1)}" if count else ""
    summary = f"{len(plans)} plan{'s' * (len(plans) != 1)}, {clauses} clauses"
    click.echo(f"{summary}: no problems{warned}")


@click.command("list")
@click.pass_obj
def list_plans(plans_dir: Path) -> None:
    """List the plans in the plans folder, oldest first.

    \b
    Example:
        planlens list
        planlens --plans other/ list
    """
    from planlens.plan import load_plans
    from planlens.plan.formats import format_table, plan_summary_rows

    plans = load_plans([plans_dir], closed=True, cache=plan_cache())
    click.echo(format_table(plan_summary_rows(plans)))


@click.command()
@click.argument("plan")
@format_option(
    "text", "markdown", "json", help="Output format; json has the shape of the YAML format."
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
        click.echo(json_text(plan_to_dict(loaded)), nl=False)
    elif fmt == "markdown":
        click.echo(plan_markdown(loaded), nl=False)
    else:
        click.echo(plan_text(loaded), nl=False)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the plan file format, for editors.

    \b
    Example:
        planlens schema > plan.schema.json
    """
    from planlens.plan.schema import plan_schema

    click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
