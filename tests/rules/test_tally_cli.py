"""``daihoi tally``: the JSON contract of issue 3, its exit statuses and its one-line errors."""
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from daihoi.rules.tally_json import main

EXAMPLE = {
    "seats": 3,
    "candidates": [
        {"id": "a", "name": "Nguyễn Văn An"}, {"id": "b", "name": "Trần Thị Bình"},
        {"id": "c", "name": "Lê Văn Cường"}, {"id": "d", "name": "Phạm Thị Dung"},
    ],
    "form": "strike",
    "electorate": {"kind": "members", "summoned": 30,
                   "excluded": {"attached_elsewhere": 1, "excused_absent": 2, "suspended": 0,
                                "prosecuted_or_detained": 0, "absent_with_accepted_reason": 1}},
    "issued": 25,
    "collected": 25,
    "totals": {"valid": 25, "invalid": 0, "votes": {"a": 20, "b": 14, "c": 13, "d": 9}},
}


def with_changes(**changes):
    document = copy.deepcopy(EXAMPLE)
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return document


def test_worked_example_prints_the_contract_output(tally):
    status, output, error = tally(EXAMPLE)
    assert (status, error) == (0, "")
    assert output == {
        "denominator": 26, "threshold": 14, "seats": 3, "status": "unfilled",
        "ballots": {"issued": 25, "collected": 25, "valid": 25, "invalid": 0,
                    "invalid_reasons": {"not_issued": 0, "too_many_names": 0, "all_struck": 0,
                                        "write_in": 0, "extra_content": 0, "signed": 0,
                                        "both_or_neither": 0}},
        "candidates": [
            {"id": "a", "name": "Nguyễn Văn An", "votes": 20, "percent": "76.92", "elected": True},
            {"id": "b", "name": "Trần Thị Bình", "votes": 14, "percent": "53.85", "elected": True},
            {"id": "c", "name": "Lê Văn Cường", "votes": 13, "percent": "50.00", "elected": False},
            {"id": "d", "name": "Phạm Thị Dung", "votes": 9, "percent": "34.62", "elected": False},
        ],
        "elected": ["a", "b"], "unfilled": 1, "tie": None,
    }


def test_ballot_records_are_validated_and_counted(tally):
    ballots = [{"struck": ["d"]}] * 14 + [{"struck": ["c"]}] * 6 + [
        {"struck": []}, {"struck": ["a", "b", "c", "d"]}, {"struck": ["d"], "flags": ["signed"]},
    ]
    status, output, _ = tally(with_changes(totals=None, collected=None, ballots=ballots, issued=23))
    assert status == 0
    assert output["ballots"]["valid"] == 20 and output["ballots"]["invalid"] == 3
    assert [c["votes"] for c in output["candidates"]] == [20, 20, 14, 6]
    assert output["elected"] == ["a", "b", "c"] and output["status"] == "complete"


def test_tie_is_reported_with_its_candidates_and_seats(tally):
    totals = {"valid": 20, "invalid": 0, "votes": {"a": 18, "b": 15, "c": 12, "d": 12}}
    electorate = {"kind": "members", "summoned": 20}
    status, output, _ = tally(with_changes(totals=totals, electorate=electorate, collected=None, issued=None))
    assert status == 0
    assert (output["status"], output["elected"], output["unfilled"]) == ("tie", ["a", "b"], 1)
    assert output["tie"] == {"candidates": ["c", "d"], "seats": 1}


def test_form_defaults_to_approve_for_a_single_name_and_hand_counts_keep_their_reasons(tally):
    document = {
        "seats": 1, "candidates": [{"id": "a", "name": "Nguyễn Văn An"}],
        "electorate": {"kind": "delegates", "summoned": 28,
                       "excluded": {"committee_absent": 1, "delegates_absent_unreplaced": 1}},
        "ballots": [{"marks": {"a": "agree"}}] * 15 + [{"marks": {"a": "disagree"}}] * 7
        + [{"marks": {"a": "both"}}] * 2 + [{"marks": {}}],
    }
    status, output, _ = tally(document)
    assert status == 0 and output["denominator"] == 26
    assert output["candidates"][0]["percent"] == "57.69" and output["elected"] == ["a"]
    assert output["ballots"]["invalid_reasons"]["both_or_neither"] == 3


def test_void_round_elects_nobody(tally):
    status, output, _ = tally(with_changes(issued=24))
    assert status == 0
    assert (output["status"], output["elected"], output["unfilled"]) == ("void", [], 3)


@pytest.mark.parametrize(("changes", "field"), [
    ({"candidates": EXAMPLE["candidates"] + [{"id": "a", "name": "X"}]}, "candidates[4].id"),
    ({"totals": None, "ballots": [{"struck": ["z"]}], "collected": None}, "ballots[0].struck[0]"),
    ({"totals": None, "ballots": [{"struck": ["a", "a"]}], "collected": None}, "ballots[0].struck[1]"),
    ({"totals": None, "ballots": [{"struck": ["a"], "flags": ["torn"]}], "collected": None}, "ballots[0].flags[0]"),
    ({"totals": None, "ballots": [{"marks": {"a": "agree"}}], "collected": None}, "ballots[0].marks"),
    ({"totals": None, "ballots": [{"struck": []}] * 3}, "collected"),
    ({"collected": 24}, "collected"),
    ({"issued": -1}, "issued"),
    ({"seats": "3"}, "seats"),
    ({"seats": True}, "seats"),
    ({"seats": 3.0}, "seats"),
    ({"seats": 10**400}, "seats"),
    ({"seats": 0}, "seats"),
    ({"seats": None}, "seats"),
    ({"candidates": []}, "candidates"),
    ({"candidates": [{"id": "a"}]}, "candidates[0].name"),
    ({"form": "approve"}, "form"),
    ({"form": "tick"}, "form"),
    ({"electorate": {"kind": "members", "summoned": 3, "excluded": {"suspended": 3}}}, "electorate"),
    ({"electorate": {"kind": "voters", "summoned": 3}}, "electorate.kind"),
    ({"electorate": {"kind": "members", "summoned": 3, "excluded": {"committee_absent": 1}}},
     "electorate.excluded.committee_absent"),
    ({"electorate": {"kind": "members", "summoned": 30, "excluded": {"suspended": -1}}},
     "electorate.excluded.suspended"),
    ({"ballots": [{"struck": ["d"]}]}, "ballots"),
    ({"totals": None}, "ballots"),
    ({"totals": {"valid": 25, "invalid": 0, "votes": {"z": 1}}}, "totals.votes.z"),
    ({"totals": {"valid": 25, "invalid": 0, "votes": {"a": -1}}}, "totals.votes.a"),
    ({"totals": {"valid": 25, "invalid": 0, "votes": {"a": 26}}}, "totals.votes.a"),
    ({"totals": {"valid": 25, "invalid": 0}}, "totals.votes"),
    ({"totals": {"valid": 24, "invalid": 1, "votes": {}, "invalid_reasons": {"torn": 1}}},
     "totals.invalid_reasons.torn"),
    ({"totals": {"valid": 24, "invalid": 1, "votes": {}, "invalid_reasons": {"signed": 2}}},
     "totals.invalid_reasons"),
])
def test_contradictory_or_malformed_input_exits_2_naming_the_field(tally, changes, field):
    status, output, error = tally(with_changes(**changes))
    assert (status, output) == (2, None)
    assert error.startswith(f"daihoi tally: {field}: ")
    assert error.count("\n") == 1 and "Traceback" not in error


@pytest.mark.parametrize("text", ["", "[1", "[]", "null", "3", '"x"', "[" * 100_000, "NaN", '{"seats": 1e999}'])
def test_input_that_is_not_a_json_object_exits_2(tally, text):
    status, _, error = tally(text)
    assert status == 2 and error.startswith("daihoi tally: ")
    assert error.count("\n") == 1


def test_field_names_with_line_breaks_stay_on_one_line(tally):
    status, _, error = tally(with_changes(totals={"valid": 1, "invalid": 0, "votes": {"x\ny\u2028": 1}}))
    assert status == 2 and error.count("\n") == 1


def test_file_argument_is_read_and_a_missing_file_or_no_argument_exits_2(tmp_path, capsys):
    path = tmp_path / "round.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    assert main([str(path)], sys.stdin, sys.stdout, sys.stderr) == 0
    assert json.loads(capsys.readouterr().out)["elected"] == ["a", "b"]
    assert main([str(tmp_path / "missing.json")], sys.stdin, sys.stdout, sys.stderr) == 2
    assert main([], sys.stdin, sys.stdout, sys.stderr) == 2
    assert capsys.readouterr().err.count("\n") == 2


def test_python_dash_m_runs_the_command_and_prints_vietnamese_unescaped(tmp_path):
    path = tmp_path / "round.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "daihoi.rules.tally_json", str(path)],
        capture_output=True, check=False, env={"PYTHONIOENCODING": "ascii", "PATH": ""},
        cwd=Path(__file__).parents[2],
    )
    assert run.returncode == 0
    assert "Nguyễn Văn An" in run.stdout.decode("utf-8")
