"""ETag rules of services/common/concurrency.py as properties: what matches, what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.common.concurrency import (
    InvalidETag,
    check_if_match,
    etag_for,
    etag_matches,
    if_match_tags,
)
from services.common.problems import PreconditionFailed, PreconditionRequired

versions = st.integers(min_value=0, max_value=10**9)


@given(versions, st.lists(versions, max_size=5), st.randoms(use_true_random=False))
def test_a_list_of_quoted_etags_matches_exactly_when_it_names_the_version(current, others, rnd):
    tags = [etag_for(v) for v in others]
    assert etag_matches(", ".join(tags) or "*", current) is (current in others or not others)
    tags.insert(rnd.randint(0, len(tags)), etag_for(current))
    assert etag_matches(",".join(tags), current)


@given(versions, versions)
def test_an_unquoted_or_weak_tag_is_refused_whatever_it_names(sent, current):
    for header in (str(sent), f'W/"{sent}"', f'"{current}", {sent}', f'W/"{current}", "{sent}"'):
        with pytest.raises(InvalidETag) as refused:
            check_if_match(header, current)
        assert refused.value.status == 400
        assert f'"{sent}"' in (refused.value.detail or "") or f'"{current}"' in (
            refused.value.detail or ""
        )


@given(versions, versions.filter(lambda v: v > 0))
def test_a_stale_quoted_tag_is_412_and_a_missing_one_428(current, step):
    with pytest.raises(PreconditionFailed):
        check_if_match(etag_for(current + step), current)
    for missing in (None, "", "   "):
        with pytest.raises(PreconditionRequired):
            check_if_match(missing, current)


def test_empty_list_elements_are_ignored_but_an_empty_list_is_refused():
    assert if_match_tags(' , "3",, ') == frozenset({'"3"'})
    with pytest.raises(InvalidETag):
        if_match_tags(", ,")
