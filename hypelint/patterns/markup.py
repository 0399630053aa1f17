"""Patterns every reader of a draft's text shares, defined once.

`LINE_END` is any of the three line ends a draft may use (a file saved on
an old Mac ends lines with a bare CR); `HTML_COMMENT` is a comment as
Markdown, plain text and Word drafts hold them, its inside as group 1
(where suppression directives are read).
"""

import re

LINE_END = re.compile(r"\r\n|\r|\n")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
