"""Rebuild the archive when its sources change, while it is served (``make serve``).

``watch_and_rebuild`` waits for changes under the watched folders (the content,
the theme, the settings file) with ``watchfiles``, which batches the changes
an editor's save makes (a temporary file, a rename) and ignores editors' swap
and backup files. For each batch it calls ``rebuild`` with the changed paths,
relative to the folder they are under where possible; a rebuild that fails is
reported by ``rebuild`` itself and the loop goes on, so that the editor can
fix the file and save it again.

Pelican-free: ``sitebuild.serve_live`` passes an incremental build as
``rebuild``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

# How long (ms) to wait for more changes after the first: one save by an
# editor or one import writes several files within this time.
DEBOUNCE_MS = 400
# How many changed names a message lists before it counts the rest.
SHOWN_NAMES = 3


def shown_names(paths: Iterable[Path], roots: Iterable[Path]) -> str:
    """The changed paths for a message: relative to their watched folder's
    parent (``content/articles/x.md``), at most ``SHOWN_NAMES`` of them, then
    how many more."""
    bases = [Path(root).resolve().parent for root in roots]
    names = []
    for path in sorted(Path(p).resolve() for p in paths):
        base = next((b for b in bases if path.is_relative_to(b)), None)
        names.append(path.relative_to(base).as_posix() if base else str(path))
    text = ", ".join(names[:SHOWN_NAMES])
    if len(names) > SHOWN_NAMES:
        text += f" dan {len(names) - SHOWN_NAMES} lainnya"
    return text


def changed_paths(changes: Iterable[tuple[watchfiles.Change, str]]) -> list[Path]:
    """The paths of a batch of changes, without the files that came and went
    within it (the temporary file an editor or ``sed -i`` writes and renames)."""
    kinds: dict[Path, set[watchfiles.Change]] = {}
    for change, name in changes:
        kinds.setdefault(Path(name), set()).add(change)
    return sorted(
        path
        for path, seen in kinds.items()
        if not (watchfiles.Change.added in seen and not path.exists())
    )


def watch_and_rebuild(
    roots: Iterable[str | os.PathLike],
    rebuild: Callable[[list[Path]], object],
    *,
    stop: threading.Event | None = None,
    announce: Callable[[str], None] = print,
    debounce_ms: int = DEBOUNCE_MS,
) -> int:
    """Call ``rebuild(changed paths)`` after each batch of changes under
    ``roots`` until ``stop`` is set; return how many rebuilds ran. Ctrl-C
    raises ``KeyboardInterrupt``."""
    roots = [Path(root) for root in roots if Path(root).exists()]
    if not roots:
        raise ValueError("nothing to watch: none of the folders exists")
    rebuilds = 0
    for changes in watchfiles.watch(
        *roots,
        debounce=debounce_ms,
        stop_event=stop,
    ):
        paths = changed_paths(changes)
        if not paths:
            continue
        # A folder made for a new file is not news beside the file.
        files = [path for path in paths if not path.is_dir()] or paths
        announce(f"Berubah: {shown_names(files, roots)}. Membangun ulang ...")
        rebuild(paths)
        rebuilds += 1
    return rebuilds
