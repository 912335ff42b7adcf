"""Build resources/fonts/ClassesDuoCJK-Regular.otf: a subset of Noto Sans CJK JP (SIL OFL 1.1).

Run with fontTools (not a dependency of the app):
    python resources/fonts/cjk_subset.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc resources/fonts/
Covers Latin (Basic, Latin-1, Extended-A), CJK punctuation, Hiragana, Katakana, half- and
full-width forms, the 2,965 kanji of JIS X 0208 level 1 (common Japanese names) and the 2,350
Hangul syllables of KS X 1001 (common Korean names); the family is renamed "Classes Duo CJK", as
the OFL asks of a modified version.
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection


def characters() -> set[int]:
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    chars |= set(range(0x3000, 0x3100)) | set(range(0x31F0, 0x3200)) | set(range(0xFF00, 0xFFF0))
    chars |= set(range(0x3130, 0x3190))  # Hangul compatibility jamo
    chars |= {0x2190, 0x2194, 0x2014, 0x2013, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7, 0x30FB}
    for cp in range(0x4E00, 0xA000):
        try:
            raw = chr(cp).encode("euc_jp")
        except UnicodeEncodeError:
            continue
        if len(raw) == 2 and 0xB0 <= raw[0] <= 0xCF:  # JIS X 0208 rows 16-47: level 1 kanji
            chars.add(cp)
    for cp in range(0xAC00, 0xD7A4):
        try:
            if len(chr(cp).encode("euc_kr")) == 2:  # KS X 1001's 2,350 syllables (others take 8 bytes)
                chars.add(cp)
        except UnicodeEncodeError:
            pass
    return chars


def main(source: str, folder: str) -> None:
    font = TTCollection(source).fonts[0]  # Noto Sans CJK JP
    options = subset.Options()
    options.layout_features = ["kern", "ccmp", "locl"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=characters())
    sub.subset(font)
    names = {1: "Classes Duo CJK", 16: "Classes Duo CJK", 4: "Classes Duo CJK Regular", 6: "ClassesDuoCJK-Regular",
             3: "ClassesDuoCJK-Regular; subset of Noto Sans CJK JP"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    font["CFF "].cff.fontNames = ["ClassesDuoCJK-Regular"]
    target = Path(folder) / "ClassesDuoCJK-Regular.otf"
    font.save(target)
    print(target, target.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
