"""Packaging: the wheel, a fresh install of it, and the pre-commit hook.

The `slow` tests (their names start with `test_slow_`) build a wheel from a
copy of the source tree, install it into a fresh virtual environment, and run
the real pre-commit framework against this repository; together they take a
minute or so and need PyPI when the build tools are not installed locally
(pre-commit always installs the hook's dependencies from PyPI). Leave them
out with `pytest -m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
HYPE = "# Launch day\n\nA revolutionary model arrived on Monday.\n"
CLEAN = "# Council\n\nThe council met on Tuesday and approved the budget.\n"
_JUNK = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                               ".hypothesis", ".venv", "venv", ".ci-venv", ".tox", ".mypy_cache")  # fmt: skip


def _env(**extra: str) -> dict[str, str]:
    """The environment without anything that would point git or Python elsewhere."""
    drop = ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "PYTHONPATH", "PYTHONHOME",
            "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV", "NO_COLOR")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("env", _env())
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    return result


def _repo_rule_files() -> list[Path]:
    return sorted(p.relative_to(ROOT / "rules") for p in (ROOT / "rules").rglob("*.yaml"))


def _repo_codes() -> set[str]:
    return {yaml.safe_load((ROOT / "rules" / rel).read_text(encoding="utf-8"))["code"] for rel in _repo_rule_files()}


# --- the hook manifest (fast) -------------------------------------------------------------------


def test_hook_manifest_is_valid_and_runs_hypelint_check():
    pytest.importorskip("pre_commit")
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(HOOKS_FILE))
    assert [hook["id"] for hook in hooks] == ["hypelint", "hypelint-with-docx"]
    for hook in hooks:
        assert hook["entry"] == "hypelint check"
        assert hook["language"] == "python"
        assert hook["require_serial"] is False
        assert hook["args"] == []
        assert hook["pass_filenames"] is True
    assert hooks[1]["additional_dependencies"] == ["python-docx>=1.1"]


@pytest.mark.parametrize(
    "name, linted",
    [
        ("story.md", True),
        ("story.markdown", True),
        ("story.txt", True),
        ("page.html", True),
        ("page.htm", True),
        ("script.py", False),
        ("notes.rst", False),
        ("data.json", False),
        ("hypelint.toml", False),
        ("image.png", False),
    ],
)
def test_hook_types_select_the_drafts_hypelint_reads(tmp_path, name, linted):
    """The hook's types_or, through pre-commit's own file classifier (identify)."""
    pytest.importorskip("pre_commit")
    from identify import identify
    from pre_commit.clientlib import load_manifest

    from hypelint.read.source import FORMAT_BY_SUFFIX

    hook = load_manifest(str(HOOKS_FILE))[0]
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00" if name.endswith(".png") else b"text\n")
    tags = identify.tags_from_path(str(path))
    selected = bool(tags & set(hook["types_or"])) and set(hook["types"]) <= tags
    assert selected is linted, tags
    if linted:
        assert path.suffix in FORMAT_BY_SUFFIX  # and hypelint knows the format


def test_hook_minimum_pre_commit_version_is_met():
    pytest.importorskip("pre_commit")
    from importlib.metadata import version

    from packaging.version import Version

    manifest = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    minimum = Version(manifest[0]["minimum_pre_commit_version"])
    assert minimum >= Version("2.9.0")  # types_or needs 2.9
    assert Version(version("pre-commit")) >= minimum


# --- the wheel (slow) --------------------------------------------------------------------------------


def _can_build_without_isolation() -> bool:
    from importlib.metadata import PackageNotFoundError, version

    from packaging.version import Version

    try:
        setuptools = Version(version("setuptools"))
    except PackageNotFoundError:
        return False
    if setuptools < Version("68"):  # pyproject's build-system.requires
        return False
    if setuptools >= Version("70.1"):  # bdist_wheel is part of setuptools from here on
        return True
    try:
        version("wheel")
    except PackageNotFoundError:
        return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the working tree (the tree itself stays clean)."""
    pytest.importorskip("build")
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=_JUNK)
    out = base / "dist"
    cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", out, source]
    if _can_build_without_isolation():
        cmd.insert(4, "--no-isolation")
    result = _run(cmd, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels = list(out.glob("hypelint-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.mark.slow
def test_slow_wheel_holds_the_code_and_every_rule(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = _repo_rule_files()
    assert rule_files, "no rules/**/*.yaml in the repository"
    missing = [str(rel) for rel in rule_files if f"hypelint/packs/{rel.as_posix()}" not in names]
    assert missing == []
    modules = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "hypelint").rglob("*.py"))
    assert [m for m in modules if m not in names] == []
    assert "hypelint/py.typed" in names
    assert not any(name.startswith(("tests/", "rules/", "evaluation/", "examples/")) for name in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "hypelint = hypelint.cli:main" in text


@pytest.fixture(scope="module")
def fresh_install(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with only the wheel installed (no dependencies).

    The dependencies come from the environment running the tests: a .pth
    file puts its site-packages at the END of the fresh environment's path,
    so `hypelint` itself can only come from the wheel.
    """
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    result = _run([sys.executable, "-m", "venv", venv], timeout=300)
    assert result.returncode == 0, result.stderr
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    result = _run([python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", wheel], timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    fresh_site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(fresh_site, "zz_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return bin_dir


@pytest.mark.slow
def test_slow_installed_wheel_loads_its_own_packs(fresh_install, tmp_path):
    python = fresh_install / ("python.exe" if os.name == "nt" else "python")
    script = textwrap.dedent("""
        import json, sys
        import hypelint, hypelint.rules.loader as rules
        print(json.dumps({
            "module": hypelint.__file__,
            "packs": str(rules.builtin_packs_dir()),
            "codes": sorted(rule.code for rule in rules.load_packs()),
            "prefix": sys.prefix,
        }))
    """)
    result = _run([python, "-c", script], cwd=tmp_path)  # not ROOT: the checkout must not be importable
    assert result.returncode == 0, result.stderr
    import json

    info = json.loads(result.stdout)
    prefix = Path(info["prefix"]).resolve()
    assert prefix == fresh_install.parent.resolve()
    assert prefix in Path(info["module"]).resolve().parents
    packs = Path(info["packs"])
    assert packs.is_dir() and prefix in packs.resolve().parents
    assert packs.name == "packs" and packs.parent.name == "hypelint"
    assert set(info["codes"]) == _repo_codes()
    assert len(info["codes"]) == len(_repo_rule_files())


@pytest.mark.slow
def test_slow_installed_console_script_lints(fresh_install, tmp_path):
    script = fresh_install / ("hypelint.exe" if os.name == "nt" else "hypelint")
    (tmp_path / "draft.md").write_text(HYPE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    result = _run([script, "check", "--select", "HL201", "draft.md", "clean.md"], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("draft.md:3:3: HL201 [warning] 'revolutionary'")
    assert "Traceback" not in result.stderr
    rules = _run([script, "rules", "--format", "json"], cwd=tmp_path)
    assert rules.returncode == 0, rules.stderr
    import json

    assert {rule["code"] for rule in json.loads(rules.stdout)} == _repo_codes()
    explain = _run([script, "explain", "HL201"], cwd=tmp_path)
    assert explain.stdout.startswith("HL201 promotional.hype-word\n")


def test_readme_word_recipe_is_the_hook_with_docx():
    """The README's settings for Word drafts, given to the hypelint hook, make
    the hypelint-with-docx hook; its files are drafts by name, in any case."""
    import re

    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n( +- id: hypelint\n +types_or: \[file\]\n.*?)```", readme, re.S).group(1)
    recipe = yaml.safe_load(textwrap.dedent(block))[0]
    plain, with_docx = hooks["hypelint"], hooks["hypelint-with-docx"]
    assert {key: with_docx[key] for key in recipe if key != "id"} == {k: v for k, v in recipe.items() if k != "id"}
    for key in ("entry", "language", "args", "require_serial", "minimum_pre_commit_version"):
        assert with_docx[key] == plain[key]
    picked = [name for name in ("a.md", "b.MARKDOWN", "c.txt", "d.html", "e.htm", "f.docx", "g.DOCX", "h.py",
                                "i.docx.bak", "j.doc") if re.search(with_docx["files"], name)]  # fmt: skip
    assert picked == ["a.md", "b.MARKDOWN", "c.txt", "d.html", "e.htm", "f.docx", "g.DOCX"]


# --- the real pre-commit framework (slow, needs PyPI) ----------------------------------------------


def _git(*args, cwd):
    result = _run(["git", *args], cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def project(tmp_path) -> Path:
    """A git repository with drafts, as a user of the hook would have."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if _run(["git", "rev-parse", "--git-dir"], cwd=ROOT).returncode != 0:
        pytest.skip("the source tree is not a git repository")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    _git("config", "user.name", "Test Editor", cwd=repo)
    _git("config", "user.email", "editor@example.invalid", cwd=repo)
    (repo / "hype.md").write_text(HYPE, encoding="utf-8")
    (repo / "hype.txt").write_text("A revolutionary model arrived on Monday.\n", encoding="utf-8")
    (repo / "hype.htm").write_text("<p>A revolutionary model arrived on Monday.</p>\n", encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "tool.py").write_text("# A revolutionary script.\n", encoding="utf-8")
    _git("add", ".", cwd=repo)
    return repo


def _try_repo(project: Path, *files: str, hook: str = "hypelint") -> subprocess.CompletedProcess:
    """`pre-commit try-repo <this repository> <hook> --files ...`.

    try-repo installs the hook from the repository's HEAD, plus its
    uncommitted changes to tracked files, into a throwaway environment.
    """
    home = project.parent / "pre-commit-home"
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", ROOT, hook, "--color", "never", "--files", *files]
    return _run(cmd, cwd=project, env=_env(PRE_COMMIT_HOME=str(home)), timeout=900)


@pytest.mark.slow
def test_slow_pre_commit_hook_fails_on_hype(project):
    result = _try_repo(project, "hype.md", "hype.txt", "hype.htm")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "hypelint" in output and "Failed" in output
    for name in ("hype.md:3:3: HL201", "hype.txt:1:3: HL201", "hype.htm:1:6: HL201"):
        assert name in output, output


@pytest.mark.slow
def test_slow_pre_commit_hook_passes_clean_drafts_and_skips_code(project):
    # tool.py says "revolutionary" too, but the hook's types keep it out.
    result = _try_repo(project, "clean.md", "tool.py")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output and "HL201" not in output


@pytest.mark.slow
def test_slow_pre_commit_hook_with_docx_lints_word_drafts(project):
    """identify has no docx tag, so `types_or: [..., docx]` is rejected:
    the hypelint-with-docx hook picks files by name and installs python-docx."""
    docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
    document = docx.Document()
    document.add_paragraph("A revolutionary model arrived on Monday.")
    document.save(project / "hype.docx")
    (project / "shout.DOCX").write_bytes((project / "hype.docx").read_bytes())  # the suffix in any case
    _git("add", ".", cwd=project)
    result = _try_repo(project, "hype.docx", "shout.DOCX", "hype.md", "tool.py", hook="hypelint-with-docx")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "not recognized" not in output
    for found in ("hype.docx: paragraph 1, character 3: HL201", "shout.DOCX: paragraph 1, character 3: HL201",
                  "hype.md:3:3: HL201"):  # fmt: skip
        assert found in output, output
    assert "tool.py" not in output, output
