"""An announced round is sealed: its round file (the ``daihoi tally`` input, the announced result)
and a SHA-256 fingerprint. The file downloads from the round; ``daihoi verify`` counts it again
and checks the fingerprint (exit 0), names what differs (exit 1) or refuses an unreadable file
(exit 2); ``daihoi tally`` accepts its input as it is. A recount keeps the earlier seal."""
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from daihoi.audit.models import RoundSeal
from daihoi.rules import tally_json
from daihoi.rules.integrity import fingerprint


def _verify(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify", str(path), stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue() + err.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def round_file(announced_round: int, client: Any, tmp_path: Path) -> Path:
    round_id = announced_round
    response = client.get(f"/nhat-ky/lan-bau/{round_id}.json")
    assert response.status_code == 200
    path = tmp_path / "lan-bau.json"
    path.write_bytes(response.content)
    return path


def test_an_exported_round_verifies(round_file: Path) -> None:
    status, output = _verify(round_file)
    assert status == 0 and output.startswith("OK")
    document = json.loads(round_file.read_text())
    assert document["fingerprint"] == fingerprint({"input": document["input"], "result": document["result"]})
    assert document["result"]["ballots"]["collected"] == 6


def test_daihoi_tally_counts_the_file_input_to_the_announced_result(round_file: Path, tmp_path: Path) -> None:
    document = json.loads(round_file.read_text())
    (tmp_path / "input.json").write_text(json.dumps(document["input"]))
    out = io.StringIO()
    assert tally_json.main([str(tmp_path / "input.json")], io.StringIO(), out, io.StringIO()) == 0
    assert json.loads(out.getvalue()) == document["result"]


def test_a_changed_result_or_ballot_is_named(round_file: Path) -> None:
    document = json.loads(round_file.read_text())
    document["result"]["candidates"][0]["votes"] += 1
    round_file.write_text(json.dumps(document))
    status, output = _verify(round_file)
    assert status == 1 and "result.candidates" in output and "fingerprint" in output
    document = json.loads(round_file.read_text())
    document["input"]["ballots"].pop()
    round_file.write_text(json.dumps(document))
    assert _verify(round_file)[0] in (1, 2)


def test_an_unreadable_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json")
    assert _verify(tmp_path / "x.json")[0] == 2
    (tmp_path / "y.json").write_text("[]")
    assert _verify(tmp_path / "y.json")[0] == 2


def test_a_recount_keeps_the_earlier_seal(round_file: Path, world: Any, client: Any) -> None:
    round_id = world.a.kwargs["round_id"]
    client.post(f"/bau-cu/lan-bau/{round_id}/recount/", {"reason": "Kiểm tra lại"})
    client.post(f"/bau-cu/lan-bau/{round_id}/lock/")
    seals = RoundSeal.objects.filter(round_id=round_id)
    assert seals.count() == 2 and len({s.fingerprint for s in seals}) == 1


def test_the_round_file_of_an_open_round_is_not_found(world: Any, client: Any) -> None:
    client.force_login(world.users["ward"])
    assert client.get(f"/nhat-ky/lan-bau/{world.a.kwargs['round_id']}.json").status_code == 404


def test_an_announced_round_is_sealed_and_takes_no_more_entries(announced_round: int, client: Any) -> None:
    assert RoundSeal.objects.filter(round_id=announced_round).count() == 1
    response = client.post(f"/bau-cu/lan-bau/{announced_round}/may/1/phieu/",
                           json.dumps({"number": 1, "rows": "1", "flags": ""}), content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]


def test_the_counting_minutes_print_the_seal_of_the_announced_round(announced_round: int, world: Any) -> None:
    """The fingerprint is printed on the counting minutes (.docx, and so the PDF made from it),
    so that the paper signed in the hall names the round file anyone can verify."""
    from docx import Document

    from daihoi.documents import bundle
    from daihoi.documents import selectors as documents
    from daihoi.elections.models import Round

    congress = Round.objects.select_related("election__congress__branch__party_committee").get(
        pk=announced_round).election.congress
    seal = RoundSeal.objects.get(round_id=announced_round)
    minutes = [e for e in documents.congress_documents(congress) if e.kind == "counting_minutes"]
    assert len(minutes) == 1
    docx = bundle.render_entry(minutes[0], congress.branch.party_committee)
    text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    assert f"Dấu vân tay SHA-256 của lần bầu (đối chiếu tệp lần bầu bằng lệnh daihoi verify): {seal.fingerprint}" in text
