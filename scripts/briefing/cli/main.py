"""The ``briefing`` command: check facts and pages, build the site safely, write the PDFs."""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import time
from pathlib import Path

from briefing.checking import check
from briefing.cli.editing import (
    cmd_add,
    cmd_coverage,
    cmd_release,
    cmd_source_add,
    find_root,
)
from briefing.cli.new import NewProjectError, write_project
from briefing.facts.dates import build_moment
from briefing.facts.jsonschema import json_schema
from briefing.facts.schema import KINDS
from briefing.facts.units import QUALIFIERS
from briefing.problems import Problem
from briefing.sitedir import refusal, site_inputs, sweep


def check_project(root: Path) -> list[Problem]:
    """Every problem in mkdocs.yml, then in the facts, sources, charts and pages of the folders
    it names, as the build reads them, without building HTML."""
    from briefing.plugin.siteconfig import read_site  # MkDocs loads only for what needs it

    site = read_site(root)
    if site.blocking:
        return sorted(site.problems)
    return check(site.paths, site.problems_with, site.docs_problems)


def cmd_check(args: argparse.Namespace) -> int:
    problems = check_project(find_root(Path.cwd()))
    for problem in problems:
        print(problem)
    count = len(problems)
    try:
        build_moment()  # the build would refuse it
    except ValueError as err:
        print(f"briefing check: {err}", file=sys.stderr)
        count += 1
    if count:
        print(f"{count} problem(s); fix them and run briefing check again", file=sys.stderr)
        return 1
    print("briefing check: all facts verified against their sources; all pages render")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a terminated build cleans up as an interrupted one does


def cmd_build(args: argparse.Namespace) -> int:
    """`mkdocs build --strict` into the site folder, in this process (so that a kill leaves no
    build running on without it); the plugin builds beside the folder and swaps the new site
    in only when the build succeeds, so a failed build leaves the folder intact."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from briefing.plugin.siteconfig import read_site  # MkDocs loads only for what needs it

    root = find_root(Path.cwd())
    target = root / args.site_dir
    paths = read_site(root).paths
    why = refusal(target, root, site_inputs(paths))
    if why is not None:
        print(f"briefing build: --site-dir {args.site_dir}: {why}", file=sys.stderr)
        return 1
    _show_build_log(logging.INFO)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(target))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)  # as `mkdocs build` runs it, between the startup and shutdown events
        finally:
            config.plugins.on_shutdown()
    except KeyboardInterrupt:
        print(f"build interrupted; {args.site_dir}/ was left as it was", file=sys.stderr)
        return 130
    except Exception as err:  # any plugin's; MkDocs has logged its own errors already
        if not isinstance(err, Abort):
            said = str(err) if isinstance(err, MkDocsException) else f"{type(err).__name__}: {err}"
            print(f"ERROR: {said}", file=sys.stderr)
        print(f"build failed; {args.site_dir}/ was left as it was", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        sweep(target)  # what a killed build left beside the site folder
    print(f"site built into {args.site_dir}/")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Write the PDF briefings (or the one named) into build/pdf/, saying how long each took."""
    from mkdocs.exceptions import MkDocsException  # MkDocs loads only for the commands using it

    from briefing.plugin.standalone import PdfError, build_pdfs

    root = find_root(Path.cwd())
    _show_build_log()
    start = time.perf_counter()
    try:
        written = build_pdfs(root, args.name, lambda news: print(f"briefing pdf: {news}"))
    except (PdfError, MkDocsException) as err:
        print(f"briefing pdf: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"briefing pdf: wrote {path.relative_to(root).as_posix()}")
    print(f"briefing pdf: done in {time.perf_counter() - start:.1f} s")
    return 0


def _show_build_log(level: int = logging.WARNING) -> None:
    """The plugin's progress on stdout (for `briefing pdf`), or with ``level`` INFO on stderr
    as `mkdocs build` shows it; MkDocs' warnings and errors on stderr."""
    mkdocs = logging.getLogger("mkdocs")
    shown = logging.StreamHandler(sys.stderr)
    shown.setLevel(level)
    shown.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    mkdocs.addHandler(shown)
    if level < logging.WARNING:
        mkdocs.setLevel(level)
        return
    progress = logging.StreamHandler(sys.stdout)
    progress.addFilter(lambda record: record.levelno < logging.WARNING)
    plugin = logging.getLogger("mkdocs.plugins.briefing")
    plugin.setLevel(logging.INFO)
    plugin.addHandler(progress)


def cmd_bench(args: argparse.Namespace) -> int:
    """Measure builds, facts loading, PDF and page weight; print a table and write JSON."""
    try:  # a development package, in a clone only: no runtime module imports it
        from briefing_bench import bench, synthetic
    except ModuleNotFoundError as error:
        if error.name != "briefing_bench":
            raise
        print(
            "briefing bench: the bench is a development tool, not installed with the package;"
            " run it from a clone of the repository (pip install -e .)",
            file=sys.stderr,
        )
        return 2

    root = find_root(Path.cwd())
    size = synthetic.Size(args.facts, args.pages, args.charts)
    sizes = [synthetic.SMALL, synthetic.SCALE] if args.scale else [size]
    runs = bench.bench(
        root, sizes, args.real, not args.no_pdf, lambda run: print(bench.table(run), flush=True)
    )
    out = root / args.json
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(bench.report(runs), indent=2) + "\n", "utf-8")
    missed = sum(f.ok is False for run in runs for f in run.figures)
    print(f"briefing bench: {missed} target(s) missed; figures written to {args.json}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    try:
        written = write_project(args.dir)
    except NewProjectError as err:
        print(f"briefing new: {err}", file=sys.stderr)
        return 1
    print(f"briefing new: wrote {len(written)} files into {args.dir}: {', '.join(written)}")
    print(f"next: cd {args.dir} && briefing check && mkdocs build")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(args.file), indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate facts, sources, charts and pages").set_defaults(
        run=cmd_check
    )
    build = sub.add_parser("build", help="build the site and PDF into build/ (atomically)")
    build.add_argument("--site-dir", default="build")
    build.set_defaults(run=cmd_build)
    pdf = sub.add_parser("pdf", help="write the PDF briefings into build/pdf/, with timings")
    pdf.add_argument("name", nargs="?", help="one briefing: its file name without .pdf")
    pdf.set_defaults(run=cmd_pdf)
    add = sub.add_parser("add", help="verify a quote and append it as a fact")
    add.add_argument("--source", required=True, help="source id from facts/sources.yaml")
    add.add_argument("--quote", required=True, help="verbatim sentence from the source")
    add.add_argument("--id", required=True, help="new id, e.g. sales.total.2025")
    add.add_argument("--subject", help="what is measured (for a claim: what it is about)")
    add.add_argument("--claim", help="propose a claim stating this, not a fact: no number")
    add.add_argument("--number", type=int, help="which number of the quote (1-based)")
    add.add_argument("--context", help="the words just before the quote, if it occurs twice")
    add.add_argument("--file", help="facts file name (default: <source>.yaml)")
    add.add_argument("--unit", help="a unit of facts/units.yaml (default: from the number)")
    add.add_argument("--period", help="the period (default: from the quote and source date)")
    add.add_argument("--kind", choices=KINDS, help="default: from the quote's wording")
    add.add_argument("--qualifier", choices=QUALIFIERS, help="default: from the words before it")
    add.add_argument("--geo", help="default: the most common geo of the source's facts")
    add.add_argument("--period-from", help="the quote's relative words the period is from")
    add.add_argument("--said-by", help="who states it, named in the source near the quote")
    add.add_argument("--data-from", help="whose data it is, named in the source near the quote")
    add.add_argument("--reading", help="why the quote means it where the wording seems not to")
    add.add_argument("--note", help="the editor's note")
    add.add_argument("--tags", help="comma-separated tags, e.g. exports,energy")
    add.add_argument("--dry-run", action="store_true", help="show the entry, write nothing")
    add.set_defaults(run=cmd_add)
    source = sub.add_parser("source", help="archive a source").add_subparsers(
        dest="action", required=True
    )
    source_add = source.add_parser("add", help="copy a document or table into seeds/, describe it")
    source_add.add_argument("file", help="the text (.txt) or table (.csv) to archive")
    source_add.add_argument("--id", help="the source's id (default: from the file name)")
    source_add.set_defaults(run=cmd_source_add)
    sub.add_parser("coverage", help="numbers in the sources no fact covers").set_defaults(
        run=cmd_coverage
    )
    release = sub.add_parser("release", help="snapshot the facts as a release")
    release.add_argument(
        "name", help="release name, e.g. 2025-12; the file facts/releases/NAME.json"
    )
    release.add_argument("--date", help="day the release is cut, YYYY-MM-DD (default: today)")
    release.set_defaults(run=cmd_release)
    bench = sub.add_parser("bench", help="measure build time, memory and page weight")
    bench.add_argument("--facts", type=int, default=1000, help="synthetic facts (default 1000)")
    bench.add_argument("--pages", type=int, default=100, help="synthetic pages (default 100)")
    bench.add_argument("--charts", type=int, default=20, help="synthetic charts (default 20)")
    bench.add_argument(
        "--scale", action="store_true", help="10,000 facts, 1,000 pages, 200 charts, and a tenth"
    )
    bench.add_argument("--real", action="store_true", help="also measure this project's site")
    bench.add_argument("--no-pdf", action="store_true", help="skip the real site's PDF")
    bench.add_argument(
        "--json",
        default=".cache/briefing/bench.json",
        help="where to write the figures (default .cache/briefing/bench.json: build/ is "
        "replaced by every build)",
    )
    bench.set_defaults(run=cmd_bench)
    new = sub.add_parser("new", help="write a minimal project to start from into a new folder")
    new.add_argument("dir", type=Path, help="the folder to write (missing or empty)")
    new.set_defaults(run=cmd_new)
    schema = sub.add_parser("schema", help="print the JSON Schema of fact files")
    schema.add_argument(
        "file",
        nargs="?",
        default="facts",
        choices=("facts", "disagreements"),
        help="which files: facts/*.yaml (default) or facts/disagreements.yaml",
    )
    schema.set_defaults(run=cmd_schema)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
