"""Patterns users write and the tests that let rules skip text cheaply: safe regexes compiled with
a time limit (`safe`), block prefilters that never say no where a match is possible
(`prefilter`, `anchors`), and gitignore-style globs (`globs`). Nothing here reads an article.
"""
