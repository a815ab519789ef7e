"""The folios: each page's number as printed at its foot, drawn on the bound report.

The report's parts are laid out on their own (reports/rendering.py), and a part does not have to
wait for those before it to know where its numbers start: the numbers are drawn once the book is
bound and every page is counted, at the bottom right of each page, in the report's font (DejaVu
Sans, static/css/report.css) at the running header's size and grey. The cover has none; the front
matter is numbered i, ii, ..., the body 1, 2, ... as its page labels (reports/binding.py).

A folio is a few characters on top of a page WeasyPrint drew: the page's own content is kept as
it is, inside a saved graphics state, and the font, cut down to the folios' characters, is
embedded once for all the pages.
"""

from dataclasses import dataclass
from functools import cache
from io import BytesIO

from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)

# Debian's fonts-dejavu-core (the Dockerfile and .ci/system-deps install it): the report's font.
FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CHARACTERS = "0123456789ivxlcdm"  # Arabic and lower-case Roman numerals
FIRST, LAST = min(map(ord, CHARACTERS)), max(map(ord, CHARACTERS))
FONT = NameObject("/Folio")
MM = 72 / 25.4
# As the page's margins and the running header in static/css/report.css.
SIZE = 8
GREY = 0x66 / 0xFF
RIGHT_MARGIN = 18 * MM
BOTTOM_MARGIN = 20 * MM


@dataclass(frozen=True)
class Font:
    file: bytes  # the font file, with only CHARACTERS
    widths: dict  # character: advance, in thousandths of the size
    ascent: float  # above and below the baseline, in thousandths of the size
    descent: float
    box: tuple  # the glyphs' bounding box, in thousandths of the size


@cache
def folio_font():
    font = TTFont(FONT_FILE)
    scale = 1000 / font["head"].unitsPerEm
    glyphs = font.getBestCmap()
    advances = font["hmtx"]
    widths = {character: advances[glyphs[ord(character)]][0] * scale for character in CHARACTERS}
    head, hhea = font["head"], font["hhea"]
    box = tuple(round(value * scale) for value in (head.xMin, head.yMin, head.xMax, head.yMax))
    # Outlines and advances only: a folio needs no ligature, kerning or hinting table. Removed
    # before the cut, they are not read (a third of a second).
    for tag in ("GDEF", "GPOS", "GSUB", "MATH", "FFTM", "kern"):
        if tag in font:
            del font[tag]
    subsetter = subset.Subsetter(subset.Options(hinting=False))
    subsetter.populate(text=CHARACTERS)
    subsetter.subset(font)
    output = BytesIO()
    font.save(output)
    return Font(output.getvalue(), widths, hhea.ascent * scale, -hhea.descent * scale, box)


def print_folios(writer, folios):
    """Draw `folios` (a page's printed number, or None for none) on the pages of `writer`."""
    font = folio_font()
    # `_add_object` makes an object indirect, as streams must be: pypdf has no public name
    # for it.
    reference = _embed(writer, font)
    opening = writer._add_object(_stream(b"q\n"))
    for page, folio in zip(writer.pages, folios, strict=True):
        if not folio:
            continue
        resources = page[NameObject("/Resources")].get_object()
        fonts = resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object()
        fonts[FONT] = reference
        contents = page.raw_get("/Contents")  # a stream's reference, or an array of them
        existing = contents.get_object() if isinstance(contents.get_object(), list) else [contents]
        drawing = writer._add_object(_stream(_folio(font, folio, float(page.mediabox.right))))
        page[NameObject("/Contents")] = ArrayObject([opening, *existing, drawing])


def _folio(font, folio, page_width):
    """The page's content is closed (Q), then the folio drawn, right-aligned in the bottom
    margin and centred in it as WeasyPrint centres a margin box's line."""
    width = sum(font.widths[character] for character in folio) * SIZE / 1000
    x = page_width - RIGHT_MARGIN - width
    y = BOTTOM_MARGIN / 2 - (font.ascent - font.descent) * SIZE / 2000
    return (
        f"\nQ\nq {GREY:.3f} g BT {FONT} {SIZE} Tf {x:.2f} {y:.2f} Td ({folio}) Tj ET Q\n"
    ).encode("ascii")


def _embed(writer, font):
    """The folios' font, as a TrueType font with the Windows ANSI encoding, embedded."""
    file = _stream(font.file)
    file[NameObject("/Length1")] = NumberObject(len(font.file))
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/FOLIOS+DejaVuSans"),
            NameObject("/Flags"): NumberObject(32),  # non-symbolic
            NameObject("/FontBBox"): ArrayObject(NumberObject(value) for value in font.box),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): FloatObject(font.ascent),
            NameObject("/Descent"): FloatObject(-font.descent),
            NameObject("/CapHeight"): FloatObject(font.ascent),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(file),
        }
    )
    widths = [font.widths.get(chr(code), 0) for code in range(FIRST, LAST + 1)]
    return writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/TrueType"),
                NameObject("/BaseFont"): NameObject("/FOLIOS+DejaVuSans"),
                NameObject("/FirstChar"): NumberObject(FIRST),
                NameObject("/LastChar"): NumberObject(LAST),
                NameObject("/Widths"): ArrayObject(FloatObject(width) for width in widths),
                NameObject("/FontDescriptor"): writer._add_object(descriptor),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )


def _stream(data):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()
