"""One run over many files: discovery (paths, excludes, .gitignore), sources (decoding and atomic
writes), the findings cache, fixes, and the runner that spreads files over worker processes.

The only package that reads or writes articles; it hands text to the engine and takes findings
back. It never prints: the commands turn its results into output.
"""
