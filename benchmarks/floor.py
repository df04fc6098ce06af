"""The floor for a run over an archive: what any linter of markdown prose built on spaCy must do.

usage: python benchmarks/floor.py FOLDER

In one process: read every `*.md` / `*.markdown` file under FOLDER, parse it with markdown-it-py
(CommonMark and tables, as newslint configures it), and run spaCy's blank English tokenizer over
the text of every block that holds prose (headings, paragraphs, list items, table cells). No
rule, no front matter, no offsets: `benchmarks/run.py` times this as a whole process and prints
newslint's time divided by it. Prints the counts, so that the work cannot be optimised away.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(folder: Path) -> int:
    import spacy
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.core.ruler.disable(["inline", "text_join"])  # newslint scans inline markup itself
    tokenizer = spacy.blank("en").tokenizer
    files = tokens = 0
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        files += 1
        prose = [token.content for token in parser.parse(text) if token.type == "inline" and token.content]
        for doc in tokenizer.pipe(prose):
            tokens += len(doc)
    print(f"{files} files, {tokens} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
