"""Only what pyproject.toml cannot say: find newslint's packages and add the rule packs.

`[tool.setuptools.packages.find]` cannot be combined with the `newslint._rules` package that
maps the top-level rules/ folder, and an explicit list silently drops a new sub-package from
the wheel, so the list is built here. tests/test_packaging.py installs the wheel and imports
every module.
"""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["newslint", "newslint.*"]) + ["newslint._rules"])
