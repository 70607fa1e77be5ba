"""A minimal Word document package (.docx), written with the standard library's zipfile.

WordprocessingML is a zip of XML parts: `[Content_Types].xml`, the package relationships, the
document, its styles and the core properties. `docx_package()` wraps a `word/document.xml`
body in those, with fixed timestamps and order, so the same inputs give the same bytes.
`xml_text()` is the one place text reaches the XML: it escapes the XML special characters and
replaces, visibly, every character XML 1.0 does not allow (which would make a corrupt file).
"""

from __future__ import annotations

import io
import re
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Characters a .docx must not carry as they are. C0 controls other than tab and newline, and
#: DEL, become their Unicode "control pictures" (U+0001 -> ␁); C1 controls, surrogates and the
#: noncharacters U+FFFE and U+FFFF become U+FFFD. Carriage returns are listed too: an XML
#: parser turns them into newlines, so they would not read back as written.
_INVALID = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def clean_text(text: str) -> str:
    """Return `text` with every character a Word document cannot hold replaced visibly.

    >>> clean_text("a\\x00b\\x1bc\\td\\ne\\x7f")
    'a␀b␛c\\td\\ne␡'
    """
    return _INVALID.sub(_visible, text)


def xml_text(text: str, *, quote: bool = False) -> str:
    """Return `text` cleaned (`clean_text`) and escaped for XML content, or for an attribute.

    >>> xml_text('<a href="x">&</a>', quote=True)
    '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
    """
    text = clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


def w_datetime(date: str) -> str:
    """Return a plan date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as the xsd:dateTime Word wants.

    A month or year alone becomes its first day.

    >>> w_datetime("2025-11-20"), w_datetime("2025-11"), w_datetime("2014")
    ('2025-11-20T00:00:00Z', '2025-11-01T00:00:00Z', '2014-01-01T00:00:00Z')
    """
    parts = [*date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_PACKAGE_RELS = (
    _XML + f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELS}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELS = (
    _XML + f'<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)


def _paragraph_style(
    style_id: str, name: str, *, size: int, bold: bool = False, level: int | None = None
) -> str:
    """Return a paragraph style based on Normal; `level` makes it a heading (outline level)."""
    ppr = '<w:keepNext/><w:spacing w:before="240" w:after="80"/>' if level is not None else ""
    if level is not None:
        ppr += f'<w:outlineLvl w:val="{level}"/>'
    rpr = ("<w:b/>" if bold else "") + f'<w:sz w:val="{size}"/>'
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


_STYLES = (
    _XML + f'<w:styles xmlns:w="{W_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _paragraph_style("Title", "Title", size=36, bold=True, level=None)
    + _paragraph_style("Heading1", "heading 1", size=30, bold=True, level=0)
    + _paragraph_style("Heading2", "heading 2", size=26, bold=True, level=1)
    + _paragraph_style("Heading3", "heading 3", size=24, bold=True, level=2)
    + _paragraph_style("Heading4", "heading 4", size=22, bold=True, level=3)
    + _paragraph_style("Label", "Label", size=20)
    + _paragraph_style("ClauseText", "Clause text", size=22)
    + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
    '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>"
)


def _core(title: str, created: str, language: str | None) -> str:
    """Return docProps/core.xml: title, creator and dates (the new version's, not today's)."""
    lang = f"<dc:language>{xml_text(language)}</dc:language>" if language else ""
    return (
        _XML + "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:creator>planlens</dc:creator>"
        f"<cp:lastModifiedBy>planlens</cp:lastModifiedBy>{lang}"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
        "</cp:coreProperties>"
    )


#: Every entry gets this time (the zip format's earliest), so the bytes do not depend on when.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def docx_package(body: str, *, title: str, created: str, language: str | None = None) -> bytes:
    """Return the bytes of a .docx whose `word/document.xml` has `body` inside `<w:body>`.

    `body` is WordprocessingML made with `xml_text()`; `created` is an xsd:dateTime. Parts are
    stored in a fixed order with fixed timestamps and permissions, so equal inputs give equal
    bytes (with the same zlib).
    """
    document = (
        _XML + f'<w:document xmlns:w="{W_NS}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
        'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
        "</w:body></w:document>"
    )
    parts = (
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
        ("word/styles.xml", _STYLES),
        ("docProps/core.xml", _core(title, created, language)),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform, so the bytes are the same
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"), compresslevel=6)
    return buffer.getvalue()
