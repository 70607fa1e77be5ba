"""The planlens command line: a thin click shell, one library call per command.

- this module: the `planlens` group, the one place that turns a `PlanlensError` into a message
  and exit status 1, and `main()`, the console script's entry point;
- `options`: options the commands share, naming plans (file or id), printing or writing output;
- `indented_json`: the JSON the commands print, as `json.dumps(indent=2)` writes it, faster;
- `plan_commands`: validate, list, show, schema;
- `import_command`: import;
- `compare_commands`: diff, report, lineage, echoes;
- `site_commands`: build;
- `progress`: progress bars on stderr for build and report, only on a terminal.

Commands import the library modules they need when they run: `planlens --version` and `--help`
should cost little more than Python and click, and `planlens diff` should not pay for jinja2,
markdown-it and the importer's patterns. `tests/test_cli.py` checks which modules start-up imports.

May import every package: it is the last of the flow.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import sys
from pathlib import Path
from typing import Any

import click

from planlens._version import __version__
from planlens.cli import options
from planlens.cli.compare_commands import diff, echoes_command, lineage_command, report
from planlens.cli.import_command import import_
from planlens.cli.options import DEFAULT_PLANS, ERROR_STATUS, NO_CACHE, one_line
from planlens.cli.plan_commands import list_plans, schema, show, validate
from planlens.cli.site_commands import build
from planlens.errors import PlanFileError, PlanlensError
from planlens.plan.check_text import visible

#: The exit status of a command whose reader went away (`planlens diff ... | head`): what a
#: shell reports for a process ended by SIGPIPE, as `cat` or `grep` would be.
EXIT_BROKEN_PIPE = 128 + 13


class PlanlensGroup(click.Group):
    """A click group that turns every `PlanlensError` into a clean message and exit status 1.

    Messages are printed with control and invisible characters made visible (a file name or an
    unknown key can hold ESC). Output that cannot be written (a full disk behind `> file`, a
    closed pipe) ends the command here too: a message and status 1, or, for a closed pipe,
    quietly, as Unix tools do. A command may ask for another status for errors than 1 in
    `ctx.meta[ERROR_STATUS]` (the contexts share `meta`): `diff --exit-code` asks for 2.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            _flush(sys.stdout)
            return result
        except PlanFileError as err:
            # Compiler-style lines, one per problem, so editors can jump to each.
            for problem in err.problems:
                _say(one_line(str(problem)))
            count = len(err.problems)
            files = len({problem.location.path for problem in err.problems})
            summary = f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
            _say(f"planlens: {summary}")
            ctx.exit(ctx.meta.get(ERROR_STATUS, 1))
        except PlanlensError as err:
            _say(f"planlens: error: {one_line(str(err))}")
            ctx.exit(ctx.meta.get(ERROR_STATUS, 1))
        except click.ClickException as err:
            # click's own messages (a missing file argument) quote what was typed: made safe.
            vars(err)["message"] = visible(err.message)  # a Final attribute to mypy
            raise
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(EXIT_BROKEN_PIPE)
        except OSError as err:
            # Everything planlens writes to a file is a PlanlensError already: this is stdout.
            from planlens.write import reason

            _silence_stdout()
            _say(f"planlens: error: standard output: cannot write: {reason(err)}")
            ctx.exit(ctx.meta.get(ERROR_STATUS, 1))


def _flush(stream: Any) -> None:
    """Flush `stream` now, so that an error writing it is raised here, not at exit."""
    flush = getattr(stream, "flush", None)
    if flush:
        flush()


def _say(message: str) -> None:
    """Print a line on stderr; if stderr is gone too, there is no one to tell."""
    with contextlib.suppress(OSError):
        click.echo(message, err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the output still buffered is not written (again) at exit."""
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file (tests capture it): nothing is written at exit


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
@click.option(
    "--no-cache",
    is_flag=True,
    help="Parse every plan file, neither reading nor writing the cache of parsed plans "
    "(as PLANLENS_NO_CACHE=1 does; see the README).",
)
@click.pass_context
def cli(ctx: click.Context, plans_dir: Path, no_cache: bool) -> None:
    """Compare versions of negotiated texts clause by clause.

    Plans are YAML files, one per version of a document; see the README for the format.
    """
    ctx.obj = plans_dir
    ctx.meta[NO_CACHE] = no_cache


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
    options.AS_PROGRAM = True
    try:
        cli(prog_name="planlens")
    except SystemExit as end:
        if options.EXIT_AT_ONCE and (end.code is None or isinstance(end.code, int)):
            _exit_at_once(end.code or 0)
        raise


def _exit_at_once(status: int) -> None:
    """End the program with `status` as Python would, less freeing every object one by one.

    Output is flushed and the exit functions run first; if the output cannot be written, this
    returns and the program ends the usual way, which reports it as before.
    """
    try:
        for stream in (sys.stdout, sys.stderr):
            _flush(stream)
    except (OSError, ValueError):
        return
    atexit._run_exitfuncs()
    os._exit(status)
