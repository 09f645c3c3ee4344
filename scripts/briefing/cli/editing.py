"""The editor's commands: ``briefing add``, ``source add``, ``coverage`` and ``release``, and
finding the project they act on from the working folder."""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
from pathlib import Path

from briefing.curation.adding import AddError, Given, append, propose, propose_claim
from briefing.curation.coverage import load_ignores, uncovered
from briefing.data.releases import compare, current, load_releases, write_release
from briefing.facts import wording, yamlio
from briefing.facts.dates import today
from briefing.facts.loading import load_factbook
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem


def find_root(start: Path) -> Path:
    """The nearest folder holding mkdocs.yml, from ``start`` upwards."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"{start}: no mkdocs.yml here or above; run briefing inside the project")


def project_paths() -> Paths:
    """The project's folders as mkdocs.yml names them (the briefing plugin's options)."""
    from briefing.plugin.siteconfig import read_site  # MkDocs loads only for what needs it

    return read_site(find_root(Path.cwd())).paths


def cmd_coverage(args: argparse.Namespace) -> int:
    """Every number in each source that no fact covers and no ignore entry explains."""
    paths = project_paths()
    try:
        book = load_factbook(paths)
    except BriefingError as err:
        print(err)
        return 1
    problems: list[Problem] = []
    ignores = load_ignores(paths, book, problems)
    for problem in problems:
        print(problem)
    total_left = 0
    for sid, (count, left) in uncovered(book, ignores).items():
        source = book.sources[sid]
        for item in left:
            print(
                f'{source.archive}:{item.line}: "{item.text}" is covered by no fact and not explained'
            )
        print(f"{sid}: {count} numbers, {count - len(left)} covered or explained, {len(left)} left")
        total_left += len(left)
    print(f"{total_left} unexplained number(s)")
    return 1 if total_left or problems else 0


def cmd_add(args: argparse.Namespace) -> int:
    """Propose a fact from a quote, verify it, and append it to a facts file."""
    paths = project_paths()
    name = args.file or f"{args.source}.yaml"
    if not paths.is_fact_name(name):
        registries = ", ".join(p.name for p in paths.registries)
        print(
            f"briefing add: {paths.facts}/{name} would not be read as facts; give --file a name "
            f"in {paths.facts}/ ending in .yaml, not starting with '_', other than {registries}",
            file=sys.stderr,
        )
        return 2
    target = paths.facts_dir / name
    try:
        book = load_factbook(paths)
        given = _given(args)
        proposal = (propose_claim if given.claim else propose)(book, given, wording.load(paths, []))
    except BriefingError as err:
        print(err)
        print("fix these problems first; briefing add needs a clean project", file=sys.stderr)
        return 1
    except AddError as err:
        print(f"briefing add: {err}", file=sys.stderr)
        return 1
    entry = proposal.entry
    shown = io.StringIO()
    yamlio.new_yaml().dump([entry], shown)
    print(shown.getvalue(), end="")
    # The reasons go to stderr: stdout is exactly the entry written, and a reason kept as a
    # comment in the facts file would go stale the day the editor corrects the field.
    print("proposed (check each against the source):", file=sys.stderr)
    for key, how in proposal.how.items():
        print(f"  {key}: {yamlio.written(entry[key])} ({how})", file=sys.stderr)
    if args.dry_run:
        return 0
    before = target.read_bytes() if target.is_file() else None
    try:
        append(target, entry)
    except OSError as err:
        print(f"briefing add: cannot write {paths.rel(target)}: {err.strerror}", file=sys.stderr)
        return 1
    try:
        load_factbook(paths)
    except BriefingError as err:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
        print(err)
        print(f"not added; {paths.rel(target)} is unchanged", file=sys.stderr)
        return 1
    review = "period and kind" if args.claim else "unit, period, kind and geo"
    print(f"added to {paths.rel(target)}: review {review}, then cite it")
    return 0


def cmd_source_add(args: argparse.Namespace) -> int:
    """Archive a document or table in seeds/ and describe it in sources.yaml."""
    from briefing.curation.sourceadd import run

    return run(project_paths(), Path(args.file), args.id)


def _given(args: argparse.Namespace) -> Given:
    """The options of ``briefing add``, each passed as given (its name is the field's)."""
    given = {f.name: getattr(args, f.name) for f in dataclasses.fields(Given)}
    given["context"] = args.context or ""
    given["tags"] = tuple(t.strip() for t in (args.tags or "").split(",") if t.strip())
    return Given(**given)


def cmd_release(args: argparse.Namespace) -> int:
    """Snapshot the current facts as a release, for the "What changed" page."""
    paths = project_paths()
    try:
        book = load_factbook(paths)
        releases = load_releases(paths)
    except BriefingError as err:
        print(err)
        print("fix these problems first; a release snapshots verified facts", file=sys.stderr)
        return 1
    try:
        target = write_release(paths, book, args.name, args.date or today())
    except ValueError as err:
        print(f"briefing release: {err}", file=sys.stderr)
        return 1
    since = ""
    if releases:
        changes = compare(releases[-1].facts, current(book))
        since = (
            f"; since release {releases[-1].name}: {len(changes.added)} added, "
            f"{len(changes.changed)} changed, {len(changes.removed)} removed"
        )
    print(f"release {args.name}: {len(book.facts)} facts written to {paths.rel(target)}{since}")
    return 0
