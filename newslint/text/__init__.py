"""The text model: one article as the rules see it.

`document.Document` holds the source, the front matter (`frontmatter`), the prose blocks
(`markdown` for block structure, `inline` for inline markup, `prose`, `textmap` for offsets back
to the source), the line index (`lines`), spaCy's analysis of the blocks a rule asks about
(`nlp`, `sentences`) and the memo of what kinds derive from it. `context` is what the
configuration tells an article; `matching` runs patterns over prose. Nothing here knows a rule.
"""
