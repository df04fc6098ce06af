"""Markdown bodies -> prose blocks: kinds, exact prose text and exact source positions."""
from __future__ import annotations


import pytest

from newslint.text.lines import LineIndex
from newslint.text.markdown import parse_body


def parse(source: str, body_start: int = 0):
    return parse_body(source, body_start).blocks


def summary(source: str, body_start: int = 0) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in parse(source, body_start)]


def located(source: str, block, phrase: str, occurrence: int = 0) -> tuple[str, tuple[int, int]]:
    """The source text under a prose phrase, and the (line, column) where it starts."""
    index = -1
    for _ in range(occurrence + 1):
        index = block.text.index(phrase, index + 1)
    span = block.source_span(index, index + len(phrase))
    return source[span.start : span.end], LineIndex(source).position(span.start)


def assert_one_to_one(source: str, blocks) -> None:
    """Every run mapped character for character reads the same in prose and source."""
    for block in blocks:
        for run in block.offsets.runs:
            if run.prose_length == run.source_length:
                prose = block.text[run.prose_start : run.prose_start + run.prose_length]
                text = source[run.source_start : run.source_start + run.source_length]
                # markdown-it reads NUL as U+FFFD, as CommonMark says
                expected = text.replace("\r", " ").replace("\n", " ").replace("\0", "\ufffd")
                assert prose == expected


# --- paragraphs, line endings, front matter --------------------------------------------------


def test_plain_paragraph():
    source = "The mayor said the budget passed.\n"
    [block] = parse(source)
    assert (block.kind, block.text, block.row) == ("paragraph", "The mayor said the budget passed.", None)
    assert located(source, block, "budget") == ("budget", (1, 20))


def test_wrapped_lines_become_one_space_mapped_to_the_break():
    source = "The quick brown\nfox jumps   \n  over the dog.\n\nSecond paragraph."
    blocks = parse(source)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "The quick brown fox jumps over the dog."),
        ("paragraph", "Second paragraph."),
    ]
    assert located(source, blocks[0], "brown fox") == ("brown\nfox", (1, 11))
    assert located(source, blocks[0], "jumps over") == ("jumps   \n  over", (2, 5))
    assert located(source, blocks[0], "dog") == ("dog", (3, 12))
    assert located(source, blocks[1], "paragraph") == ("paragraph", (5, 8))


def test_crlf_columns_on_later_lines():
    source = "First line\r\nsecond line here\r\n\r\nNext para\r\n"
    blocks = parse(source)
    assert [b.text for b in blocks] == ["First line second line here", "Next para"]
    assert located(source, blocks[0], "here") == ("here", (2, 13))
    assert located(source, blocks[0], "line second") == ("line\r\nsecond", (1, 7))
    assert located(source, blocks[1], "para") == ("para", (4, 6))


def test_lone_cr_line_endings():
    source = "one\rtwo three\r\rfour"
    blocks = parse(source)
    assert [b.text for b in blocks] == ["one two three", "four"]
    assert located(source, blocks[0], "three") == ("three", (2, 5))
    assert located(source, blocks[1], "four") == ("four", (4, 1))


def test_front_matter_shifts_offsets_and_lines():
    source = "---\ntitle: Budget\n---\n# Budget passes\n\nThe council voted 7-2.\n"
    body_start = source.index("# Budget")
    blocks = parse(source, body_start)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Budget passes"),
        ("paragraph", "The council voted 7-2."),
    ]
    assert located(source, blocks[0], "passes") == ("passes", (4, 10))
    assert located(source, blocks[1], "voted") == ("voted", (6, 13))


def test_body_start_mid_line_and_out_of_range():
    source = "ignored prefix|Body text."
    [block] = parse(source, source.index("Body"))
    assert block.text == "Body text."
    assert located(source, block, "text") == ("text", (1, 21))
    assert parse(source, 10_000) == ()


# --- headings, lists, blockquotes --------------------------------------------------------------


def test_atx_and_setext_headings():
    source = "# Title here ##\n\n## C# tips #\n\nSub title\n---------\n\nOther\n=====\n\nBody."
    blocks = parse(source)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Title here"),
        ("heading", "C# tips"),
        ("heading", "Sub title"),
        ("heading", "Other"),
        ("paragraph", "Body."),
    ]
    assert located(source, blocks[0], "here") == ("here", (1, 9))
    assert located(source, blocks[1], "C#") == ("C#", (3, 4))
    assert located(source, blocks[2], "title") == ("title", (5, 5))


def test_sentence_like_setext_heading_is_a_paragraph():
    source = "The council met. It voted on the budget.\n-\nShort Title\n-\n"
    assert summary(source) == [
        ("paragraph", "The council met. It voted on the budget."),
        ("heading", "Short Title"),
    ]


def test_nested_list_items():
    source = "- one\n  - two *em*\n    wrapped\n- three\n\n1. first\n2) second"
    blocks = parse(source)
    assert [(b.kind, b.text) for b in blocks] == [
        ("list-item", "one"),
        ("list-item", "two em wrapped"),
        ("list-item", "three"),
        ("list-item", "first"),
        ("list-item", "second"),
    ]
    assert located(source, blocks[1], "two") == ("two", (2, 5))
    assert located(source, blocks[1], "em wrapped") == ("em*\n    wrapped", (2, 10))
    assert located(source, blocks[4], "second") == ("second", (7, 4))


def test_blockquote_with_prefixed_continuation_lines():
    source = "> quoted line\n> continues here\n"
    [block] = parse(source)
    assert (block.kind, block.text) == ("blockquote", "quoted line continues here")
    assert located(source, block, "line continues") == ("line\n> continues", (1, 10))
    assert located(source, block, "here") == ("here", (2, 13))


def test_list_in_blockquote_innermost_container_wins():
    source = "> intro\n>\n> - item one\n>   more\n> > deep quote\n"
    blocks = parse(source)
    assert [(b.kind, b.text) for b in blocks] == [
        ("blockquote", "intro"),
        ("list-item", "item one more"),
        ("blockquote", "deep quote"),
    ]
    assert located(source, blocks[1], "more") == ("more", (4, 5))
    assert located(source, blocks[2], "deep") == ("deep", (5, 5))


def test_blockquote_in_list_item():
    source = "- item\n\n  > quoted in item\n"
    assert summary(source) == [("list-item", "item"), ("blockquote", "quoted in item")]


# --- tables ------------------------------------------------------------------------------------


def test_gfm_table_cells_rows_and_escaped_pipe():
    source = "| Name | Role |\n| :--- | ---: |\n| Ann | chief \\| editor |\n| `x|y` code | *ok* |\n"
    blocks = parse(source)
    assert [(b.kind, b.text, b.row) for b in blocks] == [
        ("table-cell", "Name", 1),
        ("table-cell", "Role", 1),
        ("table-cell", "Ann", 2),
        ("table-cell", "chief | editor", 2),
        ("table-cell", "code", 3),
        ("table-cell", "ok", 3),
    ]
    assert located(source, blocks[3], "editor") == ("editor", (3, 18))
    assert located(source, blocks[3], "|") == ("|", (3, 16))
    assert located(source, blocks[4], "code") == ("code", (4, 9))


def test_tables_in_containers_and_unique_row_numbers():
    source = "> | a | b |\n> |---|---|\n> | c | d |\n\n- | e | f |\n  |---|---|\n  | g | h |\n"
    blocks = parse(source)
    assert [(b.text, b.row) for b in blocks] == [
        ("a", 1), ("b", 1), ("c", 2), ("d", 2), ("e", 3), ("f", 3), ("g", 4), ("h", 4),
    ]
    assert {b.kind for b in blocks} == {"table-cell"}
    assert located(source, blocks[3], "d") == ("d", (3, 9))
    assert located(source, blocks[6], "g") == ("g", (7, 5))


def test_table_rescued_from_list_item_continuation():
    source = "- Item text.\nName | Age\n---|---\nAnn | 42 |\nAfter the table.\n"
    blocks = parse(source)
    assert [(b.kind, b.text, b.row) for b in blocks] == [
        ("list-item", "Item text.", None),
        ("table-cell", "Name", 1),
        ("table-cell", "Age", 1),
        ("table-cell", "Ann", 2),
        ("table-cell", "42", 2),
        ("paragraph", "After the table.", None),
    ]
    assert located(source, blocks[4], "42") == ("42", (4, 7))
    assert located(source, blocks[5], "table") == ("table", (5, 11))


def test_table_rescued_from_paragraph_with_mismatched_columns():
    # markdown-it wants as many delimiter cells as header cells; the rescue does not.
    source = "Here it is:\n| A | B |\n| --- |\n| 1 | 2 |\n"
    blocks = parse(source)
    assert [(b.kind, b.text, b.row) for b in blocks] == [
        ("paragraph", "Here it is:", None),
        ("table-cell", "A", 1),
        ("table-cell", "B", 1),
        ("table-cell", "1", 2),
        ("table-cell", "2", 2),
    ]


# --- headlines inside paragraphs ------------------------------------------------------------


def test_headline_line_gets_its_own_block():
    source = (
        "Iran has launched strikes on militant groups.\n"
        "Iran Says Strikes Targeted Terror Groups Responsible for Recent Attacks\n"
        "According to Iran state media, the strikes targeted bases.\n"
    )
    blocks = parse(source)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Iran has launched strikes on militant groups."),
        ("heading", "Iran Says Strikes Targeted Terror Groups Responsible for Recent Attacks"),
        ("paragraph", "According to Iran state media, the strikes targeted bases."),
    ]
    assert located(source, blocks[1], "Terror") == ("Terror", (2, 28))
    assert located(source, blocks[2], "bases") == ("bases", (3, 53))


def test_hard_wrapped_prose_is_not_split_into_headlines():
    source = (
        "Today the General Services Administration’s Office of Inspector General\n"
        "released a report. It was thorough.\n\n"
        "The talk was given by [U.S.\n"
        "Chief Technology Officer Megan\n"
        "Smith](https://example.gov/smith). She spoke.\n\n"
        "First sentence ends here.\n"
        "Washington Post Reporter Jane Doe\n"
        "wrote the story.\n"
    )
    assert [b.kind for b in parse(source)] == ["paragraph", "paragraph", "paragraph"]


def test_headline_in_blockquote_keeps_quote_kind_after_it():
    source = "> Quote starts here.\n> Big Quoted Headline Line\n> Then the quote goes on.\n"
    assert summary(source) == [
        ("blockquote", "Quote starts here."),
        ("heading", "Big Quoted Headline Line"),
        ("blockquote", "Then the quote goes on."),
    ]


SEED = (
    "Iran has launched a series of missile and drone strikes targeting militant groups based in"
    " neighboring Pakistan. The strikes come amid heightened conflicts across the Middle East.\n"
    "Iran Says Strikes Targeted Terror Groups Responsible for Recent Attacks\n"
    "According to Iran state media, the strikes launched early Tuesday morning targeted bases in"
    " Pakistan’s southwestern Baluchistan province.\n"
    "Regional Tensions Growing Amid Internal Strife for Both Countries\n"
    "The strikes come as Iran faces growing internal opposition and wider regional conflicts:\n"
    "-\n"
    "Iran continues to battle domestic protest movements sparked by the death of a young woman in"
    " morality police custody last September. The unrest has galvanized anger against the"
    " authoritarian policies of Iran’s ruling clerical regime.\n"
    "-\n"
    "Saudi Arabia and Iran back opposite sides in Yemen’s civil war. The Iran-aligned Houthi rebels"
    " recently targeted Saudi oil facilities.\n"
    "International Responses Call for De-escalation and Diplomacy\n"
    "Leaders internationally are calling for calm and restraint:\n"
    "- The U.S. issued a statement urging “all parties to refrain from additional military"
    " activity.” Secretary of State Brian Deese said the Biden administration is “prepared to"
    " support a mediated solution” between Iran and Pakistan.\n"
    "- Russia warned against external destructive influences, while China advised peaceful dialogue.\n"
    "Domestically, protests have broken out within Pakistan denouncing Iran’s actions.\n"
    "Likelihood of Further Conflict Remains High Absent Diplomatic Progress\n"
    "Despite calls for calm, the potential for additional violence remains worryingly high.\n"
    "Timeline of Recent Iran-Pakistan Tensions\n"
    "Date | Event |\n"
    "---|---|\n"
    "September 16, 2022 | Nationwide protests erupt in Iran over the death of Mahsa Amini. |\n"
    "January 10, 2023 | Jaish al-Adl militants ambush an Iranian Revolutionary Guard convoy,"
    " abducting and killing two colonels. |\n"
    "The path forward remains highly uncertain. Double check any facts you intend to rely on with"
    " another source."
)


def test_seed_plain_article_every_sentence_once():
    blocks = parse(SEED)
    kinds = [(b.kind, b.text[:30], b.row) for b in blocks]
    assert kinds == [
        ("paragraph", "Iran has launched a series of ", None),
        ("heading", "Iran Says Strikes Targeted Ter", None),
        ("paragraph", "According to Iran state media,", None),
        ("heading", "Regional Tensions Growing Amid", None),
        ("paragraph", "The strikes come as Iran faces", None),
        ("paragraph", "Iran continues to battle domes", None),
        ("paragraph", "Saudi Arabia and Iran back opp", None),
        ("heading", "International Responses Call f", None),
        ("paragraph", "Leaders internationally are ca", None),
        ("list-item", "The U.S. issued a statement ur", None),
        ("list-item", "Russia warned against external", None),
        ("heading", "Likelihood of Further Conflict", None),
        ("paragraph", "Despite calls for calm, the po", None),
        ("heading", "Timeline of Recent Iran-Pakist", None),
        ("table-cell", "Date", 1),
        ("table-cell", "Event", 1),
        ("table-cell", "September 16, 2022", 2),
        ("table-cell", "Nationwide protests erupt in I", 2),
        ("table-cell", "January 10, 2023", 3),
        ("table-cell", "Jaish al-Adl militants ambush ", 3),
        ("paragraph", "The path forward remains highl", None),
    ]
    prose = "\n".join(b.text for b in blocks)
    for line in SEED.split("\n"):
        for part in line.removeprefix("- ").split("|"):
            for sentence in part.strip().split(". "):
                if sentence.strip("-"):
                    assert prose.count(sentence) == 1, sentence
    heading = blocks[3]
    assert heading.text == "Regional Tensions Growing Amid Internal Strife for Both Countries"
    assert located(SEED, blocks[9], "Brian Deese") == ("Brian Deese", (12, 117))
    assert located(SEED, blocks[17], "Nationwide") == ("Nationwide", (20, 22))
    assert located(SEED, blocks[10], "Domestically") == ("Domestically", (14, 1))
    assert_one_to_one(SEED, blocks)


# --- what is not prose -------------------------------------------------------------------------


def test_code_spans_follow_backtick_run_rules():
    source = "Use `a|b` and ``x ` y`` here, not ```a``b```. Unclosed `tick stays."
    [block] = parse(source)
    assert block.text == "Use and here, not . Unclosed `tick stays."
    assert located(source, block, "here") == ("here", (1, 25))
    assert located(source, block, "`tick") == ("`tick", (1, 56))


def test_fenced_and_indented_code_and_unclosed_fence():
    source = "Before.\n\n```python\nx = 'not prose'\n```\n\n    indented code\n\nAfter.\n\n~~~\nopen fence\n"
    assert summary(source) == [("paragraph", "Before."), ("paragraph", "After.")]


def test_inline_html_and_comments():
    source = (
        "An <span class=\"x\">inline</span> tag <!-- newslint-disable casualty -->and\n"
        "a <!-- two\nline --> comment `<!-- in code -->`.\n\n"
        "<div>\n<!-- newslint-enable -->\n<p>html block</p>\n</div>\n\n"
        "```\n<!-- in fence -->\n```\n"
    )
    parsed = parse_body(source)
    assert [(b.kind, b.text) for b in parsed.blocks] == [("paragraph", "An inline tag and a comment .")]
    assert [source[c.start : c.end] for c in parsed.comments] == [
        "<!-- newslint-disable casualty -->",
        "<!-- two\nline -->",
        "<!-- newslint-enable -->",
    ]
    assert LineIndex(source).position(parsed.comments[2].start) == (6, 1)


def test_autolinks_and_bare_urls():
    source = (
        "Mail <a@b.co> or see <https://x.org/a>. See https://example.com/a_(b), "
        "www.foo.org. Also (http://x.y/z). Not xhttp://a.b or www. alone."
    )
    [block] = parse(source)
    assert block.text == "Mail or see . See , . Also (). Not xhttp://a.b or www. alone."
    assert located(source, block, "Also") == ("Also", (1, 85))


def test_links_keep_only_their_text():
    source = (
        "[inline](http://x \"title\") and [ref][r] and [r] and [Insert name] and [x][nope]"
        " and [collapsed][] and [multi\nline](<a b> 'T').\n\n[r]: http://r\n[collapsed]: /c\n"
    )
    [block] = parse(source)
    assert block.text == (
        "inline and ref and r and [Insert name] and [x][nope] and collapsed and multi line."
    )
    assert located(source, block, "[Insert name]") == ("[Insert name]", (1, 53))
    assert located(source, block, "ref") == ("ref", (1, 33))
    assert located(source, block, "multi line") == ("multi\nline", (1, 104))


def test_images_removed_entirely():
    source = "An ![alt *text*](img.png) image, ![r] and [![badge](b.svg)](http://x) end.\n\n[r]: /i.png"
    [block] = parse(source)
    assert block.text == "An image, and end."
    assert located(source, block, "end") == ("end", (1, 71))


def test_footnote_references_removed():
    source = "Note[^1] here.\n\n[^1]: The note."
    assert summary(source) == [("paragraph", "Note here."), ("paragraph", "The note.")]


def test_emphasis_delimiters_removed_but_not_snake_case_or_lone_stars():
    source = (
        "*em* and **strong** and ***both*** and ~~strike~~ and _under_ and snake_case_word"
        " and a * b and 5 * 3 and **unclosed"
    )
    [block] = parse(source)
    assert block.text == (
        "em and strong and both and strike and under and snake_case_word"
        " and a * b and 5 * 3 and **unclosed"
    )
    assert located(source, block, "strong") == ("strong", (1, 12))
    assert located(source, block, "strike") == ("strike", (1, 42))


def test_backslash_escapes_and_entities():
    source = "Escaped \\*star\\* and \\[x\\] and C:\\path. AT&amp;T said &#8217;no&#x2019; &mdash; &bogus; ok"
    [block] = parse(source)
    assert block.text == "Escaped *star* and [x] and C:\\path. AT&T said ’no’ — &bogus; ok"
    assert located(source, block, "star") == ("star", (1, 11))
    assert located(source, block, "AT&T") == ("AT&amp;T", (1, 41))
    assert located(source, block, "—") == ("&mdash;", (1, 73))
    assert located(source, block, "bogus") == ("bogus", (1, 82))


def test_shortcodes_and_template_tags():
    source = (
        "{{< figure src=\"a_b.png\" >}} Hugo {{% note %}}inside{{% /note %}} liquid"
        " {% include x.html %} and {{ page.title }} done.\n\n{{< youtube abc >}}\n"
    )
    [block] = parse(source)
    assert block.text == "Hugo inside liquid and done."
    assert located(source, block, "done") == ("done", (1, 116))


def test_template_tags_inside_html_and_link_destinations():
    source = (
        'A <img src="{{ "/a.gif" | url }}" alt="Shot" /> and [18F]({{ "/" | url }}) team'
        " {.font-alt-xs} replace {BRANCH} <?php echo 1; ?> <![CDATA[ x ]]> <!DOCTYPE html> ok."
    )
    [block] = parse(source)
    assert block.text == "A and 18F team replace {BRANCH} ok."
    assert located(source, block, "{BRANCH}") == ("{BRANCH}", (1, 104))


def test_removed_markup_leaves_no_double_space():
    source = "a `x` b <br> c\n`y` d [](u) e <!-- c -->\nf"
    [block] = parse(source)
    assert block.text == "a b c d e f"
    assert "  " not in block.text


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["", "   \n\n \t \n", "\n\r\n\r"])
def test_empty_input(source):
    assert parse_body(source).blocks == ()
    assert parse_body(source).comments == ()


@pytest.mark.parametrize(
    "source",
    [
        "```unclosed\nfoo",
        "| | |\n| | |\n|",
        ">" * 300 + " deep\n" + "- " * 300 + "x",
        "\tTab\tindented\n-\t tab item\n\t\tmore",
        "[" * 500 + "x" + "]" * 500,
        "*" * 1000 + "_" * 1000 + "`" * 999,
        "<" * 500 + "&" * 500 + "{{" * 500,
        "a\x00b [x](",
        "|\n|---|\n| `a |",
        "\ufeff# BOM heading\r\nrest\r",
    ],
)
def test_garbage_never_raises(source):
    parsed = parse_body(source)
    assert_one_to_one(source, parsed.blocks)
    for block in parsed.blocks:
        assert block.text and block.text == block.text.strip()


def test_garbage_keeps_what_it_can():
    assert summary("Tab\tindented\n-\t tab item\n") == [
        ("paragraph", "Tab\tindented"),
        ("list-item", "tab item"),
    ]
    assert summary("| | |\n| | |") == [("paragraph", "| | | | | |")]
    assert summary("> " * 5 + "five deep") == [("blockquote", "five deep")]


def test_lines_of_unicode_spaces_do_not_shift_lines():
    # markdown-it-py strips a paragraph's content with str.strip(), which eats a NBSP-only line.
    source = "\u00a0\nText here.\n\u00a0\n"
    [block] = parse(source)
    assert block.text == "Text here."
    assert located(source, block, "here") == ("here", (2, 6))


def test_mixed_document_maps_one_to_one():
    source = (
        "---\r\ndate: 2024-01-01\r\n---\r\n# Head *line*\r\n\r\n> Quote with [link](u) and\r\n"
        "> `code` &amp; more\r\n\r\n- item **bold**\r\n  continued https://x.org\r\n"
        "\r\n| a | b |\r\n|---|---|\r\n| *c* | d |\r\n"
    )
    blocks = parse(source, source.index("# Head"))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Head line"),
        ("blockquote", "Quote with link and & more"),
        ("list-item", "item bold continued"),
        ("table-cell", "a"), ("table-cell", "b"), ("table-cell", "c"), ("table-cell", "d"),
    ]
    assert_one_to_one(source, blocks)
    assert located(source, blocks[2], "continued") == ("continued", (10, 3))
    assert located(source, blocks[5], "c") == ("c", (14, 4))


def test_large_input_keeps_every_block():
    # How fast this parses is measured by benchmarks/, not here: a timed test fails under load.
    paragraph = "Some *text* with `code`, [a link](http://x) and https://y.org. " * 8 + "\n"
    source = ("# Heading\n\n" + paragraph + "\n- item one\n- item two\n\n") * 400  # about 240 kB
    blocks = parse(source)
    assert len(blocks) == 1600


# --- verbatim template blocks ------------------------------------------------------------------


def test_jekyll_highlight_block_is_not_prose_and_text_around_it_is():
    source = ("Patch it:\n\n{% highlight ruby %}\nclass Foo\n  end\nend\n\n# a comment\n"
              "{% endhighlight %}\n\nThen restart.\n")
    assert summary(source) == [("paragraph", "Patch it:"), ("paragraph", "Then restart.")]


def test_raw_comment_and_hugo_highlight_blocks_are_not_prose():
    source = ("{%- raw -%}\n{{ page.title }} and and\n{%- endraw -%}\n\n"
              "{% comment %}\nDraft note.\n{% endcomment %}\n\n"
              "{{< highlight go >}}\nx := 1\n{{< / highlight >}}\n\nKept.\n")
    assert summary(source) == [("paragraph", "Kept.")]


def test_a_raw_tag_inside_a_line_keeps_the_line():
    source = "Use {% raw %}`{{ x }}`{% endraw %} to print it.\n"
    assert summary(source) == [("paragraph", "Use to print it.")]


def test_an_unclosed_highlight_tag_hides_nothing():
    source = "{% highlight ruby %}\n\nThe rest is prose.\n"
    assert summary(source) == [("paragraph", "The rest is prose.")]

