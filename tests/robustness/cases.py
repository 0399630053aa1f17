"""Hostile inputs: what a newsroom repository may hold, and what hypelint must make of it.

Each Case makes the bytes of one file and says what linting it must give:
"clean" (a report, exit 0 or 1, nothing on stderr), "error" (exit 2 and
exactly one line on stderr, matching `error`) or "stopped" (a config beside
it, or the baseline it names, cannot be used: exit 2, that one line, no
report). Never a traceback, never a
hang. `make(size)` builds the input at about `size` bytes, so the same
case serves the test suite (at `size`) and scripts/robustness.py, which
times the cases that scale and reports the cost per megabyte.

Many cases are regressions: a paragraph full of quotes, figures or "will",
thousands of suppression comments, a page of unclosed HTML attributes, a
run of digits each took time quadratic in their length before they were
fixed; at the sizes here the old code ran for minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[int], bytes]
    size: int = 200_000
    outcome: str = "clean"  # or "error"
    error: str = ""  # a regular expression the one stderr line must match
    scales: bool = True  # whether its cost per megabyte is worth measuring
    large: bool = False  # 20 MB or more: marked `large` in the test suite
    # A hypelint.toml written beside the file (made at the same size). A
    # config or baseline that cannot be used stops the run before any file
    # is linted: outcome "stopped" is exit 2, the one stderr line, no report.
    config: Callable[[int], bytes] | None = None


def repeat(unit: str, size: int) -> bytes:
    """`unit` repeated to about `size` bytes of UTF-8."""
    data = unit.encode("utf-8")
    return data * max(1, size // len(data))


def _nested_lines(prefix: str, line: str, size: int) -> bytes:
    """Lines nested one level deeper each time: "> a", ">> a", ">>> a" ..."""
    out, depth, total = [], 1, 0
    while total < size:
        piece = prefix * depth + line + "\n"
        out.append(piece)
        total += len(piece)
        depth += 1
    return "".join(out).encode()


PROSE = (
    "The revolutionary model will change the world, experts say. It is the best chatbot ever made, "
    "according to Acme Inc. \"It thinks like a person,\" said Dr. Ruiz of the U.S. lab. Sales rose 45% "
    "to $3bn in 2024 [1]. In 2030 robots will do our jobs. See https://example.com/report for more.\n\n"
)

CASES: tuple[Case, ...] = (
    # --- sizes --------------------------------------------------------------------------
    Case("fenced-20mb", "fenced.md", lambda n: b"# Title\n\nA revolutionary start.\n\n```\n"
         + repeat("let x = compute(y) # code, never prose\n", n) + b"```\n\nThe end.\n",
         size=20 * MB, large=True),  # fmt: skip
    Case("too-large", "huge.md", lambda n: repeat("a ", n), size=70 * MB, outcome="error",
         error=r"huge\.md: file too large", scales=False, large=True),  # fmt: skip
    Case("no-spaces-2mb-md", "line.md", lambda n: b"a" * n, size=2 * MB),
    Case("no-spaces-2mb-txt", "line.txt", lambda n: b"a" * n, size=2 * MB),
    Case("no-spaces-2mb-html", "line.html", lambda n: b"a" * n, size=2 * MB),
    Case("digits-line", "digits.md", lambda n: b"1" * n, size=500_000),
    Case("dotted-digits", "dotted.txt", lambda n: repeat("1.", n), size=500_000),
    Case("marks-line", "marks.md", lambda n: repeat("!?.", n) + b"x"),
    # --- nesting and bombs ----------------------------------------------------------------
    Case("nested-blockquotes", "quotes.md", lambda n: _nested_lines(">", " deep", n)),
    Case("blockquote-run", "run.md", lambda n: b">" * n + b" text"),
    Case("nested-lists", "lists.md", lambda n: _nested_lines("  ", "- item", n)),
    Case("list-markers-line", "markers.md", lambda n: repeat("- ", n) + b"a"),
    Case("nested-html", "nested.html", lambda n: repeat("<div>a", n)),
    Case("nested-html-blockquotes", "bq.html", lambda n: repeat("<blockquote>a ", n)),
    Case("emphasis-bomb", "emphasis.md", lambda n: repeat("*a **b ", n)),
    Case("underscore-bomb", "underscore.md", lambda n: repeat("_a __b ", n)),
    Case("bracket-bomb", "brackets.md", lambda n: b"[" * (n // 2) + b"a" + b"]" * (n // 2)),
    Case("link-bomb", "links.md", lambda n: repeat("[a](", n)),
    Case("image-bomb", "images.md", lambda n: repeat("![", n // 2) + b"a" + repeat("](b)", n // 2)),
    Case("escapes", "escapes.md", lambda n: repeat("\\*a *b* ", n)),
    Case("markup-between-pieces", "dashes.md", lambda n: repeat("-_", n)),
    # --- unterminated constructs ----------------------------------------------------------
    Case("open-fence", "fence.md", lambda n: b"Intro.\n\n```\n" + repeat("code line\n", n)),
    Case("open-front-matter", "front.md", lambda n: b"---\ntitle: Draft\n" + repeat("key: value\n", n)),
    Case("open-comment-md", "comment.md", lambda n: b"Text.\n\n<!-- " + repeat("a revolutionary ", n)),
    Case("open-comment-html", "comment.html", lambda n: b"<p>Text.</p><!-- " + repeat("a ", n)),
    Case("open-attributes", "attrs.html", lambda n: repeat('<a b="', n)),
    Case("open-tags", "tags.html", lambda n: repeat("<a", n)),
    Case("end-tag-run", "ends.html", lambda n: repeat("</", n)),
    Case("marked-sections", "marked.html", lambda n: repeat("<![", n)),
    Case("open-script", "script.html", lambda n: b"<p>Hi.</p><script>" + repeat("if (a < b) {", n)),
    # --- what the text is made of ---------------------------------------------------------
    Case("empty", "empty.md", lambda n: b"", scales=False),
    Case("whitespace-md", "blank.md", lambda n: repeat(" \t\n\r\n", n)),
    Case("whitespace-txt", "blank.txt", lambda n: repeat(" \n", n)),
    Case("whitespace-html", "blank.html", lambda n: repeat(" \n\t", n)),
    Case("mixed-newlines", "newlines.md", lambda n: repeat("A revolutionary line.\rNext one.\r\nAnd\nthe last.\n\r", n)),
    Case("nul-bytes", "nul.md", lambda n: b"A draft\x00with a NUL.", outcome="error",
         error=r"nul\.md: binary file", scales=False),  # fmt: skip
    Case("nul-after-8k", "late-nul.md", lambda n: repeat("A revolutionary idea. ", 9000) + b"\x00"
         + repeat("More \x00 text. ", n)),  # fmt: skip
    Case("binary", "image.html", lambda n: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
         outcome="error", error=r"image\.html: binary file", scales=False),  # fmt: skip
    Case("invalid-utf8", "bad.md", lambda n: b"Caf\xe9 society \xff\xfe.", outcome="error",
         error=r"bad\.md: not valid UTF-8 \(byte 0xe9 at offset 3\)", scales=False),  # fmt: skip
    Case("latin-1", "latin.txt", lambda n: "Un café révolutionnaire.".encode("latin-1"), outcome="error",
         error=r"latin\.txt: not valid UTF-8", scales=False),  # fmt: skip
    Case("utf-16-bom", "wide.md", lambda n: ("A revolutionary idea.\n\n" * max(1, n // 50)).encode("utf-16")),
    Case("utf-16-odd-bytes", "odd.md", lambda n: "A revolutionary idea.".encode("utf-16") + b"\x00",
         outcome="error", error=r"odd\.md: invalid UTF-16", scales=False),  # fmt: skip
    Case("utf-16-no-bom", "nobom.txt", lambda n: "A revolutionary idea.".encode("utf-16-le"), outcome="error",
         error=r"nobom\.txt: binary file", scales=False),  # fmt: skip
    Case("utf-8-bom", "bom.md", lambda n: b"\xef\xbb\xbf" + repeat("A revolutionary idea.\n\n", n)),
    # --- long paragraphs: once quadratic ---------------------------------------------------
    Case("one-paragraph", "paragraph.md", lambda n: repeat(PROSE.replace("\n\n", " "), n)),
    Case("one-paragraph-txt", "paragraph.txt", lambda n: repeat(PROSE.replace("\n\n", " "), n)),
    Case("quotes", "quotes-run.md", lambda n: repeat('"a" ', n)),
    Case("figures", "figures.md", lambda n: repeat("1990 5% $3 ", n)),
    Case("cues", "cues.md", lambda n: repeat("the best ", n)),
    Case("wills", "wills.txt", lambda n: repeat("the model will change ", n)),
    Case("links", "links.txt", lambda n: repeat("see https://example.com/a ", n)),
    Case("directives", "directives.md", lambda n: repeat(
        "<!-- hypelint: disable-next-line -->\nThe revolutionary thing.\n<!-- hypelint: disable=HL201 -->\n"
        "<!-- hypelint: enable=HL201 -->\n", n)),  # fmt: skip
    Case("comments", "comments.txt", lambda n: repeat("<!-- x --> a\n", n)),
    Case("prose", "prose.md", lambda n: repeat(PROSE, n), size=300_000),
    # --- issue 16, item 5b: UTF-32 with a byte order mark (once read as UTF-16, or as binary) ----
    Case("utf-32-le-bom", "wide32le.md", lambda n: "\ufeffA revolutionary idea.\n\n".encode("utf-32-le")
         + "More of it.\n\n".encode("utf-32-le") * max(1, n // 60)),  # fmt: skip
    Case("utf-32-be-bom", "wide32be.md", lambda n: "\ufeffA revolutionary idea.\n\n".encode("utf-32-be")
         + "More of it.\n\n".encode("utf-32-be") * max(1, n // 60)),  # fmt: skip
    Case("utf-32-bad-code-point", "bad32.md", lambda n: "A revolutionary idea.".encode("utf-32") + b"\x00\x00\x11\x00",
         outcome="error", error=r"bad32\.md: invalid UTF-32", scales=False),  # fmt: skip
    # --- issue 16, items 1 and 5: configs and baselines (RecursionError, MemoryError, hangs) --
    Case("config-nested-arrays", "draft.md", lambda n: PROSE.encode(), outcome="stopped", scales=False,
         config=lambda n: b"x = " + b"[" * (n // 2) + b"]" * (n // 2) + b"\n",
         error=r".*hypelint\.toml: nested more than 64 levels deep"),  # fmt: skip
    Case("config-params-nested", "draft.md", lambda n: PROSE.encode(), outcome="stopped", scales=False,
         config=lambda n: b"[rules.HL201]\nparams = " + b"{a=" * (n // 4) + b"1" + b"}" * (n // 4) + b"\n",
         error=r".*hypelint\.toml: nested more than 64 levels deep"),  # fmt: skip
    Case("config-param-item-table", "draft.md", lambda n: PROSE.encode(), outcome="stopped", scales=False,
         config=lambda n: b'[rules.HL201.params]\nterms = ["a", "b", "c", {x = 1}]\n',
         error=r".*hypelint\.toml: key 'rules\.HL201\.params\.terms\[3\]': must be a string, not a table"),  # fmt: skip
    Case("config-not-utf8", "draft.md", lambda n: PROSE.encode(), outcome="stopped", scales=False,
         config=lambda n: b'select = ["HL201"]  # caf\xe9\n',
         error=r".*hypelint\.toml: not valid UTF-8 \(byte 0xe9 at offset 25\)"),  # fmt: skip
    Case("config-baseline-dev-zero", "draft.md", lambda n: PROSE.encode(), outcome="stopped", scales=False,
         config=lambda n: b'baseline = "/dev/zero"\n', error=r"baseline /dev/zero: not a regular file"),  # fmt: skip
    # The file linted is the baseline too: a run of open brackets, nested past any parser's depth.
    Case("baseline-open-brackets", "brackets.json", lambda n: b"[" * n, outcome="stopped", scales=False,
         config=lambda n: b'baseline = "brackets.json"\n',
         error=r"baseline .*brackets\.json: not a hypelint baseline: nested more than 64 levels deep"),  # fmt: skip
    # --- issue 16, items 6 and 9: once super-linear (tests/robustness/test_growth.py times them at 1x and 4x)
    # Entities that decode to two code points, and a number markdown-it decodes to U+FFFD.
    Case("entities-multi-code-point", "entities.md", lambda n: repeat("&NotLessTilde; &ngE; &#128; a word ", n)),
    Case("question-paragraphs", "questions.md", lambda n: repeat("Q: Why?\n\n", n)),
    Case("unbalanced-quotes", "unbalanced.md", lambda n: repeat('the best " model ', n)),
    Case("open-footnote-labels", "footnotes.md", lambda n: repeat("[^a\n", n), size=50_000),
    Case("open-inline-footnotes", "inline-notes.md", lambda n: repeat("^[", n), size=50_000),
    # --- issue 16, item 5: house patterns (tests/robustness/test_house_patterns.py has the rest) ---
    # POSIX classes, which the literal prefilter misread: no match, and a FutureWarning on stderr.
    Case("house-posix-classes", "posix.md", lambda n: repeat("Our synergy, and we leverage it.\n\n", n),
         config=lambda n: b'[rules.HL201.params]\nregex = true\nterms = ["syn[[:alpha:]]+gy", "lev[e[:alpha:]]rage"]\n'),  # fmt: skip
    # --- issue 16, item 8: Word files (tests/robustness/test_word_files.py has the rest) ---------
    # Hyperlinks were summed again at every link (quadratic); a bomb unpacked whole; two
    # style parts a traceback.
    Case("word-hyperlinks", "links.docx", lambda n: _word_file(
        "<w:p><w:r><w:t>A revolutionary story. </w:t></w:r>" + "".join(
            f'<w:hyperlink r:id="rId{i}"><w:r><w:t>source {i} </w:t></w:r></w:hyperlink>' for i in range(n // 150))
        + "</w:p>", [(f"rId{i}", "hyperlink", f"https://example.com/{i}", True) for i in range(n // 150)])),  # fmt: skip
    Case("word-zip-bomb", "bomb.docx", lambda n: _word_file("<w:p/>" * 25_000_000), outcome="error",
         error=r"bomb\.docx: unpacks to more than 128 MB", scales=False),  # fmt: skip
    Case("word-two-style-parts", "styles.docx", lambda n: _word_file(
        "<w:p><w:r><w:t>A revolutionary story.</w:t></w:r></w:p>",
        [("rId1", "styles", "styles.xml", False), ("rId2", "styles", "styles.xml", False)],
        [("word/styles.xml", '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')]),
        outcome="error", error=r"styles\.docx: not a Word \.docx file \(multiple relationships", scales=False),  # fmt: skip
)



def _word_file(body: str, relationships=(), parts=()) -> bytes:
    """A .docx of one body (WordprocessingML paragraphs), the document's
    relationships (id, type, target, external) and any other (name, text) parts."""
    import io
    import zipfile

    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package_rels = "http://schemas.openxmlformats.org/package/2006/relationships"

    def rels(items) -> str:
        return f'<Relationships xmlns="{package_rels}">' + "".join(
            f'<Relationship Id="{rid}" Type="{office}/{kind}" Target="{target}"'
            + (' TargetMode="External"/>' if external else "/>")
            for rid, kind, target, external in items) + "</Relationships>"  # fmt: skip

    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    document = (f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                f'xmlns:r="{office}"><w:body>{body}</w:body></w:document>')  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml", False)]))
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", rels(relationships))
        for name, text in parts:
            package.writestr(name, text)
    return out.getvalue()
