"""Dates in prose: expressions found by spaCy Matcher patterns (`matcher`, `expressions`),
resolved to day ranges (`ranges`) against the one reference date of an article (`reference`),
and the dated sentences of an article, memoised on its Document (`article`). Nothing here
decides what is wrong: that is the `dates` kind's job.
"""
