"""Write icu_vi_order.txt: Vietnamese words and names sorted by ICU's `vi` collator.

Run once with PyICU installed (it needs libicu): `python make_icu_order.py`.
The test compares studyapp's own sort key with this recorded order, and with
PyICU itself when it is installed. The words are generated, not chosen to pass.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from pathlib import Path

import icu  # type: ignore[import-not-found]

TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
            "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay",
          "oi", "ôi", "ơi", "ui", "ưi", "ua", "ưa", "ia", "uô", "ươ", "iê", "yê", "oa", "oe")
FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Âu", "Ông", "Ứng", "Đinh")
MIDDLES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Anh", "Thu", "Ngọc", "Quang", "Xuân")
GIVEN = ("An", "Ánh", "Bình", "Dung", "Đào", "Đức", "Giang", "Hà", "Hạnh", "Hường", "Khoa",
         "Lan", "Lâm", "Long", "Mai", "Nam", "Ơn", "Phúc", "Quân", "Sơn", "Tâm", "Thảo",
         "Uyên", "Út", "Vân", "Xuân", "Yến", "Ân", "Ấn", "Ẩn")


def syllable(rng: random.Random) -> str:
    vowel = rng.choice(VOWELS)
    tone = rng.choice(TONES)
    # The tone mark on the first vowel letter: the same convention throughout,
    # so that ICU (which compares accents per character) and studyapp (per
    # syllable) see the same thing.
    marked = unicodedata.normalize("NFC", unicodedata.normalize("NFD", vowel[0]) + tone) + vowel[1:]
    return rng.choice(INITIALS) + marked + rng.choice(FINALS)


def main() -> None:
    rng = random.Random(20261126)
    words = {syllable(rng) for _ in range(400)}
    words |= {f"{syllable(rng)} {syllable(rng)}" for _ in range(150)}
    words |= {" ".join(parts) for parts in itertools.islice(
        itertools.product(SURNAMES, MIDDLES, GIVEN), 0, None, 37)}
    words |= {w.capitalize() for w in list(words)[:100]}
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    ordered = sorted(words, key=collator.getSortKey)
    out = Path(__file__).with_name("icu_vi_order.txt")
    out.write_text("\n".join(ordered) + "\n", encoding="utf-8")
    print(f"{len(ordered)} words written to {out}")


if __name__ == "__main__":
    main()
