"""`mkdocs serve` for editors: a saved fact should be on screen within a second.

MkDocs looks for changed files every half second (a polling watcher, which works on every
file system), then waits a tenth of a second for the saving to settle, so a save waits 0.35 s
on average, and up to 0.6 s, before the rebuild even starts. Looking every 0.05 s and settling
for as long leaves the rebuild most of the second. A look at this project's two hundred files
takes a fraction of a millisecond; at a thousand pages it is about 7 ms, so a preview left
open costs that project some 15 % of one core while nothing changes.
"""

from __future__ import annotations

from typing import Any

from watchdog.observers.polling import PollingObserver

INTERVAL = 0.05  # seconds between two looks at the watched files, and to let a save settle


def poll_faster(server: Any, interval: float = INTERVAL) -> None:
    """Give MkDocs' live-reload server a watcher that looks every ``interval`` seconds.

    MkDocs offers no option for it, so the watcher is replaced before it starts, and every path
    already watched is watched again; a server not shaped like MkDocs 1.6's is left as it is.
    """
    watched = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    old = getattr(server, "observer", None)
    if not (isinstance(watched, dict) and isinstance(refs, dict)):
        return
    if not isinstance(old, PollingObserver) or old.is_alive():
        return
    server.observer = PollingObserver(timeout=interval)
    server.build_delay = interval
    paths = list(watched)
    watched.clear()
    refs.clear()
    for path in paths:
        server.watch(path)
