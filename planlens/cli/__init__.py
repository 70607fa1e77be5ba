"""The planlens command line: a thin click shell, one library call per command.

- this module: the `planlens` group, the one place that turns a `PlanlensError` into a message
  and exit status 1, and `main()`, the console script's entry point;
- `options`: options the commands share, naming plans (file or id), printing or writing output;
- `plan_commands`: validate, list, show, schema;
- `import_command`: import;
- `compare_commands`: diff, report, lineage, echoes;
- `site_commands`: build.

Commands import the library modules they need when they run: `planlens diff` should not pay for
jinja2, markdown-it and the importer's patterns at start-up.

May import every package: it is the last of the flow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from planlens._version import __version__
from planlens.cli.compare_commands import diff, echoes_command, lineage_command, report
from planlens.cli.import_command import import_
from planlens.cli.options import DEFAULT_PLANS
from planlens.cli.plan_commands import list_plans, schema, show, validate
from planlens.cli.site_commands import build
from planlens.errors import PlanFileError, PlanlensError


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


for _command in (
    validate,
    list_plans,
    show,
    diff,
    report,
    build,
    lineage_command,
    echoes_command,
    schema,
    import_,
):
    cli.add_command(_command)


def main() -> None:
    """Run the CLI (the console script's entry point)."""
    cli(prog_name="planlens")
