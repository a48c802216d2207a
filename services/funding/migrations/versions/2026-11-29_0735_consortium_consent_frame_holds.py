"""consortia by consent, frame holds

Consortium members get a state (invited until they accept); a municipality accepts at most one
consortium per programme (a partial unique index; an invitation blocks nothing). `frame_hold`
records each submitted application's share of every frame it draws on.

Existing data: a member of a consortium with an application beyond the draft counts as having
accepted (it applied through it); other members are invited and must accept. Applications
already submitted, forwarded or approved hold their amounts from this revision on.
"""

import sqlalchemy as sa
from alembic import op

from services.common import migration_columns as col

revision = "0003_consent_frame_holds"
down_revision = "0002_funding_tables"

_ACCEPT_EXISTING = """
UPDATE consortium_member AS m SET state = 'accepted'
 WHERE m.ags = (SELECT c.lead_ags FROM consortium c WHERE c.id = m.consortium_id)
    OR EXISTS (SELECT 1 FROM application a
                WHERE a.consortium_id = m.consortium_id AND a.state IN ('submitted', 'forwarded', 'approved', 'partially_approved'))
"""
_ACTIVATE_EXISTING = """
UPDATE consortium AS c SET state = 'active'
 WHERE NOT EXISTS (SELECT 1 FROM consortium_member m
                    WHERE m.consortium_id = c.id AND m.state <> 'accepted')
"""
# shares in proportion to the frames, truncated to cents; the first member takes the remainder
_HOLD_EXISTING = """
INSERT INTO frame_hold (application_id, ags, programme_id, consortium_id, amount)
SELECT id, ags, programme_id, consortium_id,
       share + CASE WHEN rn = 1 THEN held - sum(share) OVER (PARTITION BY id) ELSE 0 END
  FROM (SELECT a.id, m.ags, a.programme_id, a.consortium_id, a.held,
               trunc(a.held * f.amount / NULLIF(sum(f.amount) OVER (PARTITION BY a.id), 0), 2)
                 AS share,
               row_number() OVER (PARTITION BY a.id ORDER BY m.ags) AS rn
          FROM (SELECT id, programme_id, consortium_id,
                       CASE WHEN state IN ('approved', 'partially_approved')
                            THEN coalesce(granted_amount, requested_amount)
                            ELSE requested_amount END AS held,
                       CASE WHEN cardinality(member_ags) > 0 THEN member_ags
                            ELSE ARRAY[applicant_ags] END AS draw
                  FROM application WHERE state IN ('submitted', 'forwarded', 'approved', 'partially_approved')) AS a
          CROSS JOIN LATERAL unnest(a.draw) AS m(ags)
          JOIN planning_frame f ON f.programme_id = a.programme_id AND f.ags = m.ags) AS s
 WHERE share IS NOT NULL
"""


def upgrade() -> None:
    op.add_column(
        "consortium", sa.Column("state", sa.Text(), server_default="forming", nullable=False)
    )
    op.add_column("consortium", col.version())
    op.create_check_constraint(
        op.f("ck_consortium_state"), "consortium", "state IN ('forming', 'active', 'dissolved')"
    )
    op.add_column(
        "consortium_member",
        sa.Column("state", sa.Text(), server_default="invited", nullable=False),
    )
    op.add_column(
        "consortium_member",
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_check_constraint(
        op.f("ck_consortium_member_state"),
        "consortium_member",
        "state IN ('invited', 'accepted', 'declined', 'left', 'dissolved')",
    )
    op.execute(_ACCEPT_EXISTING)
    op.execute(_ACTIVATE_EXISTING)
    op.alter_column("consortium", "state", server_default=None)
    op.alter_column("consortium_member", "state", server_default=None)
    op.drop_constraint("uq_consortium_member_programme_ags", "consortium_member", type_="unique")
    op.create_index(
        "uq_consortium_member_accepted",
        "consortium_member",
        ["programme_id", "ags"],
        unique=True,
        postgresql_where=sa.text("state = 'accepted'"),
    )
    op.create_table(
        "frame_hold",
        *col.reference("frame_hold", "application_id", "application", ondelete="CASCADE"),
        *col.texts("ags"),
        *col.reference("frame_hold", "programme_id", "programme"),
        *col.money("amount"),
        *col.reference("frame_hold", "consortium_id", "consortium", nullable=True),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_frame_hold_amount")),
        col.pk("frame_hold", "application_id", "ags"),
    )
    op.create_index("ix_frame_hold_programme_ags", "frame_hold", ["programme_id", "ags"])
    op.create_index(op.f("ix_frame_hold_consortium_id"), "frame_hold", ["consortium_id"])
    op.execute(_HOLD_EXISTING)


def downgrade() -> None:
    op.drop_index(op.f("ix_frame_hold_consortium_id"), table_name="frame_hold")
    op.drop_index("ix_frame_hold_programme_ags", table_name="frame_hold")
    op.drop_table("frame_hold")
    op.drop_index("uq_consortium_member_accepted", table_name="consortium_member")
    op.execute("DELETE FROM consortium_member WHERE state <> 'accepted'")
    op.create_unique_constraint(
        "uq_consortium_member_programme_ags", "consortium_member", ["programme_id", "ags"]
    )
    op.drop_constraint(op.f("ck_consortium_member_state"), "consortium_member", type_="check")
    op.drop_column("consortium_member", "responded_at")
    op.drop_column("consortium_member", "state")
    op.drop_constraint(op.f("ck_consortium_state"), "consortium", type_="check")
    op.drop_column("consortium", "version")
    op.drop_column("consortium", "state")
