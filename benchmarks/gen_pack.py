"""Generate a synthetic content pack: any number of lessons and questions, Vietnamese text.

    python benchmarks/gen_pack.py OUT_DIR --lessons 200 --questions 10000 [--seed 1]

The pack follows content-format.md: pack.toml, lessons/*.md (a tree three levels
deep, bodies under 4 KB) and banks/*.toml with questions of every type, spread
over the lessons. Text is made of real Vietnamese syllables, so folding,
normalisation and search work on realistic input.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from pathlib import Path

INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh",
            "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "ai", "ao", "ây", "oa", "ươ",
          "iê", "uô", "ưa", "ia")
FINALS = ("", "", "c", "ch", "m", "n", "ng", "nh", "p", "t")
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TYPES = ("single", "single", "multi", "truefalse", "fill", "number", "order", "match")
QUESTIONS_PER_BANK = 500


class Words:
    """Random Vietnamese-looking syllables, words and sentences (NFC)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def syllable(self) -> str:
        vowel = self.rng.choice(VOWELS)
        tone = self.rng.choice(TONES)
        marked = unicodedata.normalize("NFC", vowel[0] + tone) + vowel[1:]
        return self.rng.choice(INITIALS) + marked + self.rng.choice(FINALS)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.syllable() for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 8, high: int = 25) -> str:
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def lesson_ids(count: int) -> list[tuple[str, str | None, str]]:
    """(id, parent, source) for `count` lessons: sections, items, sub-items."""
    found: list[tuple[str, str | None, str]] = []
    section = 0
    while len(found) < count:
        section += 1
        found.append((f"s{section}", None, f"{section}"))
        for item in range(1, 6):
            if len(found) >= count:
                break
            found.append((f"s{section}-{item}", f"s{section}", f"{section}.{item}"))
            for sub in range(1, 4):
                if len(found) >= count:
                    break
                found.append((f"s{section}-{item}-{sub}", f"s{section}-{item}",
                              f"{section}.{item}.({sub})"))
    return found


def write_lessons(folder: Path, words: Words, count: int) -> list[str]:
    (folder / "lessons").mkdir(parents=True)
    ids = []
    for order, (lesson_id, parent, source) in enumerate(lesson_ids(count), 1):
        lines = ["+++", f'id = "{lesson_id}"', f"title = {toml_string(words.sentence(3, 9)[:-1])}"]
        if parent:
            lines.append(f'parent = "{parent}"')
        lines += [f"order = {order}", f'source = "{source}"',
                  f"key_points = {toml_list([words.sentence(5, 12) for _ in range(3)])}", "+++"]
        body = "\n\n".join(words.paragraph(words.rng.randint(2, 5)) for _ in range(3))
        body = body.encode("utf-8")[:3800].decode("utf-8", errors="ignore")
        (folder / "lessons" / f"{lesson_id}.md").write_text("\n".join(lines) + "\n" + body + "\n",
                                                           encoding="utf-8")
        ids.append(lesson_id)
    return ids


def question(words: Words, index: int, lesson: str) -> str:
    rng = words.rng
    kind = TYPES[index % len(TYPES)]
    lines = ["[[questions]]", f'id = "q{index:05d}"', f'type = "{kind}"',
             f"prompt = {toml_string(words.sentence(8, 20)[:-1] + '?')}"]
    if kind in ("single", "multi"):
        choices = [words.words(2, 8) for _ in range(4)]
        lines.append(f"choices = {toml_list(choices)}")
        answer = rng.sample("ABCD", 1 if kind == "single" else rng.randint(1, 3))
        lines.append(f'answer = "{answer[0]}"' if kind == "single" else
                     f"answer = {toml_list(sorted(answer))}")
    elif kind == "truefalse":
        lines.append(f"answer = {rng.choice(['true', 'false'])}")
    elif kind == "fill":
        lines[-1] = f"prompt = {toml_string(words.sentence(6, 14)[:-1] + ' ___.')}"
        lines.append(f"answer = {toml_list([words.words(1, 3) for _ in range(2)])}")
    elif kind == "number":
        lines.append(f"answer = {rng.randint(1, 2030)}")
    elif kind == "order":
        lines.append(f"items = {toml_list([words.words(2, 6) for _ in range(4)])}")
    else:
        pairs = ", ".join(f"[{toml_string(words.words(1, 4))}, {toml_string(words.words(1, 4))}]"
                          for _ in range(4))
        lines.append(f"pairs = [{pairs}]")
    lines += [f"explanation = {toml_string('Theo mục ' + lesson + ': ' + words.sentence())}",
              f'lesson = "{lesson}"', f"difficulty = {rng.randint(1, 3)}"]
    return "\n".join(lines)


def write_banks(folder: Path, words: Words, count: int, lessons: list[str]) -> None:
    (folder / "banks").mkdir(parents=True)
    for bank in range(0, count, QUESTIONS_PER_BANK):
        size = min(QUESTIONS_PER_BANK, count - bank)
        header = [
            "format = 1", f'id = "bank-{bank // QUESTIONS_PER_BANK + 1:03d}"',
            f"title = {toml_string(words.sentence(3, 7)[:-1])}", 'tags = ["tong-hop"]', "",
        ]
        body = "\n\n".join(question(words, bank + i, words.rng.choice(lessons))
                           for i in range(size))
        name = f"bank-{bank // QUESTIONS_PER_BANK + 1:03d}.toml"
        (folder / "banks" / name).write_text("\n".join(header) + body + "\n", encoding="utf-8")


def generate(out: Path, lessons: int, questions: int, seed: int = 1, pack_id: str = "synthetic"
             ) -> Path:
    """Write the pack to `out` (which must not exist yet) and return it."""
    words = Words(random.Random(seed))
    out.mkdir(parents=True)
    (out / "pack.toml").write_text(
        f'format = 1\nid = "{pack_id}"\ntitle = "Gói tổng hợp {lessons} bài, {questions} câu"\n'
        'source = "Văn bản tổng hợp"\n', encoding="utf-8")
    ids = write_lessons(out, words, lessons)
    if questions:
        write_banks(out, words, questions, ids)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lessons", type=int, default=200)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.lessons, args.questions, args.seed)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
