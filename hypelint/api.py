"""The public API: lint text or paths and get findings back.

    import hypelint
    findings = hypelint.lint_text("A revolutionary model.", fmt="markdown")
    run = hypelint.lint_paths(["drafts/"])

Both read config the way the CLI does unless a Config is given.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable

from hypelint.config import Config, config_for, resolve_rules
from hypelint.engine import lint_document
from hypelint.model import Document, FileResult, Finding, RunResult
from hypelint.parsers import parse, parse_binary
from hypelint.analysis.readability import metrics_of
from hypelint.rules.loader import Rule, load_packs, selector_names, specificity
from hypelint.read.source import BINARY_FORMATS, FORMAT_BY_SUFFIX, FORMATS, InputError, format_for, read_bytes, read_file
from hypelint.analysis.memo import analyse


def lint_text(text: str, path: str | None = None, fmt: str | None = None, config: Config | None = None) -> list[Finding]:
    """Findings for a draft given as text; `fmt` defaults from the path's suffix."""
    fmt = fmt or format_for(path, "markdown")
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if text.startswith("\ufeff"):
        text = text[1:]
    config = config or config_for(path)
    return lint_source(text, path, fmt, config).findings


def lint_source(text: str, path: str | None, fmt: str, config: Config) -> FileResult:
    return lint_parsed(parse(text, fmt, path), config)


def lint_bytes(data: bytes, path: str | None, fmt: str, config: Config) -> FileResult:
    """A draft in a binary format (docx), with unreadable input kept in the result."""
    try:
        doc = parse_binary(data, fmt, path)
    except InputError as exc:
        return FileResult(path=path or "-", findings=[], error=str(exc), fail_on=config.fail_on)
    return lint_parsed(doc, config)


def lint_parsed(doc: Document, config: Config) -> FileResult:
    """Lint a parsed draft; `source` of the result is the document's text
    (for a Word file, its paragraphs joined by newlines)."""
    path = doc.path
    if doc.date is None:
        doc.date = config.date
    rules = list(resolve_rules(config))
    ignore = config.ignores_for(path) if path else ()
    findings = lint_document(doc, rules, config.accept, ignore, known=_known_to(config, rules))
    if ignore:  # the engine adds unused-suppression findings after its ignore filter
        by_code = {rule.code: rule for rule in rules}
        findings = [f for f in findings if not any(specificity(by_code[f.rule], s) for s in ignore)]
    metrics = metrics_of(doc)
    return FileResult(
        path=path or "-", findings=findings, words=analyse(doc).word_count, source=doc.text, fmt=doc.fmt,
        fail_on=config.fail_on, metrics=metrics, rule_errors=list(doc.rule_errors), notes=list(doc.notes),
    )


def _known_to(config: Config, selected: list[Rule]) -> Callable[[str], bool]:
    """Whether a suppression comment's selector names a rule there is: a
    selected one, else any in the config's packs (read only then, which is
    rare: a comment naming a rule that is not switched on)."""
    names: list[frozenset[str]] = []  # the selected rules' names, then every rule's

    def known(selector: str) -> bool:
        if not names:
            names.append(selector_names(selected))
        if selector in names[0]:
            return True
        if len(names) == 1:
            names.append(selector_names(load_packs(config.rule_packs)))
        return selector in names[1]

    return known


def lint_file(path: str, config: Config) -> FileResult:
    """One file, with read errors kept in the result rather than raised."""
    fmt = format_for(path)
    try:
        if fmt in BINARY_FORMATS:
            return lint_bytes(read_bytes(path), path, fmt, config)
        text = read_file(path)
    except InputError as exc:
        return FileResult(path=path, findings=[], error=str(exc), fail_on=config.fail_on)
    return lint_source(text, path, fmt, config)


def collect_rules(run: RunResult, config: Config) -> None:
    """Note in the run what reporters may know of the rules a config uses."""
    for rule in resolve_rules(config):
        if rule.code not in run.rules:  # asked once per file: info() is built once per rule
            run.rules[rule.code] = rule.info()


def discover_files(paths: Iterable[str], configure: Callable[[str], Config] = config_for, respect_ignores: bool = True):
    """Yield (path, config) for every draft under the given paths, and errors.

    Directories are walked for .md, .markdown, .txt, .html, .htm and .docx files,
    skipping hidden entries and excluded globs, and with `respect_ignores`
    what .gitignore and .ignore files leave out and the folders of tools
    (ignorefiles.py); links are not followed, so a symlink loop cannot trap
    the walk. A path given is used even if an ignore file names it (only the
    config's `exclude` drops it). `configure` gives the config of a path.
    Yields (path, Config) or (path, InputError); paths without a leading "./".
    """
    for given in paths:
        if os.path.isdir(given):
            if _excluded_dir(given, configure):  # named, but excluded: skipped as an excluded file is
                continue
            found = False
            for path in _walk(given, configure, respect_ignores):
                file_config = configure(path)
                if file_config.is_excluded(path):
                    continue
                found = True
                yield path, file_config
            if not found:
                yield given, InputError(f"{given}: no .md, .markdown, .txt, .html, .htm or .docx files to lint")
        elif os.path.exists(given):
            file_config = configure(given)
            if not file_config.is_excluded(given):
                yield _without_dot_slash(given), file_config
        else:
            yield given, InputError(f"{given}: no such file or directory")


def lint_paths(paths: Iterable[str], config: Config | None = None) -> RunResult:
    """Lint files and folders; unreadable inputs are reported in the result."""
    run = RunResult(files=[])
    for path, found in discover_files(paths, (lambda _: config) if config else config_for):
        if isinstance(found, InputError):
            run.errors.append(str(found))
            continue
        result = lint_file(path, found)
        run.files.append(result)
        run.errors.extend(result.rule_errors)
        collect_rules(run, found)
    return run


def _walk(top: str, configure: Callable[[str], Config], respect_ignores: bool):
    """The draft files under a folder, in sorted order, past what is left out."""
    if respect_ignores:
        from hypelint.read.ignorefiles import Ignores  # only walks need it: a single file starts faster

        ignores_in = {top: Ignores.above(top)}
    for folder, dirs, files in os.walk(top):
        ignores = ignores_in.pop(folder).entered(folder) if respect_ignores else None
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".")
            and not (ignores and ignores.skips(os.path.join(folder, d), is_dir=True))
            and not _excluded_dir(os.path.join(folder, d), configure)
        )  # fmt: skip
        if respect_ignores:
            ignores_in.update((os.path.join(folder, d), ignores) for d in dirs)
        for name in sorted(files):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in FORMAT_BY_SUFFIX:
                continue
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not (ignores and ignores.skips(path, is_dir=False)):
                yield _without_dot_slash(path)


def _without_dot_slash(path: str) -> str:
    """`./drafts/a.md` as `drafts/a.md`, the way reports print paths."""
    prefix = "." + os.sep
    while path.startswith(prefix) and len(path) > len(prefix):
        path = path[len(prefix):].lstrip(os.sep)
    return path


def _excluded_dir(folder: str, configure: Callable[[str], Config]) -> bool:
    """Whether the config of the folder that holds `folder` excludes it.

    Never the folder's own config: a config inside an excluded folder must
    not bring it back, nor be read at all.
    """
    parent = os.path.dirname(os.path.abspath(folder))
    return configure(os.path.join(parent, "_")).is_excluded(folder)
