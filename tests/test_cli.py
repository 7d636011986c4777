"""The CLI: exit codes and one-line messages, and the paths it prints."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from briefing.__main__ import main
from briefing.render.json_file import SCHEMA_PATH

from .conftest import ROOT, write_config


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd)


def test_build_prints_the_paths_and_the_json_validates(project, capsys):
    code = main(["-c", str(project / "config.yaml"), "build", "--format", "json,html"])
    out = capsys.readouterr().out.split()
    assert code == 0
    assert [p.rsplit(".", 1)[1] for p in out] == ["json", "html"]
    data = json.loads(open(out[0], encoding="utf-8").read())
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert data["sources"][0]["id"] == "000_277351b2bc8a04e1"


def test_explicit_as_of_dates_an_undated_source(project, capsys):
    assert main(["-c", str(project / "config.yaml"), "build", "--as-of", "2022-01-04"]) == 0
    data = json.loads(open(capsys.readouterr().out.strip(), encoding="utf-8").read())
    assert data["as_of"] == "2022-01-04" and data["as_of_from"] == "explicit"
    assert data["sources"][0]["published"] == "2022-01-04"
    assert data["sources"][0]["published_from"] == "as_of"


def test_options_override_config(project, tmp_path, capsys):
    other = tmp_path / "elsewhere"
    assert main(["-c", str(project / "config.yaml"), "build", "--out", str(other), "--lang", "en"]) == 0
    [path] = capsys.readouterr().out.split()
    assert path.startswith(str(other))
    assert json.loads(open(path, encoding="utf-8").read())["language"] == "en"


@pytest.mark.slow
def test_bad_config_exits_2_with_one_line_and_no_traceback(tmp_path):
    cfg = write_config(tmp_path, "title: T\nformats: pdf\n")
    p = run("-c", str(cfg), "build")
    assert p.returncode == 2
    assert p.stderr.strip() == f"error: {cfg}: line 2: Config value 'formats': expected a list, found a string 'pdf'"
    assert "Traceback" not in p.stderr


@pytest.mark.slow
def test_missing_seeds_folder_names_the_key_and_line(tmp_path):
    cfg = write_config(tmp_path, "title: T\nseeds: no-such-folder\n")
    p = run("-c", str(cfg), "build")
    assert p.returncode == 2
    assert p.stderr.strip() == (f"error: {cfg}: line 2: Config value 'seeds': "
                                f"the folder {tmp_path / 'no-such-folder'} does not exist")


@pytest.mark.slow
def test_no_usable_source_exits_1(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_bytes(b"\x00\x01")
    cfg = write_config(tmp_path)
    p = run("-c", str(cfg), "build")
    assert p.returncode == 1
    assert p.stderr.strip().startswith("error: no usable source in ")
    assert "skipped x.txt: binary file" in p.stderr


@pytest.mark.slow
def test_unreadable_seed_is_reported_and_the_others_build(project):
    (project / "seeds" / "broken.txt").write_bytes(b"\x00binary")
    p = run("-c", str(project / "config.yaml"), "build")
    assert p.returncode == 0
    assert p.stderr.strip().splitlines()[0] == "warning: skipped broken.txt: binary file (contains NUL bytes)"
    assert p.stdout.strip().endswith(".json")


@pytest.mark.slow
def test_bad_as_of_and_format_are_usage_errors(project):
    p = run("-c", str(project / "config.yaml"), "build", "--as-of", "next-week")
    assert p.returncode == 2
    assert p.stderr.strip() == "error: --as-of: expected today, latest-source or YYYY-MM-DD, found 'next-week'"
    p = run("-c", str(project / "config.yaml"), "build", "--format", "pdf,rtf")
    assert p.returncode == 2 and "expected formats from json, html, pdf, docx, ics, found 'pdf,rtf'" in p.stderr


@pytest.mark.slow
def test_check_reports_ok():
    p = run("check", cwd=ROOT)
    assert p.returncode == 0 and p.stdout.startswith(str(ROOT / "config.yaml") + ": ok")


@pytest.mark.slow
def test_inspect_json_lists_sentences_and_timexes(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: T\npublished: 2022-01-04\nlanguage: de\n---\n"
                       "Die Minister treffen sich am 12. Januar in Brüssel.\n", encoding="utf-8")
    p = run("inspect", str(article), "--format", "json")
    assert p.returncode == 0, p.stderr
    [report] = json.loads(p.stdout)
    assert report["published"] == "2022-01-04"
    assert report["sentences"][0]["text"] == "Die Minister treffen sich am 12. Januar in Brüssel."
    assert isinstance(report["timexes"], list)


def test_config_option_after_the_subcommand_and_a_title_override(project, capsys):
    code = main(["build", "--config", str(project / "config.yaml"), "--format", "json", "--title", "Lage Ost"])
    assert code == 0
    data = json.loads(open(capsys.readouterr().out.strip(), encoding="utf-8").read())
    assert data["title"] == "Lage Ost"


def test_inspect_of_a_missing_file_is_an_error():
    p = run("inspect", "nofile.txt")
    assert p.returncode == 2 and p.stderr.strip() == "error: no such file: nofile.txt"


def test_check_prints_what_it_validated_with_right_plurals():
    p = run("check", cwd=ROOT)
    lines = p.stdout.splitlines()
    assert any(line.strip().startswith("formats: pdf, docx, json") for line in lines)
    assert any(line.strip().startswith("1 schedule: morning (0 7 * * 1-5, Europe/Berlin)") for line in lines)


def test_every_subcommand_and_option_has_help():
    from briefing.__main__ import parser

    ap = parser()
    sub = next(a for a in ap._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, (name, action.dest)


def test_verbose_shows_briefing_stages_not_library_chatter(project):
    p = run("-c", str(project / "config.yaml"), "-v", "build", "--format", "pdf")
    assert p.returncode == 0
    names = {line.split()[1].rstrip(":") for line in p.stderr.splitlines() if line.startswith("INFO ")}
    assert names and all(n.startswith("briefing") for n in names)
