"""The invariants of issue 11 as SQL over the funding database, checked in one round trip:
each query lists what breaks one invariant (empty when it holds)."""

from __future__ import annotations

from sqlalchemy import func, literal, select, text, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.tables import audit_entry, outbox_event

BUDGET_EXCEEDED = """
SELECT p.id FROM programme p
 WHERE p.booked_amount > p.total_budget
    OR p.booked_amount <> (SELECT coalesce(sum(a.granted_amount), 0) FROM application a
                            WHERE a.programme_id = p.id
                              AND a.state IN ('approved', 'partially_approved'))
"""
FRAME_EXCEEDED = """
SELECT f.ags, f.amount, sum(h.amount) FROM planning_frame f
  JOIN frame_hold h ON h.programme_id = f.programme_id AND h.ags = f.ags
 GROUP BY f.programme_id, f.ags, f.amount HAVING sum(h.amount) > f.amount
"""
HOLDS_WRONG = """
SELECT a.id, a.state, a.requested_amount, a.granted_amount, sum(h.amount) FROM application a
  LEFT JOIN frame_hold h ON h.application_id = a.id
 GROUP BY a.id
HAVING coalesce(sum(h.amount), 0) <> CASE
         WHEN a.state IN ('submitted', 'forwarded') THEN a.requested_amount
         WHEN a.state IN ('approved', 'partially_approved') THEN a.granted_amount
         ELSE 0 END
"""
UNACCEPTED_COUNTS = """
SELECT c.id, m.ags, m.state FROM consortium c JOIN consortium_member m ON m.consortium_id = c.id
 WHERE c.state = 'active' AND m.state = 'invited'
UNION ALL
SELECT h.consortium_id, h.ags, coalesce(m.state, 'none') FROM frame_hold h
  JOIN consortium c ON c.id = h.consortium_id
  LEFT JOIN consortium_member m ON m.consortium_id = h.consortium_id AND m.ags = h.ags
 WHERE c.state <> 'active' OR m.state IS DISTINCT FROM 'accepted'
"""
NOTICES_WRONG = """
SELECT a.id FROM application a
 WHERE a.state IN ('approved', 'partially_approved')
   AND (a.notice_number IS NULL
        OR (SELECT count(*) FROM application_transition t
             WHERE t.application_id = a.id AND t.notice_number IS NOT NULL) <> 1)
"""


ACCEPTED_TWICE = """
SELECT programme_id, ags FROM consortium_member WHERE state = 'accepted'
 GROUP BY programme_id, ags HAVING count(*) > 1
"""
CHECKS = {
    "booked within budget, equal to the grants": BUDGET_EXCEEDED,
    "held within every frame": FRAME_EXCEEDED,
    "holds equal the open or granted amounts": HOLDS_WRONG,
    "no consortium counts an unaccepted member": UNACCEPTED_COUNTS,
    "one notice per approved application": NOTICES_WRONG,
    "one accepted consortium per municipality and programme": ACCEPTED_TWICE,
}
ALL_CHECKS = union_all(
    *(
        select(literal(name).label("broken"), func.count().label("n")).select_from(
            text(sql).columns().subquery()
        )
        for name, sql in CHECKS.items()
    ),
    select(literal("events"), func.count()).select_from(outbox_event),
    select(literal("audits"), func.count()).select_from(audit_entry),
)


async def check(conn: AsyncConnection) -> tuple[list[str], int, int]:
    """Every invariant in one round trip: the broken ones, and the event and audit counts."""
    counts = {row.broken: int(row.n) for row in await conn.execute(ALL_CHECKS)}
    events, audits = counts.pop("events"), counts.pop("audits")
    return [name for name, n in counts.items() if n], events, audits
