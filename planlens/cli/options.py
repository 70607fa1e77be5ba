"""What the commands share: their common options, naming plans, and printing or writing output."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planlens.cli.indented_json import indented_json
from planlens.errors import PlanlensError
from planlens.plan.check_text import CANDIDATES, has_candidate, hidden_character, visible

if TYPE_CHECKING:
    from planlens.cache import PlanCache
    from planlens.plan.model import Plan
    from planlens.text_cache import TextCache

# The library modules a command needs are imported when it runs, not here: every command
# imports this module, and `planlens --help` should not pay for the YAML loader.

F = TypeVar("F", bound=Callable[..., Any])

#: Where plan ids are looked up unless `--plans` or PLANLENS_PLANS says otherwise.
DEFAULT_PLANS = "plans"

#: Set by `main()`: this process is the `planlens` program, and ends when its command does.
AS_PROGRAM = False
#: Set by `collector_off_until_exit`: `main()` ends the program without freeing its objects.
EXIT_AT_ONCE = False

#: The key in `click.Context.meta` of the exit status for an error, when a command wants
#: another than 1 (`diff --exit-code`, whose 1 means "the versions differ").
ERROR_STATUS = "planlens.error_status"
#: The key in `click.Context.meta` of `--no-cache`: plan files are parsed, none cached.
NO_CACHE = "planlens.no_cache"


def collector_off_until_exit() -> None:
    """Switch the cyclic garbage collector off for the rest of the `planlens` program, and let
    `main()` end it without freeing its objects one by one.

    For the commands that compare once and exit (`diff`, `report`): their hundreds of thousands
    of objects hold almost no cycles, and the first collection after each paused one (see
    `planlens.perf`) walks them all again (0.03 s of a BGB diff); the few cycles go with the
    process. Freeing them all at exit, the interpreter's last work, costs 0.06 s of a BGB
    diff; the operating system takes the memory back at once. Not in a caller that runs the
    commands in its own process (the tests do).
    """
    if AS_PROGRAM:
        gc.disable()
        exit_at_once()


def exit_at_once() -> None:
    """Let `main()` end the `planlens` program when its command ends, without freeing its
    objects one by one (the operating system takes the memory back at once).

    For `build`: the modules, templates, plans and pages it holds took 0.03 s to free, the
    last work of every build however little it wrote. Only in the `planlens` program, not in
    a caller that runs the commands in its own process (the tests do).
    """
    global EXIT_AT_ONCE
    if AS_PROGRAM:
        EXIT_AT_ONCE = True


def format_option(*choices: str, help: str) -> Callable[[F], F]:
    """Add `--format` (stored as `fmt`) with `choices`, the first being the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def force_option(help: str = "Overwrite the output file if it exists.") -> Callable[[F], F]:
    """Add `--force`: the one way to let a command replace a file that exists."""
    return click.option("--force", is_flag=True, help=help)


def output_option(help: str = "Write here, not to stdout (-: stdout).") -> Callable[[F], F]:
    """Add `-o/--output`, a file path (`output`, None when not given; `-` is stdout)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        help=help,
    )


def to_stdout(output: Path | None) -> bool:
    """Say whether `-o` names standard output: not given, or `-`."""
    return output is None or str(output) == "-"


def one_line(message: str) -> str:
    """Return a message as one line, safe for a terminal: a value it quotes may hold a line
    break (a clause id "a\\nb") or a control character, shown as markers (`⟦U+000A⟧`).

    >>> one_line("x.yaml:3:5: unknown key 'a\\nb\\x1b'")
    "x.yaml:3:5: unknown key 'a⟦U+000A⟧b⟦U+001B⟧'"
    """
    return visible(message).replace("\n", "⟦U+000A⟧")


def say(message: str) -> None:
    """Print a message of the library's (a warning, a wait) on stderr, made safe to show."""
    click.echo(f"planlens: {visible(message)}", err=True)


def json_text(data: object) -> str:
    """Return `data` as indented JSON, every control or invisible character as a \\u escape.

    JSON escapes C0 controls itself, but not DEL, C1 controls, bidi overrides or lone
    surrogates; escaping them too keeps the data exact and the terminal safe.
    """
    text = indented_json(data) + "\n"
    if not has_candidate(text):  # none to escape, found in C loops (`has_candidate`)
        return text
    return CANDIDATES.sub(
        lambda m: _json_escape(m.group()) if hidden_character(m.group()) else m.group(), text
    )


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def output_options(command: F) -> F:
    """Add `-o/--output` and `--force` to a command that prints or writes one text."""
    return output_option()(force_option()(command))


def emit(
    text: str, output: Path | None, force: bool, plans: Sequence[Plan], color: bool | None = None
) -> None:
    """Print `text`, or write it atomically to `output`, never over one of the input `plans`."""
    if to_stdout(output):
        click.echo(text, nl=False, color=color)
        return
    assert output is not None
    from planlens.write import write_text

    write_text(output, text, force=force, inputs=[Path(p.path) for p in plans if p.path])
    click.echo(visible(f"wrote {output}"), err=True)


def plan_cache() -> PlanCache | None:
    """Return the cache of parsed plans the command should use: None with `--no-cache` or
    where the environment switches it off (`planlens.cache`)."""
    context = click.get_current_context(silent=True)
    if context is not None and context.meta.get(NO_CACHE):
        return None
    from planlens.cache import PlanCache

    return PlanCache.from_environment()


def text_cache() -> TextCache | None:
    """Return the cache of text features a comparing command should use: None where the cache
    of parsed plans is off (`plan_cache`), with which it goes (`planlens.text_cache`)."""
    context = click.get_current_context(silent=True)
    if context is not None and context.meta.get(NO_CACHE):
        return None
    from planlens.text_cache import TextCache

    return TextCache.from_environment()


def resolve_plans(names: list[str], plans_dir: Path) -> list[Plan]:
    """Return the plans `names` name: paths to plan files, or plan ids in `plans_dir`.

    Plans named by id are loaded with their whole folder, so their references are checked.
    """
    return resolve_with_corpus(names, plans_dir)[0]


def resolve_with_corpus(names: list[str], plans_dir: Path) -> tuple[list[Plan], tuple[Plan, ...]]:
    """Return the plans `names` name, and the folder they were found in (empty if none was read).

    The folder is the corpus through which analyst pins compose between versions.
    """
    from planlens.plan import did_you_mean, load_plan, load_plans

    cache = plan_cache()
    folder: dict[str, Plan] | None = None
    plans: list[Plan] = []
    for name in names:
        path = Path(name)
        if path.suffix in (".yaml", ".yml") or path.is_file():
            if not path.is_file():
                raise PlanlensError(f"{name}: no such file")
            plans.append(load_plan(path, cache=cache))
            continue
        if folder is None:
            if not plans_dir.is_dir():
                raise PlanlensError(
                    f"no plan file '{name}', and no plans folder {plans_dir}/ to look it up in"
                )
            loaded = load_plans([plans_dir], closed=True, cache=cache)
            folder = {plan.id: plan for plan in loaded}
        if name not in folder:
            if path.is_dir():
                raise PlanlensError(f"{name}: a folder, not a plan file or a plan id")
            raise PlanlensError(f"no plan '{name}' in {plans_dir}/{did_you_mean(name, folder)}")
        plans.append(folder[name])
    return plans, tuple(folder.values()) if folder else ()
