"""Properties that must hold for every round (hypothesis): issue 3's acceptance criteria."""
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from daihoi.rules.ballots import FLAGS, MARKS, ApproveBallot, StrikeBallot
from daihoi.rules.counting import Candidate, Round, count_round

IDS = "abcdefgh"


@st.composite
def rounds(draw):
    """A round with its ballot records: strike ballots when the list has margin, else approve."""
    names = draw(st.integers(1, len(IDS)))
    seats = draw(st.integers(1, names + 1))
    ids = IDS[:names]
    flags = st.one_of(st.just([]), st.lists(st.sampled_from(FLAGS), max_size=2))
    if names > seats:
        ballot = st.builds(StrikeBallot, st.frozensets(st.sampled_from(ids)), flags.map(frozenset))
    else:
        marks = st.dictionaries(st.sampled_from(ids), st.sampled_from(MARKS))
        ballot = st.builds(ApproveBallot.of, marks, flags)
    ballots = draw(st.lists(ballot, max_size=40))
    denominator = draw(st.integers(max(1, len(ballots) // 2), len(ballots) + 5))
    issued = draw(st.one_of(st.none(), st.integers(max(0, len(ballots) - 2), len(ballots) + 2)))
    candidates = tuple(Candidate(cid, cid.upper()) for cid in ids)
    return Round(seats, candidates, denominator, issued=issued), ballots


def votes_of(result):
    return {c.id: c.votes for c in result.candidates}


@given(rounds())
def test_never_more_elected_than_seats(case):
    round_, ballots = case
    result = count_round(round_, ballots)
    assert len(result.elected) <= round_.seats
    assert result.unfilled == round_.seats - len(result.elected)


@given(rounds())
def test_every_elected_candidate_has_more_than_half_of_d(case):
    round_, ballots = case
    result = count_round(round_, ballots)
    votes = votes_of(result)
    assert all(2 * votes[cid] > result.denominator for cid in result.elected)
    assert [votes[cid] for cid in result.elected] == sorted((votes[cid] for cid in result.elected), reverse=True)


@given(rounds())
def test_nobody_outside_elected_and_tie_beats_an_elected_candidate(case):
    round_, ballots = case
    result = count_round(round_, ballots)
    votes = votes_of(result)
    tied = set(result.tie.candidates) if result.tie else set()
    others = [votes[c] for c in votes if c not in result.elected and c not in tied]
    assert all(n <= votes[e] for n in others for e in result.elected)


@given(rounds())
def test_a_tie_is_between_equal_counts_above_half_none_of_them_elected(case):
    round_, ballots = case
    result = count_round(round_, ballots)
    if result.tie is not None:
        votes = votes_of(result)
        counts = {votes[cid] for cid in result.tie.candidates}
        assert len(counts) == 1 and 2 * counts.pop() > result.denominator
        assert len(result.tie.candidates) > result.tie.seats >= 1
        assert not set(result.tie.candidates) & set(result.elected)


@given(rounds(), st.randoms(use_true_random=False))
def test_shuffling_the_ballots_changes_nothing(case, rng):
    round_, ballots = case
    shuffled = list(ballots)
    rng.shuffle(shuffled)
    assert count_round(round_, shuffled) == count_round(round_, ballots)


def as_document(round_, ballots):
    def record(ballot):
        if isinstance(ballot, StrikeBallot):
            return {"struck": sorted(ballot.struck), "flags": sorted(ballot.flags)}
        return {"marks": dict(ballot.marks), "flags": sorted(ballot.flags)}

    return {
        "seats": round_.seats,
        "candidates": [{"id": c.id, "name": c.name} for c in round_.candidates],
        "electorate": {"kind": "members", "summoned": round_.denominator},
        "issued": round_.issued,
        "ballots": [record(b) for b in ballots],
    }


@given(rounds())
def test_ballots_form_and_equivalent_totals_form_give_the_same_result(tally, case):
    round_, ballots = case
    document = as_document(round_, ballots)
    status, from_ballots, _ = tally(document)
    assert status == 0
    counts = from_ballots["ballots"]
    document.pop("ballots")
    document["totals"] = {
        "valid": counts["valid"], "invalid": counts["invalid"],
        "votes": {c["id"]: c["votes"] for c in from_ballots["candidates"]},
        "invalid_reasons": counts["invalid_reasons"],
    }
    assert tally(document) == (0, from_ballots, "")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5)
    | st.sampled_from(["a", "b", "strike", "approve", "members", "delegates", "agree", "signed"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["seats", "candidates", "id", "name", "form", "electorate", "kind",
                         "summoned", "excluded", "issued", "collected", "ballots", "struck",
                         "marks", "flags", "totals", "valid", "invalid", "votes", "a", "b"]),
        inner, max_size=6),
    max_leaves=30,
)


def assert_exits_cleanly(tally, document):
    status, output, error = tally(document)
    assert status in (0, 2)
    if status == 2:
        assert error.startswith("daihoi tally: ") and error.count("\n") == 1
    else:
        assert output is not None and error == ""


@settings(max_examples=300)
@given(json_values)
def test_tally_never_raises_on_arbitrary_json(tally, document):
    assert_exits_cleanly(tally, document)


@settings(max_examples=300)
@given(rounds(), st.data())
def test_tally_never_raises_when_one_field_of_a_valid_document_is_replaced(tally, case, data):
    document = as_document(*case)
    path = [document]
    node = document
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    parent = document
    for key in path[1:-1]:
        parent = parent[key]
    if len(path) > 1:
        parent[path[-1]] = data.draw(json_values)
    assert_exits_cleanly(tally, document)


def test_grouping_identical_ballots_gives_the_same_counts_as_one_by_one(round_of):
    rng = random.Random(3)
    round_ = round_of(3, "abcde", 50)
    ballots = [StrikeBallot(frozenset(rng.sample("abcde", rng.randint(0, 5)))) for _ in range(200)]
    result = count_round(round_, ballots)
    valid = [b for b in ballots if 2 <= len(b.struck) <= 4]
    assert result.ballots.valid == len(valid)
    assert [c.votes for c in result.candidates] == [sum(cid not in b.struck for b in valid) for cid in "abcde"]
