"""The ``briefing`` command: check facts and pages, and build the site safely."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.loader import load_factbook
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem
from briefing.render.pages import PageRenderer
from briefing.render.urls import SiteUrls
from briefing.schema import json_schema


def find_root(start: Path) -> Path:
    """The nearest folder holding mkdocs.yml, from ``start`` upwards."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"{start}: no mkdocs.yml here or above; run briefing inside the project")


def check(paths: Paths) -> list[Problem]:
    """Every problem in facts, sources, charts and pages, without building HTML."""
    try:
        book = load_factbook(paths)
    except BriefingError as err:
        return err.problems
    renderer = PageRenderer(book, SiteUrls())
    problems: list[Problem] = []
    for page in sorted(paths.docs_dir.rglob("*.md")):
        src_uri = page.relative_to(paths.docs_dir).as_posix()
        result = renderer.render(page.read_text("utf-8"), paths.rel(page), src_uri)
        problems.extend(result.problems)
    return sorted(set(problems))


def cmd_check(args: argparse.Namespace) -> int:
    paths = Paths(find_root(Path.cwd()))
    problems = check(paths)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); fix them and run briefing check again", file=sys.stderr)
        return 1
    print("briefing check: all facts verified against their sources; all pages render")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build into a temporary folder, then swap it in: a failed build leaves build/ intact."""
    root = find_root(Path.cwd())
    target = root / args.site_dir
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    done = subprocess.run(command, cwd=root, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {args.site_dir}/ was left as it was", file=sys.stderr)
        return 1
    old = root / f".build-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site built into {args.site_dir}/")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
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
    sub.add_parser("schema", help="print the JSON Schema of fact files").set_defaults(
        run=cmd_schema
    )
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
