"""The cache of parsed plans (`planlens.cache`): a hit gives what parsing gives, places and
warnings included; errors are never cached; every broken entry or folder is a miss, never an
error; `--no-cache` and PLANLENS_NO_CACHE leave it alone; it stays within its size.

conftest.py switches the cache off for every other test and points it into the test run's own
folder; the tests here switch it on, each in a folder of its own.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, PLANS, ROOT
from hypothesis import HealthCheck, given, settings
from test_fuzz import mutated_yaml
from test_serialize import valid_plans

from planlens import cache as cache_module
from planlens.cache import MAGIC, PlanCache, generation, loader_sources
from planlens.cli import cli
from planlens.errors import PlanFileError, PlanlensError
from planlens.plan import load as load_module
from planlens.plan.across import Parsed
from planlens.plan.load import _read, load_plan, validate_plans
from planlens.plan.model import Plan
from planlens.plan.serialize import plan_to_yaml

GOOD = DATA / "good"
BAD = DATA / "bad"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache switched on, in a folder of this test's own (not made yet)."""
    cache_folder = tmp_path / "cache"
    monkeypatch.setenv("PLANLENS_CACHE_DIR", str(cache_folder))
    monkeypatch.delenv("PLANLENS_NO_CACHE", raising=False)
    return cache_folder


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any parse: what is loaded must come from the cache."""

    def refuse(text: str, path: str) -> Parsed:
        raise AssertionError(f"{path} was parsed, not taken from the cache")

    with monkeypatch.context() as patch:
        patch.setattr(load_module, "_parse", refuse)
        yield


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def entries(folder: Path) -> list[Path]:
    plans = folder / "plans"
    return sorted(plans.iterdir()) if plans.is_dir() else []


def everything(parsed: Parsed) -> str:
    """All of a parse's result, places and paths too (`repr` shows what `==` leaves out)."""
    return repr(parsed)


def write_plan(path: Path, plan: Plan) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_to_yaml(plan), encoding="utf-8")
    return path


# -- a hit gives what parsing gives ------------------------------------------------------------


def test_a_hit_gives_every_plan_of_the_folder_as_parsing_does(tmp_path: Path) -> None:
    cache = PlanCache(tmp_path / "plans")
    files = sorted(PLANS.glob("*.yaml"))
    parsed = [everything(_read(path, None)) for path in files]
    assert [everything(_read(path, cache)) for path in files] == parsed  # misses, kept
    assert len(list((tmp_path / "plans").iterdir())) == len(files)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "_parse", None)  # a hit never parses
        assert [everything(_read(path, cache)) for path in files] == parsed


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(valid_plans())
def test_load_with_the_cache_equals_load_without(plan: Plan) -> None:
    # Kept from one path, read at another: places, paths and warnings are the second's.
    with tempfile.TemporaryDirectory() as scratch:
        cache = PlanCache(Path(scratch) / "cache")
        first = write_plan(Path(scratch) / "a" / "plan.yaml", plan)
        second = write_plan(Path(scratch) / "b" / "other name.yml", plan)
        assert everything(_read(first, cache)) == everything(_read(first, None))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(load_module, "_parse", None)
            hit = _read(second, cache)
        assert everything(hit) == everything(_read(second, None))
        assert hit.plan == plan


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_yaml())
def test_validate_with_the_cache_says_what_it_says_without(text: str) -> None:
    # Valid or not, twice through the cache: the same plans, warnings or problems; a file
    # with a problem is never kept.
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "plan.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        cache = PlanCache(Path(scratch) / "cache")

        def outcome(with_cache: PlanCache | None) -> str:
            try:
                checked = validate_plans([path], cache=with_cache)
            except PlanFileError as err:
                return f"problems {err.problems!r}"
            except PlanlensError as err:
                return f"error {err}"
            return f"plans {checked.plans!r} warnings {checked.warnings!r}"

        without = outcome(None)
        assert outcome(cache) == without
        assert outcome(cache) == without
        kept = list((Path(scratch) / "cache").glob("*"))
        assert len(kept) == (1 if without.startswith("plans") else 0)


# -- the commands -------------------------------------------------------------------------------

UNDATED = """\
id: undated
title: Undated
date: 2025-01-01
status: draft
completeness: full
sources:
  - url: https://example.org/a
  - url: https://example.org/REPLACE-ME
    date: 2025-01-02
clauses:
  - id: "1"
    text: One.
    sources: [{url: "https://example.org/b"}]
"""


def test_validate_prints_the_same_warnings_from_the_cache(folder: Path, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "undated.yaml").write_text(UNDATED, encoding="utf-8")
    without = run("--no-cache", "validate", str(plans))
    assert "warning: source has no 'date'" in without[2]
    assert "is a placeholder" in without[2]
    assert not folder.exists()
    assert run("validate", str(plans)) == without  # kept
    assert len(entries(folder)) == 1
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "_parse", None)
        assert run("validate", str(plans)) == without  # read


@pytest.mark.parametrize("args", [["validate"], ["list"], ["diff", "us-28", "framework-20"]])
def test_commands_print_the_same_with_the_cache(folder: Path, args: list[str]) -> None:
    plans = ["--plans", str(PLANS)]
    without = run(*plans, "--no-cache", *args)
    assert without[0] == 0
    assert run(*plans, *args) == without
    assert len(entries(folder)) == len(list(PLANS.glob("*.yaml")))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "_parse", None)
        assert run(*plans, *args) == without


def test_diff_of_files_as_json_is_the_same_from_the_cache(folder: Path) -> None:
    old, new = (str(GOOD / name) for name in sorted(os.listdir(GOOD)))
    without = run("--no-cache", "diff", old, new, "--format", "json")
    assert run("diff", old, new, "--format", "json") == without
    assert run("diff", old, new, "--format", "json") == without


def test_build_with_a_helper_process_keeps_and_reads_the_plans(
    folder: Path, tmp_path: Path
) -> None:
    # With two jobs, a forked helper reads the plans: its entries are there for the next build.
    code, _, err = run("build", str(GOOD), "-o", str(tmp_path / "site"), "--jobs", "2")
    assert (code, err) == (0, "")
    assert len(entries(folder)) == 2
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load_module, "_parse", None)
        assert run("build", str(GOOD), "-o", str(tmp_path / "site"), "--jobs", "1")[0] == 0


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_errors_are_the_same_and_never_cached(folder: Path, name: str) -> None:
    path = str(BAD / name)
    without = run("--no-cache", "validate", path)
    assert without[0] != 0 or "no problems" in without[1]
    assert run("validate", path) == without
    assert run("validate", path) == without
    if without[0] != 0:
        assert entries(folder) == []


# -- off ----------------------------------------------------------------------------------------


def poison(cache: PlanCache, path: Path, title: str) -> Path:
    """Keep, as the entry of the file at `path`, its plan under another title."""
    parsed = _read(path, None)
    assert parsed.plan is not None
    changed = Parsed(
        Plan(**{**_fields(parsed.plan), "title": title}), [], parsed.references, parsed.warnings
    )
    key = cache.key(path.read_bytes())
    cache.put(key, changed, str(path))
    return cache.folder / key.hex()


def _fields(plan: Plan) -> dict[str, object]:
    return {name: getattr(plan, name) for name in Plan.__dataclass_fields__}


def test_no_cache_neither_reads_nor_writes(folder: Path) -> None:
    path = GOOD / sorted(os.listdir(GOOD))[0]
    entry = poison(PlanCache(folder / "plans"), path, "From the cache")
    os.utime(entry, (1_000_000, 1_000_000))
    assert "From the cache" in run("show", str(path))[1]  # the cache is read...
    os.utime(entry, (1_000_000, 1_000_000))
    before = sorted((p.name, p.stat().st_mtime) for p in entries(folder))
    code, out, _ = run("--no-cache", "show", str(path))  # ...but not with --no-cache
    assert code == 0 and "From the cache" not in out
    other = GOOD / sorted(os.listdir(GOOD))[1]
    assert run("--no-cache", "show", str(other))[0] == 0  # a miss: nothing kept
    assert sorted((p.name, p.stat().st_mtime) for p in entries(folder)) == before


@pytest.mark.parametrize("value", ["1", "yes", "true", "on"])
def test_the_environment_switches_it_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("PLANLENS_NO_CACHE", value)
    assert run("validate", str(GOOD))[0] == 0
    assert not folder.exists()


def test_an_empty_or_0_value_leaves_it_on(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("", "0", "false"):
        monkeypatch.setenv("PLANLENS_NO_CACHE", value)
        assert PlanCache.from_environment() is not None
    monkeypatch.setenv("PLANLENS_NO_CACHE", "0")
    assert run("validate", str(GOOD))[0] == 0
    assert len(entries(folder)) == 2


def test_library_loaders_use_no_cache_unless_given_one(folder: Path) -> None:
    load_plan(GOOD / sorted(os.listdir(GOOD))[0])
    validate_plans([GOOD])
    assert not folder.exists()


# -- broken entries and folders are misses ------------------------------------------------------


def kept(tmp_path: Path) -> tuple[PlanCache, Path, bytes, Path]:
    """A cache with the entry of a good plan: the cache, the plan, the key, the entry."""
    cache = PlanCache(tmp_path / "cache")
    path = GOOD / sorted(os.listdir(GOOD))[0]
    _read(path, cache)
    key = cache.key(path.read_bytes())
    entry = cache.folder / key.hex()
    assert entry.is_file() and cache.get(key, str(path)) is not None
    return cache, path, key, entry


def header(key: bytes, payload: bytes) -> bytes:
    return MAGIC + key + zlib.crc32(payload).to_bytes(4, "big") + payload


def breakages(key: bytes, blob: bytes) -> dict[str, bytes]:
    """Entries that must read as misses: corrupt, truncated, foreign, of another shape."""
    middle = len(blob) // 2
    return {
        "empty": b"",
        "magic only": MAGIC,
        "truncated": blob[:-7],
        "header only": blob[: len(MAGIC) + 36],
        "a byte flipped": blob[:middle] + bytes([blob[middle] ^ 0x20]) + blob[middle + 1 :],
        "another key": MAGIC + bytes(32) + blob[len(MAGIC) + 32 :],
        "another program's": b"\x89PNG\r\n\x1a\n" + blob[8:],
        "pickle": b"\x80\x04\x95" + blob,
        "marshal of another shape": header(key, marshal.dumps((1, 2, 3))),
        "marshal of a code object": header(key, marshal.dumps(compile("1/0", "x", "exec"))),
        "a plan of the wrong arity": header(key, marshal.dumps((("x",) * 3, (), ()))),
        "not marshal": header(key, b"\xff" * 40),
    }


@pytest.mark.parametrize("kind", sorted(breakages(bytes(32), b"x" * 200)))
def test_a_broken_entry_is_a_miss_and_replaced(tmp_path: Path, kind: str) -> None:
    cache, path, key, entry = kept(tmp_path)
    entry.write_bytes(breakages(key, entry.read_bytes())[kind])
    assert cache.get(key, str(path)) is None
    assert everything(_read(path, cache)) == everything(_read(path, None))  # parsed, kept again
    assert cache.get(key, str(path)) is not None


def test_an_entry_of_another_user_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, path, key, _ = kept(tmp_path)
    if not hasattr(os, "getuid"):
        pytest.skip("files have no owner here")
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache.folder).st_uid + 1)
    assert cache.get(key, str(path)) is None


def test_an_entry_that_is_a_folder_or_unreadable_is_a_miss(tmp_path: Path) -> None:
    cache, path, key, entry = kept(tmp_path)
    entry.unlink()
    entry.mkdir()
    assert cache.get(key, str(path)) is None
    assert everything(_read(path, cache)) == everything(_read(path, None))  # not kept: no error


def test_a_new_version_python_or_loader_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, path, key, _ = kept(tmp_path)
    data = path.read_bytes()
    changes = [
        lambda patch: patch.setattr(cache_module, "__version__", "999.0"),
        lambda patch: patch.setattr(sys, "version", sys.version + " (another build)"),
        lambda patch: patch.setattr(
            cache_module, "loader_sources", lambda: [*loader_sources(), Path(__file__)]
        ),
    ]
    for change in changes:
        with monkeypatch.context() as patch:
            change(patch)
            generation.cache_clear()
            assert cache.key(data) != key
            assert cache.get(cache.key(data), str(path)) is None
        generation.cache_clear()
    assert cache.key(data) == key


def test_the_key_is_the_content_not_the_name_or_time(tmp_path: Path) -> None:
    cache, path, key, _ = kept(tmp_path)
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(path.read_bytes())
    os.utime(copy, (1, 1))
    assert cache.key(copy.read_bytes()) == key
    copy.write_bytes(path.read_bytes() + b"\n")
    assert cache.key(copy.read_bytes()) != key


def test_every_module_loading_imports_is_in_the_key(tmp_path: Path) -> None:
    # What a load runs is what decides its result: each planlens module it imports is either
    # hashed into the generation or one of those that cannot change a plan.
    plan = str(GOOD / sorted(os.listdir(GOOD))[0])
    script = (
        "import sys; from pathlib import Path; from planlens.cache import PlanCache;"
        "from planlens.plan.load import load_plan;"
        f"load_plan({plan!r}, cache=PlanCache(Path(sys.argv[1])));"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('planlens')"
        " and getattr(m, '__file__', None)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    used = {Path(line).resolve() for line in done.stdout.split()}
    package = ROOT / "planlens"
    harmless = {package / name for name in ("__init__.py", "_version.py", "perf.py", "write.py")}
    assert used - set(loader_sources()) - harmless == set()
    assert package / "plan" / "check_plan.py" in used


def test_an_unwritable_folder_is_skipped(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANLENS_CACHE_DIR", str(blocker / "cache"))
    without = run("--no-cache", "validate", str(GOOD))
    assert run("validate", str(GOOD)) == without
    assert run("diff", *(str(GOOD / n) for n in sorted(os.listdir(GOOD)))) == run(
        "--no-cache", "diff", *(str(GOOD / n) for n in sorted(os.listdir(GOOD)))
    )
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_folder_is_read_and_not_written(tmp_path: Path) -> None:
    cache, path, key, _ = kept(tmp_path)
    other = GOOD / sorted(os.listdir(GOOD))[1]
    cache.folder.chmod(0o500)
    try:
        assert cache.get(key, str(path)) is not None
        assert everything(_read(other, cache)) == everything(_read(other, None))
        assert len(list(cache.folder.iterdir())) == 1
    finally:
        cache.folder.chmod(0o700)


# -- concurrent processes, and the size ---------------------------------------------------------

WRITER = """
import hashlib, sys
from pathlib import Path
from planlens.cache import PlanCache
from planlens.plan.load import _read
cache = PlanCache(Path(sys.argv[1]))
sys.stdin.readline()  # all start together
for round in range(int(sys.argv[3])):
    print(hashlib.sha256(repr(_read(Path(sys.argv[2]), cache)).encode()).hexdigest(), flush=True)
"""


def big_plan_file(path: Path, clauses: int) -> Path:
    lines = [
        "id: big",
        "title: Big",
        "date: 2025-01-01",
        "status: draft",
        "completeness: full",
        "sources: [{url: 'https://example.org/a'}]",
        "clauses:",
    ]
    for n in range(clauses):
        lines += [f"  - id: '{n}'", f"    text: Clause {n} of many, with some words in it {n * 7}."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_concurrent_writers_and_readers_agree(tmp_path: Path) -> None:
    # Four processes load the same file at once, cold, then again and again (some reading an
    # entry while others still rename theirs over it): all see what parsing gives.
    path = big_plan_file(tmp_path / "big.yaml", 3000)
    folder = tmp_path / "cache"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(path), "5"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(4)
    ]
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [worker.communicate(timeout=300)[0].split() for worker in workers]
    assert all(worker.returncode == 0 for worker in workers)
    expected = hashlib.sha256(repr(_read(path, None)).encode()).hexdigest()
    assert outputs == [[expected] * 5] * 4
    cache = PlanCache(folder)
    key = cache.key(path.read_bytes())
    assert [p.name for p in folder.iterdir()] == [key.hex()]  # and no temporary file
    assert everything(cache.get(key, str(path)) or Parsed(None, [])) == everything(
        _read(path, None)
    )


def test_the_least_recently_used_entries_go_beyond_the_size(tmp_path: Path) -> None:
    files = [big_plan_file(tmp_path / f"p{n}.yaml", 50 + n) for n in range(4)]
    probe = PlanCache(tmp_path / "probe")
    _read(files[0], probe)
    size = next(probe.folder.iterdir()).stat().st_size
    cache = PlanCache(tmp_path / "cache", max_bytes=int(size * 2.5))  # room for two
    keys = [cache.key(path.read_bytes()) for path in files]
    for n, path in enumerate(files[:2]):
        _read(path, cache)
        os.utime(cache.folder / keys[n].hex(), (1000 + n, 1000 + n))
    assert cache.get(keys[0], str(files[0])) is not None  # used now: p1 is the oldest
    _read(files[2], cache)
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(
        key.hex() for key in (keys[0], keys[2])
    )
    tiny = PlanCache(tmp_path / "tiny", max_bytes=1)  # the newest stays, however large
    _read(files[3], tiny)
    _read(files[1], tiny)
    assert [p.name for p in tiny.folder.iterdir()] == [keys[1].hex()]


def test_temporary_files_left_by_a_killed_process_are_pruned(tmp_path: Path) -> None:
    cache, _, _, _ = kept(tmp_path)
    old = cache.folder / ".entry.abc.planlens-tmp"
    young = cache.folder / ".entry.def.planlens-tmp"
    for temporary in (old, young):
        temporary.write_bytes(b"half an entry")
    os.utime(old, (1, 1))
    cache.prune()
    assert not old.exists() and young.exists()


def test_plans_from_the_cache_import_no_yaml(folder: Path) -> None:
    # A command whose plans all come from the cache imports neither PyYAML nor the checks.
    script = (
        "import sys\nfrom planlens.cli import cli\n"
        "try:\n    cli(['--plans', sys.argv[1], 'diff', 'us-28', 'framework-20'])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )

    def modules() -> set[str]:
        command = [sys.executable, "-c", script, str(PLANS)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        return set(done.stderr.split())

    parsing = {"yaml", "planlens.plan.check_plan", "planlens.plan.yaml_nodes"}
    assert parsing <= modules()  # cold: parsed, kept
    assert not parsing & modules()  # warm


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_at_an_entry_is_a_miss_not_a_wait(tmp_path: Path) -> None:
    cache, path, key, entry = kept(tmp_path)
    entry.unlink()
    os.mkfifo(entry)  # opened as a file, it would wait for a writer for ever
    assert cache.get(key, str(path)) is None
    assert everything(_read(path, cache)) == everything(_read(path, None))


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="links are followed here")
def test_a_link_at_an_entry_is_neither_read_nor_written_through(tmp_path: Path) -> None:
    cache, path, key, entry = kept(tmp_path)
    target = tmp_path / "elsewhere"
    target.write_bytes(entry.read_bytes())  # a good entry, but not in the folder
    entry.unlink()
    entry.symlink_to(target)
    assert cache.get(key, str(path)) is None
    target.write_bytes(b"the user's own file")
    assert everything(_read(path, cache)) == everything(_read(path, None))
    assert target.read_bytes() == b"the user's own file"
