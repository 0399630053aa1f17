"""What a folder walk leaves out: `.gitignore` and `.ignore` patterns, and
the folders no one writes drafts in (node_modules, virtual environments,
build/ and dist/), as Ruff, ripgrep and markdownlint-cli2 leave them out.

Patterns follow gitignore(5): `#` comments, `!` negation (the last pattern
that matches a path decides), a trailing `/` for folders only, a `/` at the
start or in the middle anchors a pattern to its file's folder (else it
matches a name at any depth), `*`, `?`, `[...]` within one name and `**`
across names. A folder's own `.gitignore` and `.ignore` (the latter winning)
take precedence over its parents', and the parents' count up to the root of
the git repository the walk starts in. Each entry is judged on its own path
only: the walk does not go into an ignored folder, so nothing in it is seen
(and, as in git, a negation cannot bring back a file whose folder is
ignored), while a folder named on the command line is walked even if its
parent ignores it.

Ignore files are read as untrusted input: regular files of at most a
megabyte (source.read_bytes: a FIFO cannot stall the walk), decoded
leniently, others skipped; names are matched with fnmatch's atomic
translation, in time linear in the name, so no pattern can hang a walk.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from hypelint.read.source import InputError, read_bytes

IGNORE_FILES = (".gitignore", ".ignore")  # in a folder, the later one's patterns win
SKIPPED_FOLDERS = frozenset({"node_modules", "venv", ".venv", "build", "dist"})
MAX_IGNORE_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Pattern:
    """One line of an ignore file: its names, split at `/` (`**` for any run of them)."""

    parts: tuple[str, ...]
    negated: bool = False
    folders_only: bool = False

    def matches(self, names: list[str], is_dir: bool) -> bool:
        if self.folders_only and not is_dir:
            return False
        # The positions in `names` that the parts matched so far can end at.
        ends = {0}
        last = len(self.parts) - 1
        for index, part in enumerate(self.parts):
            if part == "**":
                # A trailing `**` is everything inside, not the folder itself.
                start = min(ends) + (1 if index == last else 0)
                ends = set(range(start, len(names) + 1))
            else:
                ends = {end + 1 for end in ends if end < len(names) and _name_matches(part, names[end])}
            if not ends:
                return False
        return len(names) in ends


def parse(text: str) -> list[Pattern]:
    """The patterns of an ignore file's text, in order."""
    patterns = []
    for line in text.splitlines():
        while line.endswith(" ") and not line.endswith("\\ "):  # trailing spaces, unless escaped
            line = line[:-1]
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated or line.startswith(("\\!", "\\#")):
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        parts: list[str] = [] if anchored else ["**"]
        for part in line.split("/"):
            if part and not (part == "**" and parts and parts[-1] == "**"):
                parts.append(part)
        if line:
            patterns.append(Pattern(tuple(parts), negated, folders_only))
    return patterns


@lru_cache(maxsize=4096)
def _name_regex(part: str) -> re.Pattern:
    """A gitignore name pattern as a regex, through fnmatch (whose `*` cannot
    backtrack catastrophically): `\\x` escapes x, `[^...]` negates as `[!...]` does."""
    glob = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "\\" and i + 1 < len(part):
            i += 1
            char = part[i]
            glob.append(f"[{char}]" if char in "*?[" else char)
        elif char == "[" and part.startswith("[^", i):
            glob.append("[!")
            i += 1
        else:
            glob.append(char)
        i += 1
    return re.compile(fnmatch.translate("".join(glob)))


def _name_matches(part: str, name: str) -> bool:
    if not any(char in part for char in "*?[\\"):
        return part == name
    return _name_regex(part).match(name) is not None


def read_patterns(folder: str) -> list[Pattern]:
    """The patterns a folder's own ignore files hold."""
    return [pattern for name in IGNORE_FILES for pattern in _read_file(os.path.join(folder, name))]


def _read_file(path: str) -> list[Pattern]:
    """An ignore file's patterns; none when there is no regular file to read
    (missing, a folder or FIFO of that name, no permission, over the size)."""
    if not os.path.lexists(path):
        return []
    try:
        data = read_bytes(path, MAX_IGNORE_FILE_BYTES)
    except InputError:
        return []
    return parse(data.decode("utf-8", errors="replace"))


@dataclass(frozen=True)
class Ignores:
    """The patterns in force in one folder of a walk: (folder, its patterns)
    for it and each parent that has any, outermost first."""

    levels: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()

    @classmethod
    def above(cls, folder: str) -> "Ignores":
        """The patterns of the folders above `folder`, up to the root of its
        git repository (with `.git/info/exclude`); none outside a repository."""
        folder = os.path.abspath(folder)
        levels = []
        current = folder
        while True:
            parent = os.path.dirname(current)
            if os.path.exists(os.path.join(current, ".git")):
                if current != folder:
                    levels.append((current, tuple(_git_exclude(current) + read_patterns(current))))
                return cls(tuple(reversed(levels)))
            if parent == current:
                return cls()
            if current != folder:
                levels.append((current, tuple(read_patterns(current))))
            current = parent

    def entered(self, folder: str) -> "Ignores":
        """The patterns in force inside `folder`: these and its own."""
        own = read_patterns(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            own = _git_exclude(folder) + own
        return Ignores(self.levels + ((os.path.abspath(folder), tuple(own)),)) if own else self

    def skips(self, path: str, is_dir: bool) -> bool:
        """Whether the walk leaves out this entry of a folder it walks."""
        if is_dir and (os.path.basename(path) in SKIPPED_FOLDERS or os.path.isfile(os.path.join(path, "pyvenv.cfg"))):
            return True
        absolute = os.path.abspath(path)
        for base, patterns in reversed(self.levels):  # the innermost file that speaks decides
            names = os.path.relpath(absolute, base).split(os.sep)
            for pattern in reversed(patterns):  # and in it, the last pattern that matches
                if pattern.matches(names, is_dir):
                    return not pattern.negated
        return False


def _git_exclude(root: str) -> list[Pattern]:
    """A repository's own ignore list, .git/info/exclude (the weakest at its root)."""
    return _read_file(os.path.join(root, ".git", "info", "exclude"))
