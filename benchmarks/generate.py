"""Generate a corpus of markdown news posts, for benchmarks when ../shared/corpus is absent.

The posts imitate the 18F corpus in size (about 1,000 words each, front matter, headings,
lists, links, a table now and then); the text is built from a fixed seed, so runs compare.

`dense_article` writes one long article thick with what the rich rules work on (dates absolute
and relative, death tolls, political titles beside names, dated timelines), for the check that
cost grows linearly with the article: every sentence there wakes the date, title and casualty
rules, so a step that compares all pairs of them shows at once.
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


MONTHS = ("January February March April May June July August September October November "
          "December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
TITLED = ("Prime Minister Rishi Sunak", "Secretary of State Antony Blinken", "President Joe Biden",
          "Prime Minister Boris Johnson", "Ukrainian President Volodymyr Zelenskyy",
          "French President Emmanuel Macron", "German Chancellor Olaf Scholz",
          "Prime Minister Jane Example", "Foreign Minister Sam Placeholder")
ACTIONS = ("launched the review", "opened the bridge", "signed the accord", "closed the port",
           "announced the budget", "visited the flooded district", "ended the strike",
           "began the evacuation", "held the summit", "started the inquiry")
TOPICS = ("the council", "rescue crews", "the ministry", "local officials", "the regional agency",
          "the harbour authority", "aid groups", "the city", "the coast guard", "the army")
RELATIVE = ("on Tuesday", "last week", "on Friday", "yesterday", "last Monday", "two days ago",
            "earlier this month", "on Sunday", "this week", "next Thursday")
SAYERS = ("police said", "officials said", "according to the health ministry", "the agency reported")


def dense_sentence(rng: random.Random, year: int) -> str:
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    action, topic = rng.choice(ACTIONS), rng.choice(TOPICS)
    kind = rng.random()
    if kind < 0.25:
        return f"On {month} {day}, {year}, {rng.choice(TITLED)} {action} with {topic}."
    if kind < 0.45:
        return f"{topic.capitalize()} {action} {rng.choice(RELATIVE)}, {rng.choice(SAYERS)}."
    if kind < 0.6:
        return (f"At least {rng.randint(2, 900)} people were killed and {rng.randint(2, 900)} injured "
                f"when {topic} {action} {rng.choice(RELATIVE)}.")
    if kind < 0.75:
        return f"{rng.choice(TITLED)} said {topic} {action} on {rng.choice(WEEKDAYS)}, {month} {day}."
    if kind < 0.9:
        return (f"In {month} {year}, {rng.choice(TITLED)} met {rng.choice(TITLED)} after "
                f"{rng.randint(3, 90)} deaths were reported, {rng.choice(SAYERS)}.")
    return f"{topic.capitalize()} {action} {rng.randint(2, 11)} days after {month} {day}."


def dense_article(path: Path, words: int, seed: int = 22) -> Path:
    """One article of about `words` words dense with dates, tolls and titles (see the module's
    docstring); the same seed gives the same text, and a longer article starts with the same
    text as a shorter one."""
    rng = random.Random(seed)
    year = 2023
    parts = [f"---\ntitle: \"A long dense report\"\ndate: {year}-06-15\n---\n"]
    count = 0
    while count < words:
        kind = rng.random()
        if kind < 0.05:
            text = f"## {rng.choice(TOPICS).capitalize()} in {rng.choice(MONTHS)}\n"
        elif kind < 0.1:
            text = "| Date | Event |\n|---|---|\n" + "\n".join(
                f"| {rng.choice(MONTHS)} {rng.randint(1, 28)}, {year} | {rng.choice(TOPICS).capitalize()} "
                f"{rng.choice(ACTIONS)} |" for _ in range(rng.randint(3, 6))) + "\n"
        elif kind < 0.15:
            text = "\n".join(f"- {rng.choice(MONTHS)} {rng.randint(1, 28)}: {rng.choice(TOPICS).capitalize()} "
                             f"{rng.choice(ACTIONS)}" for _ in range(rng.randint(3, 6))) + "\n"
        else:
            text = " ".join(dense_sentence(rng, year) for _ in range(rng.randint(3, 6))) + "\n"
        parts.append(text)
        count += len(text.split())
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=509)
    parser.add_argument("--dense", type=int, metavar="WORDS",
                        help="write one article of this many words dense with dates, tolls and titles")
    options = parser.parse_args()
    if options.dense:
        options.folder.mkdir(parents=True, exist_ok=True)
        print(f"wrote {dense_article(options.folder / f'dense-{options.dense}.md', options.dense)}")
    else:
        print(f"wrote {len(generate(options.folder, options.count))} posts to {options.folder}")
