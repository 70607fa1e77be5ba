"""The `build` command: the whole report site for a folder of plans."""

from __future__ import annotations

from pathlib import Path

import click

from planlens.cli.options import exit_at_once, force_option, plan_cache, say
from planlens.errors import PlanlensError


@click.command()
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
@force_option("Overwrite files in the folder that planlens did not write.")
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    help="Seconds to wait for another build of the same folder to finish (0: fail at once).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that make pages at once (default: one per core). The pages are the same.",
)
@click.pass_obj
def build(
    plans_dir: Path,
    plans_folder: Path | None,
    output: Path,
    force: bool,
    wait: float,
    jobs: int | None,
) -> None:
    """Build the report site: an index, a page per plan, a report per two versions of a lineage.

    Only pages whose inputs changed are rewritten. One build at a time writes a folder; a build
    that was interrupted is completed by the next.

    \b
    Example:
        planlens build plans/ -o reports/
    """
    from planlens.cli.progress import PageProgress
    from planlens.site.folder import build_folder

    if str(output) == "-":
        raise PlanlensError("build writes a folder of pages; -o - (standard output) cannot hold it")
    exit_at_once()
    with PageProgress("building") as progress:
        result = build_folder(
            [plans_folder or plans_dir],
            output,
            force=force,
            progress=progress,
            wait=wait,
            notice=say,
            jobs=jobs,
            cache=plan_cache(),
        )
    click.echo(
        f"{output}: {len(result.written)} written, {len(result.skipped)} unchanged"
        + (f", {len(result.removed)} removed" if result.removed else "")
    )
