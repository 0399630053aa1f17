"""What a Word file (.docx) may unpack to before python-docx is let read it.

A .docx is a zip of XML parts tied together by relationships. A few
kilobytes of zip may unpack to gigabytes (a zip bomb), and python-docx
holds every part in memory, parses each XML part whole and walks the
relationships in time that grows with their number times the number of
parts. So the package is checked first, member by member, with limits on
what it unpacks to (counted as it is unpacked, never taken from the zip's
directory alone: zipfile stops a member at its declared size and fails its
checksum if more was there), on the XML among it (parsed into trees several
times its size), on its parts and on its relationships. Past a limit the
file is refused with one line; what is within them is read in time linear
in its size.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from hypelint.read.source import InputError

# Everything a package unpacks to, and the part of it that is XML.
MAX_UNPACKED = 128 * 1024 * 1024
MAX_XML = 8 * 1024 * 1024
# A long report with its images has a few dozen parts, and a relationship
# per link; python-docx's walk of them takes their number times the parts'.
MAX_PARTS = 500
MAX_RELATIONSHIPS = 50_000
_MB = 1024 * 1024
_CHUNK = _MB
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def check_package(data: bytes, name: str) -> None:
    """Raise InputError with one line when the .docx bytes unpack past a limit
    (zipfile.BadZipFile when they are not a sound zip)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
        if len(members) > MAX_PARTS:
            raise InputError(f"{name}: a Word file of {len(members)} parts, more than {MAX_PARTS}; not read")
        declared = sum(member.file_size for member in members)
        if declared > MAX_UNPACKED:
            raise _too_large(name)
        unpacked = xml = relationships = 0
        for member in members:
            content = _unpack(package, member, name, MAX_UNPACKED - unpacked)
            unpacked += len(content)
            if content.lstrip()[:1] == b"<":  # XML, whatever the part is named: parsed whole
                xml += len(content)
                if xml > MAX_XML:
                    raise InputError(f"{name}: holds more than {MAX_XML // _MB} MB of XML, the most a Word draft may; not read")
            if member.filename.endswith(".rels"):
                relationships += _count_relationships(content)
                if relationships > MAX_RELATIONSHIPS:
                    raise InputError(
                        f"{name}: a Word file with more than {MAX_RELATIONSHIPS} relationships between its parts; not read"
                    )


def _unpack(package: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, room: int) -> bytes:
    """A member's bytes, unpacked a chunk at a time and stopped as soon as
    they pass `room`."""
    if member.flag_bits & 0x1:  # zipfile would ask for a password
        raise InputError(f"{name}: not a Word .docx file (its part {member.filename} is encrypted)")
    chunks, size = [], 0
    try:
        with package.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > room:
                    raise _too_large(name)
                chunks.append(chunk)
    except NotImplementedError:  # a compression method zipfile does not know
        raise InputError(f"{name}: not a Word .docx file (its part {member.filename} is packed in an unknown way)") from None
    return b"".join(chunks)


def _too_large(name: str) -> InputError:
    return InputError(f"{name}: unpacks to more than {MAX_UNPACKED // _MB} MB, the most a Word draft may; not read")


def _count_relationships(content: bytes) -> int:
    """How many relationships a .rels part declares (0 for one that is not
    XML: python-docx reports that in its own words)."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return 0
    return sum(1 for _ in root.iter(_RELATIONSHIP))
