"""Generate a corpus of markdown news posts, for benchmarks when ../shared/corpus is absent.

The posts imitate the 18F corpus in size (about 1,000 words each, front matter, headings,
lists, links, a table now and then); the text is built from a fixed seed, so runs compare.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("the council said officials team project data users service public federal agency design "
         "research report program security policy digital open source code review process plan "
         "government people new work year time week month support build test deliver product "
         "Tuesday Monday January March election minister strikes talks budget city county").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + rng.choice(".....?!")


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def post(rng: random.Random, number: int) -> str:
    parts = [f"---\ntitle: \"Post {number}\"\ndate: 2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}\n"
             f"tags: [news, sample]\n---\n"]
    words = 0
    while words < 1000:
        kind = rng.random()
        if kind < 0.1:
            parts.append(f"## {sentence(rng).rstrip('.?!')}\n")
        elif kind < 0.2:
            parts.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 5))) + "\n")
        elif kind < 0.25:
            parts.append("| Date | Event |\n|---|---|\n" + "\n".join(
                f"| March {d}, 2024 | {sentence(rng)} |" for d in range(1, rng.randint(3, 6))) + "\n")
        else:
            text = paragraph(rng)
            if rng.random() < 0.3:
                text += " See [the report](https://example.org/report) for details."
            parts.append(text + "\n")
        words += len(parts[-1].split())
    return "\n".join(parts)


def generate(folder: Path, count: int = 509, seed: int = 18) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"2024-01-{number % 28 + 1:02}-post-{number}.md"
        path.write_text(post(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=509)
    options = parser.parse_args()
    print(f"wrote {len(generate(options.folder, options.count))} posts to {options.folder}")
