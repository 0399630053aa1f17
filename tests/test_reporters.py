"""Tests for the output formats, on runs built by hand.

The sample run has two linted files with findings of all three severities,
a finding on a line with CJK and emoji, one spanning two lines, a clean
file and a file that could not be read. Positions are computed from the
source with `LineIndex`, as the engine computes them.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hypelint.model import Finding, FileResult, LineIndex, RuleInfo, RunResult
from hypelint.reporters import FORMATS, ReportOptions, render

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = (
    "# The best AI ever\n"
    "\n"
    "Critics call it 最好的 🚀 model, truly unprecedented.\n"
    "It will\ttransform\n"
    "everything forever.\n"
)
NOTES = "Experts say [AI] will think: 100% soon, maybe.\n"

RULES = {
    "HL101": RuleInfo(
        code="HL101",
        name="superlative.unsupported",
        category="superlative",
        severity="error",
        description="Superlative with no evidence. Say what was measured.",
        rationale="Readers cannot check a claim of being the best.",
        reference="https://example.org/superlatives",
    ),
    "HL301": RuleInfo(
        code="HL301",
        name="futurism.certain",
        category="futurism",
        severity="warning",
        description="A prediction stated as fact.",
        reference="AP Stylebook, 2024",
    ),
    "HL501": RuleInfo(
        code="HL501",
        name="weasel.experts-say",
        category="weasel",
        severity="info",
        description="An unnamed source.",
    ),
    "HL999": RuleInfo(
        code="HL999",
        name="style.unused",
        category="style",
        severity="info",
        description="A rule no finding uses.",
    ),
}


def finding(path, source, excerpt, rule, severity, message, suggestion=None, occurrence=0):
    """A Finding for the `occurrence`-th appearance of `excerpt` in `source`."""
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(excerpt, start + 1)
    end = start + len(excerpt)
    lines = LineIndex(source)
    line, column = lines.line_col(start)
    end_line, end_column = lines.line_col(end)
    info = RULES[rule]
    return Finding(
        path=path,
        rule=rule,
        name=info.name,
        category=info.category,
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=start,
        end_offset=end,
        excerpt=excerpt,
        suggestion=suggestion,
    )


def sample_run() -> RunResult:
    article = [
        finding("docs/article.md", ARTICLE, "best", "HL101", "error", 'Unsupported superlative "best".',
                suggestion="Say what it was measured against."),
        finding("docs/article.md", ARTICLE, "最好的 🚀", "HL101", "warning", "Superlative in another language."),
        finding("docs/article.md", ARTICLE, "unprecedented", "HL101", "error", 'Unsupported superlative "unprecedented".'),
        finding("docs/article.md", ARTICLE, "will\ttransform\neverything", "HL301", "warning",
                "A prediction stated as fact."),
    ]
    notes = [
        finding("notes/b.txt", NOTES, "Experts say", "HL501", "info",
                "Who are the experts? [Name] them, 100%: now,\nplease <&>."),
    ]
    # Deliberately out of order: reporters sort files and findings.
    return RunResult(
        files=[
            FileResult("notes/b.txt", notes, words=9, source=NOTES),
            FileResult("docs/article.md", list(reversed(article)), words=17, source=ARTICLE),
            FileResult("docs/clean.md", [], words=3, source="Fine.\n"),
            FileResult("docs/broken.md", [], error="not valid UTF-8 at byte 12"),
        ],
        rules=dict(RULES),
    )


def empty_run() -> RunResult:
    return RunResult(files=[], rules=dict(RULES))


def clean_run() -> RunResult:
    return RunResult(files=[FileResult("a.md", [], words=1, source="Fine.\n")], rules=dict(RULES))


# --- registry -----------------------------------------------------------------


def test_formats_registry_and_unknown_format():
    assert FORMATS == ("rich", "concise", "json", "sarif", "github", "gitlab", "junit", "html")
    with pytest.raises(ValueError) as info:
        render("yaml", sample_run(), ReportOptions())
    for fmt in FORMATS:
        assert fmt in str(info.value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_sample_and_empty_runs(fmt):
    for run in (sample_run(), empty_run()):
        text = render(fmt, run, ReportOptions())
        assert isinstance(text, str)
        assert text == "" or text.endswith("\n")


def test_report_options_are_frozen_with_defaults():
    options = ReportOptions()
    assert (options.color, options.statistics, options.quiet, options.width, options.version) == (
        False, False, False, None, "0.1.0"
    )
    with pytest.raises(AttributeError):
        options.color = True  # type: ignore[misc]


def test_rich_is_not_imported_until_the_rich_format_is_used():
    code = (
        "import sys, importlib\n"
        "import hypelint.reporters as r\n"
        "for m in ('concise', 'json_format', 'sarif', 'github', 'gitlab', 'junit'):\n"
        "    importlib.import_module('hypelint.reporters.' + m)\n"
        "importlib.import_module('hypelint.reporters.rich_format')\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if m.startswith('rich'))\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT)})


# --- concise ------------------------------------------------------------------


def test_concise_lists_findings_errors_and_summary():
    assert render("concise", sample_run(), ReportOptions()) == (
        'docs/article.md:1:7: HL101 [error] Unsupported superlative "best".\n'
        "docs/article.md:3:17: HL101 [warning] Superlative in another language.\n"
        'docs/article.md:3:36: HL101 [error] Unsupported superlative "unprecedented".\n'
        "docs/article.md:4:4: HL301 [warning] A prediction stated as fact.\n"
        "notes/b.txt:1:1: HL501 [info] Who are the experts? [Name] them, 100%: now, please <&>.\n"
        "docs/broken.md: error: not valid UTF-8 at byte 12\n"
        "Found 5 findings (2 errors, 2 warnings, 1 info) in 3 files. 1 file could not be checked.\n"
    )


def test_concise_quiet_has_no_summary():
    lines = render("concise", sample_run(), ReportOptions(quiet=True)).splitlines()
    assert len(lines) == 6
    assert not any(line.startswith("Found") for line in lines)
    assert render("concise", clean_run(), ReportOptions(quiet=True)) == ""


def test_concise_statistics():
    assert render("concise", sample_run(), ReportOptions(statistics=True)) == (
        "3\tHL101\tsuperlative.unsupported\t[superlative]\n"
        "1\tHL301\tfuturism.certain\t[futurism]\n"
        "1\tHL501\tweasel.experts-say\t[weasel]\n"
        "docs/broken.md: error: not valid UTF-8 at byte 12\n"
        "Found 5 findings (2 errors, 2 warnings, 1 info) in 3 files. 1 file could not be checked.\n"
    )


def test_concise_all_clear_and_empty():
    assert render("concise", clean_run(), ReportOptions()) == "All clear: no findings in 1 file.\n"
    assert render("concise", empty_run(), ReportOptions()) == "All clear: no findings in 0 files.\n"


def test_concise_run_errors():
    run = RunResult(files=[], errors=["bad config: line 3"])
    assert render("concise", run, ReportOptions()) == (
        "hypelint: error: bad config: line 3\nNo findings in 0 files.\n"
    )


# --- json ---------------------------------------------------------------------


def test_json_contract():
    text = render("json", sample_run(), ReportOptions(version="9.9.9"))
    assert "最好的 🚀" in text  # ensure_ascii=False
    data = json.loads(text)
    assert data["schema_version"] == 1
    assert data["tool"] == {"name": "hypelint", "version": "9.9.9"}
    assert data["summary"] == {
        "files": 4,
        "findings": 5,
        "by_severity": {"error": 2, "warning": 2, "info": 1},
        "by_category": {"futurism": 1, "superlative": 3, "weasel": 1},
    }
    assert data["files"] == [
        {"path": "docs/article.md", "words": 17, "error": None},
        {"path": "docs/broken.md", "words": 0, "error": "not valid UTF-8 at byte 12"},
        {"path": "docs/clean.md", "words": 3, "error": None},
        {"path": "notes/b.txt", "words": 9, "error": None},
    ]
    assert data["errors"] == []
    first, spanning = data["findings"][0], data["findings"][3]
    assert first == {
        "path": "docs/article.md",
        "rule": "HL101",
        "name": "superlative.unsupported",
        "category": "superlative",
        "severity": "error",
        "message": 'Unsupported superlative "best".',
        "line": 1,
        "column": 7,
        "end_line": 1,
        "end_column": 11,
        "offset": 6,
        "end_offset": 10,
        "excerpt": "best",
        "suggestion": "Say what it was measured against.",
    }
    assert "suggestion" not in spanning
    assert (spanning["line"], spanning["end_line"], spanning["end_column"]) == (4, 5, 11)
    assert [f["offset"] for f in data["findings"][:4]] == sorted(f["offset"] for f in data["findings"][:4])


def test_json_empty_run():
    data = json.loads(render("json", empty_run(), ReportOptions()))
    assert data["summary"] == {
        "files": 0,
        "findings": 0,
        "by_severity": {"error": 0, "warning": 0, "info": 0},
        "by_category": {},
    }
    assert data["files"] == data["findings"] == data["errors"] == []


# --- sarif --------------------------------------------------------------------

# A hand-written subset of the SARIF 2.1.0 schema: the parts we emit.
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {
                                                        "level": {"enum": ["none", "note", "warning", "error"]}
                                                    },
                                                },
                                            },
                                        },
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "ruleIndex": {"type": "integer", "minimum": -1},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "properties": {
                                                    "region": {
                                                        "type": "object",
                                                        "properties": {
                                                            "startLine": {"type": "integer", "minimum": 1},
                                                            "startColumn": {"type": "integer", "minimum": 1},
                                                            "endLine": {"type": "integer", "minimum": 1},
                                                            "endColumn": {"type": "integer", "minimum": 1},
                                                            "charOffset": {"type": "integer", "minimum": -1},
                                                            "charLength": {"type": "integer", "minimum": -1},
                                                        },
                                                    }
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_structure():
    log = json.loads(render("sarif", sample_run(), ReportOptions(version="1.2.3")))
    try:
        import jsonschema
    except ImportError:
        pass
    else:
        jsonschema.validate(log, SARIF_SUBSET)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("hypelint", "1.2.3")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == ["HL101", "HL301", "HL501", "HL999"]
    hl101, hl301 = rules[0], rules[1]
    assert hl101["name"] == "superlative.unsupported"
    assert hl101["shortDescription"]["text"] == "Superlative with no evidence."
    assert hl101["fullDescription"]["text"] == "Superlative with no evidence. Say what was measured."
    assert "cannot check" in hl101["help"]["text"] and "https://example.org" in hl101["help"]["text"]
    # No docs URL is known in this checkout: no link is made up, and a rule's
    # reference (another tool's page, a study) is cited in the help, never its helpUri.
    assert "helpUri" not in hl101 and "helpUri" not in hl301
    assert hl101["defaultConfiguration"]["level"] == "error"
    assert rules[2]["defaultConfiguration"]["level"] == "note"
    assert hl101["properties"]["category"] == "superlative"

    results = run["results"]
    assert len(results) == 5
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["error", "warning", "error", "warning", "note"]
    first = results[0]
    assert first["message"]["text"] == 'Unsupported superlative "best". Suggestion: Say what it was measured against.'
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/article.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 7,
        "endLine": 1,
        "endColumn": 11,
        "charOffset": 6,
        "charLength": 4,
        "snippet": {"text": "best"},
    }
    expected = hashlib.sha256("HL101\0docs/article.md\0best".encode()).hexdigest()[:32]
    assert first["partialFingerprints"] == {"hypelint/v1": expected}
    cjk = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (cjk["startColumn"], cjk["endColumn"], cjk["charLength"]) == (17, 22, 5)
    spanning = results[3]["locations"][0]["physicalLocation"]["region"]
    assert (spanning["startLine"], spanning["endLine"]) == (4, 5)

    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False  # docs/broken.md was never checked
    assert len(notes) == 1 and "docs/broken.md" in notes[0]["message"]["text"]


def test_sarif_descriptions_links_and_success():
    rules = {
        "HL001": RuleInfo(code="HL001", name="meta.unused-suppression", category="meta", severity="info",
                          description="A comment that suppresses no finding: the copy\nwas fixed.  Or the\ncomment is wrong.\n",
                          reference="https://docs.astral.sh/ruff/rules/unused-noqa/"),
    }  # fmt: skip
    clean = RunResult(files=[FileResult("a.md", [], words=1, source="Fine.\n")], rules=rules)
    log = json.loads(render("sarif", clean, ReportOptions(docs_url="https://news.example.net/hypelint/docs/")))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    # The first sentence, on one line, not cut where the YAML wrapped it.
    assert rule["shortDescription"]["text"] == "A comment that suppresses no finding: the copy was fixed."
    assert rule["fullDescription"]["text"] == "A comment that suppresses no finding: the copy was fixed. Or the comment is wrong."
    # The rule's own documentation at the configured address, not the page its reference cites.
    assert rule["helpUri"] == "https://news.example.net/hypelint/docs/rules.md#hl001"
    assert "docs.astral.sh" in rule["help"]["text"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True

    unread = RunResult(files=[FileResult("b.md", [], error="b.md: not valid UTF-8")], rules=rules)
    invocation = json.loads(render("sarif", unread, ReportOptions()))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "b.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_message_and_suggestion_are_sentences_in_every_format():
    from hypelint.reporters import with_suggestion

    source = "The best model.\n"
    bare = finding("a.md", source, "best", "HL101", "error", "Superlative with no comparison set",
                   suggestion="say what it beats")  # fmt: skip
    run = RunResult(files=[FileResult("a.md", [bare], words=3, source=source)], rules=dict(RULES))
    joined = "Superlative with no comparison set. Suggestion: say what it beats."
    assert with_suggestion(bare.message, bare.suggestion) == joined
    assert with_suggestion('He called it "the best."', "Name a rival.") == 'He called it "the best." Suggestion: Name a rival.'
    assert with_suggestion("No suggestion here", None) == "No suggestion here"
    sarif = json.loads(render("sarif", run, ReportOptions()))
    assert sarif["runs"][0]["results"][0]["message"]["text"] == joined
    assert render("github", run, ReportOptions()).endswith("::" + joined + "\n")
    failure = ET.fromstring(render("junit", run, ReportOptions())).find("testsuite/testcase/failure")
    assert failure.get("message") == joined


def test_sarif_uris_and_repeated_fingerprints():
    from hypelint.reporters.sarif import artifact_location

    assert artifact_location("./docs/a b.md") == {"uri": "docs/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/home/me/a.md") == {"uri": "file:///home/me/a.md"}
    assert artifact_location("C:\\drafts\\a.md") == {"uri": "file:///C:/drafts/a.md"}

    source = "best and best\n"
    run = RunResult(
        files=[
            FileResult(
                "a.md",
                [finding("a.md", source, "best", "HL101", "error", "m", occurrence=n) for n in (0, 1)],
                source=source,
            )
        ]
    )
    results = json.loads(render("sarif", run, ReportOptions()))["runs"][0]["results"]
    first, second = (r["partialFingerprints"]["hypelint/v1"] for r in results)
    assert second == first + ":2"
    # A rule missing from run.rules still gets a descriptor to point at.
    assert json.loads(render("sarif", run, ReportOptions()))["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "HL101"


def test_sarif_empty_run():
    log = json.loads(render("sarif", RunResult(files=[]), ReportOptions()))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


# --- github -------------------------------------------------------------------


def test_github_workflow_commands():
    assert render("github", sample_run(), ReportOptions()) == (
        "::error file=docs/article.md,line=1,col=7,endLine=1,endColumn=11,"
        "title=HL101 superlative.unsupported::Unsupported superlative \"best\". "
        "Suggestion: Say what it was measured against.\n"
        "::warning file=docs/article.md,line=3,col=17,endLine=3,endColumn=22,"
        "title=HL101 superlative.unsupported::Superlative in another language.\n"
        "::error file=docs/article.md,line=3,col=36,endLine=3,endColumn=49,"
        "title=HL101 superlative.unsupported::Unsupported superlative \"unprecedented\".\n"
        "::warning file=docs/article.md,line=4,col=4,endLine=5,endColumn=11,"
        "title=HL301 futurism.certain::A prediction stated as fact.\n"
        "::notice file=notes/b.txt,line=1,col=1,endLine=1,endColumn=12,"
        "title=HL501 weasel.experts-say::Who are the experts? [Name] them, 100%25: now,%0Aplease <&>.\n"
        "::error file=docs/broken.md,title=hypelint::Could not check this file: not valid UTF-8 at byte 12\n"
    )
    assert render("github", empty_run(), ReportOptions()) == ""


def test_github_escapes_properties():
    from hypelint.reporters.github import command, escape_property

    assert escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"
    assert command("notice", "x:y,z", file="C:\\a,b.md") == "::notice file=C%3A\\a%2Cb.md::x:y,z"


# --- gitlab -------------------------------------------------------------------


def test_gitlab_code_quality():
    issues = json.loads(render("gitlab", sample_run(), ReportOptions()))
    assert len(issues) == 6
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys()
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert len(issue["fingerprint"]) == 32
    assert len({issue["fingerprint"] for issue in issues}) == 6
    first = issues[0]
    assert first["check_name"] == "HL101"
    assert first["description"] == 'HL101 Unsupported superlative "best".'
    assert first["severity"] == "major"
    assert first["categories"] == ["Style"]
    assert first["type"] == "issue"
    assert first["location"] == {"path": "docs/article.md", "lines": {"begin": 1, "end": 1}}
    assert first["fingerprint"] == hashlib.md5("docs/article.md\0HL101\x006\0best".encode()).hexdigest()
    assert "superlative" in first["content"]["body"] and "measured" in first["content"]["body"]
    assert [i["severity"] for i in issues[:5]] == ["major", "minor", "major", "minor", "info"]
    assert issues[3]["location"]["lines"] == {"begin": 4, "end": 5}
    assert issues[5]["location"]["path"] == "docs/broken.md"
    assert issues[5]["severity"] == "critical"
    assert json.loads(render("gitlab", empty_run(), ReportOptions())) == []


# --- junit --------------------------------------------------------------------


def test_junit_xml():
    text = render("junit", sample_run(), ReportOptions())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "hypelint", "tests": "7", "failures": "4", "errors": "1"}
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["docs/article.md", "docs/broken.md", "docs/clean.md", "notes/b.txt"]

    article = suites["docs/article.md"]
    assert (article.get("tests"), article.get("failures"), article.get("errors")) == ("4", "4", "0")
    case = article.find("testcase")
    assert case.attrib == {"classname": "hypelint.docs/article.md", "name": "HL101 1:7"}
    failure = case.find("failure")
    assert failure.attrib == {"type": "HL101",
                              "message": 'Unsupported superlative "best". Suggestion: Say what it was measured against.'}
    assert "severity: error" in failure.text
    assert "category: superlative" in failure.text
    assert "excerpt: best" in failure.text
    assert "suggestion: Say what it was measured against." in failure.text

    (clean,) = suites["docs/clean.md"].findall("testcase")
    assert clean.get("name") == "hypelint" and len(clean) == 0

    (broken,) = suites["docs/broken.md"].findall("testcase")
    assert broken.find("error").get("message") == "not valid UTF-8 at byte 12"
    assert suites["docs/broken.md"].get("errors") == "1"

    # An info finding is below the default fail level: reported, not failed.
    assert suites["notes/b.txt"].find("testcase/failure") is None
    assert "please <&>." in suites["notes/b.txt"].find("testcase/system-out").text


def test_junit_fails_only_at_the_fail_level():
    """A file whose findings are all below its fail level passes, as the exit code (0) says."""
    notes = [finding("notes/b.txt", NOTES, "Experts say", "HL501", "info", "Who are the experts?")]
    run = RunResult(files=[FileResult("notes/b.txt", notes, words=9, source=NOTES)], rules=dict(RULES))
    root = ET.fromstring(render("junit", run, ReportOptions()))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
    (case,) = root.findall("testsuite/testcase")
    assert case.find("failure") is None
    assert "severity: info" in case.find("system-out").text
    strict = RunResult(files=[FileResult("notes/b.txt", notes, words=9, source=NOTES, fail_on="info")])
    assert ET.fromstring(render("junit", strict, ReportOptions())).get("failures") == "1"


def test_junit_empty_run_and_run_errors():
    root = ET.fromstring(render("junit", empty_run(), ReportOptions()))
    assert root.attrib == {"name": "hypelint", "tests": "0", "failures": "0", "errors": "0"}
    assert len(root) == 0

    root = ET.fromstring(render("junit", RunResult(files=[], errors=["bad \x01 config"]), ReportOptions()))
    assert root.get("errors") == "1"
    assert root.find("testsuite/testcase/error").get("message") == "bad \ufffd config"


# --- rich ---------------------------------------------------------------------


def caret_columns(lines: list[str], source_line: str) -> tuple[int, int]:
    """(cell offset of the first caret, caret count) under a displayed source line."""
    from rich.cells import cell_len

    index = next(i for i, line in enumerate(lines) if line.rstrip() == source_line.rstrip())
    carets = lines[index + 1]
    start = carets.index("^")
    return cell_len(carets[:start]), len(carets.strip())


def test_rich_plain_output():
    text = render("rich", sample_run(), ReportOptions(width=100))
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert any("docs/article.md (4 findings)" in line for line in lines)
    assert any("notes/b.txt (1 finding)" in line for line in lines)
    assert "1:7  error   HL101 Unsupported superlative \"best\"." in text
    assert "3:36 error   HL101" in text
    assert "docs/broken.md (could not be checked)" in text
    assert "suggestion: Say what it was measured against." in text
    assert "[Name]" in text  # user text is not markup
    assert "error: not valid UTF-8 at byte 12" in text  # under the heading that names the file
    assert "docs/clean.md" not in text

    from rich.cells import cell_len

    indent = 4
    # "best": starts at cell 6 of the heading line.
    assert caret_columns(lines, "    # The best AI ever") == (indent + 6, 4)
    # On the CJK line the excerpt starts after "Critics call it " (16 cells)
    # and its five code points take 2+2+2+1+2 cells.
    cjk_line = "    Critics call it 最好的 🚀 model, truly unprecedented."
    cjk_carets = [line for line in lines[lines.index(cjk_line) + 1:] if "^" in line]
    starts = {cell_len(line[: line.index("^")]): len(line.strip()) for line in cjk_carets[:1]}
    assert starts == {indent + 16: cell_len("最好的 🚀")}
    # The two-line span is underlined to the end of its first line; the tab
    # after "It will" expands to column 8.
    assert caret_columns(lines, "    It will transform") == (indent + 3, len("will transform"))

    assert "Findings by rule" in text and "Findings by category" in text
    assert "superlative.unsupported" in text
    assert lines[-1] == "Found 5 findings (2 errors, 2 warnings, 1 info) in 3 files. 1 file could not be checked."


def test_rich_every_finding_gets_carets_on_repeated_lines():
    text = render("rich", sample_run(), ReportOptions())
    lines = text.splitlines()
    cjk_line = "    Critics call it 最好的 🚀 model, truly unprecedented."
    positions = [i for i, line in enumerate(lines) if line == cjk_line]
    assert len(positions) == 2  # shown once for each of its two findings
    from rich.cells import cell_len

    second = lines[positions[1] + 1]
    assert cell_len(second[: second.index("^")]) == 4 + cell_len("Critics call it 最好的 🚀 model, truly ")
    assert second.strip() == "^" * len("unprecedented")


def test_rich_color_quiet_and_statistics():
    colored = render("rich", sample_run(), ReportOptions(color=True))
    assert "\x1b[31m" in colored or "\x1b[1;31m" in colored  # errors in red
    assert "\x1b[33m" in colored  # warnings in yellow
    assert "\x1b[34m" in colored  # info in blue
    assert "[Name]" in colored

    quiet = render("rich", sample_run(), ReportOptions(quiet=True))
    assert "HL101" in quiet and "Findings by rule" not in quiet and "Found 5" not in quiet

    stats = render("rich", sample_run(), ReportOptions(statistics=True))
    assert "Findings by rule" in stats and "Findings by category" in stats
    assert "^" not in stats and "Found 5" not in stats
    rows = [line.split() for line in stats.splitlines() if "HL101" in line]
    assert rows == [["HL101", "superlative.unsupported", "3"]]


def test_rich_empty_and_source_missing():
    assert render("rich", empty_run(), ReportOptions()).strip() == "All clear: no findings in 0 files."
    run = sample_run()
    for file in run.files:
        file.source = None
    text = render("rich", run, ReportOptions())
    assert "HL101" in text and "^" not in text


def test_rich_long_line_is_windowed_around_the_span():
    source = "word " * 60 + "unprecedented results " + "tail " * 40 + "\n"
    item = finding("long.md", source, "unprecedented", "HL101", "error", "m")
    run = RunResult(files=[FileResult("long.md", [item], source=source)])
    lines = render("rich", run, ReportOptions(width=60)).splitlines()
    index = next(i for i, line in enumerate(lines) if "unprecedented" in line and "…" in line)
    shown, carets = lines[index], lines[index + 1]
    assert len(shown) <= 60 and shown.count("…") == 2
    start = carets.index("^")
    assert shown[start:start + len("unprecedented")] == "unprecedented"
    assert carets.strip() == "^" * len("unprecedented")


def test_rich_control_characters_are_neutralised():
    source = "An \x1b[31mevil\x1b[0m claim\n"
    item = finding("evil.md", source, "evil", "HL101", "error", "about \x1b[2J this")
    run = RunResult(files=[FileResult("evil.md", [item], source=source)])
    text = render("rich", run, ReportOptions(color=False))
    assert "\x1b" not in text
    lines = text.splitlines()
    shown = next(line for line in lines if "evil" in line and "\u241b" in line and "about" not in line)
    carets = lines[lines.index(shown) + 1]
    assert shown[carets.index("^"):].startswith("evil")
