"""An archive linted on a Dask cluster reports exactly as the command line does.

`newslint.distributed.lint_on_dask` maps batches of a file list over the public API on the
workers of a `dask.distributed.LocalCluster` (two worker processes, so reports really travel
between processes), and `newslint.render` writes them; the JSON, concise and GitHub reports
must equal `newslint check`'s for the same files, byte for byte.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="the newslint[dask] extra is not installed")

from newslint import render  # noqa: E402
from newslint.cli import main  # noqa: E402
from newslint.distributed import lint_on_dask  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A few articles with findings of several rules, a clean one, an unreadable one and one whose
# front matter is invalid: every kind of report a file can give.
ARTICLES = ["casualty-unsourced/claims-flagged.md", "casualty-unsourced/claims-sourced.md",
            "dated-word", "title-mismatch", "file-unreadable", "front-matter-invalid",
            "template-placeholder"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> list[str]:
    """The articles copied into a folder of their own, as a file list of absolute paths: worker
    processes have folders of their own, so paths must not depend on one."""
    root = tmp_path_factory.mktemp("archive")
    paths = []
    for name in ARTICLES:
        source = FIXTURES / name
        for path in sorted(source.glob("*.md")) if source.is_dir() else [source]:
            target = root / path.relative_to(FIXTURES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            paths.append(str(target))
    return root, paths


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield client


def cli(capsys, *argv: str) -> str:
    """What `newslint check` prints (run in this process: the console script calls main). One
    job: forking worker processes from a process that runs Dask's client threads can deadlock."""
    code = main(["check", "--no-cache", "--jobs", "1", *argv])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return out


@pytest.fixture(scope="module")
def from_cluster(archive, client) -> list:
    root, paths = archive
    return lint_on_dask(client, paths, batch_size=3)


def test_reports_come_back_in_the_list_s_order(archive, from_cluster):
    root, paths = archive
    assert len(paths) > 10
    assert [report.path for report in from_cluster] == paths


@pytest.mark.parametrize("fmt", ["json", "concise", "github"])
def test_reports_from_the_cluster_equal_the_command_line(archive, from_cluster, fmt, capsys):
    root, paths = archive
    assert render(from_cluster, fmt) == cli(capsys, "--format", fmt, *paths)


def test_a_config_named_for_the_run_applies_on_every_worker(archive, client, tmp_path, capsys):
    root, paths = archive
    config = tmp_path / "strict.yaml"
    config.write_text("ignore: [casualty-unsourced]\nseverity: {dated-word: error}\n", encoding="utf-8")
    reports = lint_on_dask(client, paths, config=config, batch_size=4)
    expected = cli(capsys, "--format", "json", "--config", str(config), *paths)
    assert render(reports, "json") == expected
    assert '"rule": "casualty-unsourced"' not in expected and '"severity": "error"' in expected


def test_a_batch_size_below_one_is_refused(client):
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        lint_on_dask(client, ["a.md"], batch_size=0)
