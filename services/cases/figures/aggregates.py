"""`figure_month`: the additive key figures per organization and month, kept by triggers.

Every write of a case, consultation, referral or plan version moves its figures in the same
transaction (the triggers below), so no writer can forget them, and district- and state-wide
figures read a few thousand rows instead of millions. Only figures that add up across months
and organizations live here: new cases, cases closed by reason, consultations and their
minutes, plans created and revised, referrals by agency. Persons counselled (distinct cases)
and goals (of each case's latest plan) do not add up; they stay with the per-organization
queries of repository.py.

`RECOUNT_SELECT` is the same figures counted from scratch: the migration fills the table with
it, tests/cases/test_figure_month.py checks the triggers against it after random changes.
"""

from __future__ import annotations

_LOCAL_MONTH = "date_trunc('month', timezone('Europe/Berlin', {col}))::date"
_MONTH = "date_trunc('month', {col})::date"

# (figure, key, month, n, condition) of one row `{r}` of each table
_FIGURES: dict[str, list[tuple[str, str, str, str, str]]] = {
    "client_case": [
        ("'new_cases'", "''", _MONTH.format(col="{r}.opened_on"), "1", "true"),
        (
            "'closed'",
            "coalesce({r}.closing_reason, '')",
            _MONTH.format(col="{r}.closed_on"),
            "1",
            "{r}.status = 'closed' AND {r}.closed_on IS NOT NULL",
        ),
    ],
    "consultation": [
        ("'consultations'", "''", _MONTH.format(col="{r}.held_on"), "1", "true"),
        ("'minutes'", "''", _MONTH.format(col="{r}.held_on"), "{r}.duration_minutes", "true"),
    ],
    "referral": [("'referrals'", "{r}.agency", _MONTH.format(col="{r}.referred_on"), "1", "true")],
    "plan_version": [
        (
            "CASE WHEN {r}.number = 1 THEN 'plans_created' ELSE 'plans_revised' END",
            "''",
            _LOCAL_MONTH.format(col="{r}.created_at"),
            "1",
            "true",
        )
    ],
}
_WATCHED = {
    "client_case": ("org_id", "opened_on", "status", "closed_on", "closing_reason"),
    "consultation": ("org_id", "held_on", "duration_minutes"),
    "referral": ("org_id", "agency", "referred_on"),
    "plan_version": ("org_id", "number", "created_at"),
}
"""The columns the figures of a row depend on: an UPDATE that changes none skips the trigger."""

_ADD = """
CREATE FUNCTION figure_month_add(p_org text, p_case uuid, p_month date, p_figure text,
                                 p_key text, p_n bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO figure_month AS f (org_id, month, figure, key, org_path, n)
    SELECT p_org, p_month, p_figure, p_key,
           coalesce((SELECT c.org_path FROM client_case c WHERE c.id = p_case), '{}'), p_n
    WHERE p_month IS NOT NULL AND p_n <> 0
    ON CONFLICT (org_id, month, figure, key) DO UPDATE SET n = f.n + EXCLUDED.n
$$;
"""


def _case_id(table: str, r: str) -> str:
    return f"{r}.id" if table == "client_case" else f"{r}.case_id"


def _calls(table: str, r: str, sign: str) -> str:
    lines = []
    for figure, key, month, n, condition in _FIGURES[table]:
        args = ", ".join(
            (f"{r}.org_id", _case_id(table, r), month, figure, key, f"{sign}({n})::bigint")
        )
        lines.append(
            f"        IF {condition} THEN PERFORM figure_month_add({args}); END IF;".format(r=r)
        )
    return "\n".join(lines)


def _trigger(table: str) -> list[str]:
    """Per row: the old row's figures out, the new row's in (an UPDATE does both)."""
    old, new = (f"({', '.join(f'{s}.{c}' for c in _WATCHED[table])})" for s in ("OLD", "NEW"))
    function = f"""
CREATE FUNCTION figure_month_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
{_calls(table, "OLD", "-")}
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
{_calls(table, "NEW", "+")}
    END IF;
    RETURN NULL;
END $$"""
    return [
        function,
        f"CREATE TRIGGER figure_month_write AFTER INSERT OR DELETE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION figure_month_{table}()",
        f"CREATE TRIGGER figure_month_change AFTER UPDATE ON {table}"
        f" FOR EACH ROW WHEN ({old} IS DISTINCT FROM {new})"
        f" EXECUTE FUNCTION figure_month_{table}()",
    ]


_CHILD_ORG = """
CREATE FUNCTION case_org_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- a contact or plan carries its case's organization, so figures read one organization's rows
    SELECT c.org_id INTO NEW.org_id FROM client_case c WHERE c.id = NEW.case_id;
    RETURN NEW;
END $$;
"""
CHILDREN = ("consultation", "referral", "plan_version")

TRIGGERS_SQL = [
    _ADD,
    _CHILD_ORG,
    *(
        f"CREATE TRIGGER case_org_id BEFORE INSERT OR UPDATE OF case_id ON {t}"
        " FOR EACH ROW EXECUTE FUNCTION case_org_id()"
        for t in CHILDREN
    ),
    *(part for t in _FIGURES for part in _trigger(t)),
]
"""The statements that create the triggers (one statement each: asyncpg runs no scripts)."""
DROP_TRIGGERS_SQL = [
    *(f"DROP FUNCTION figure_month_{t}() CASCADE" for t in _FIGURES),
    "DROP FUNCTION case_org_id() CASCADE",
    "DROP FUNCTION figure_month_add(text, uuid, date, text, text, bigint)",
]


def _recount_part(table: str) -> str:
    parts = [
        f"SELECT r.org_id, {month} AS month, {figure} AS figure, {key} AS key, "  # noqa: S608
        f"sum({n})::bigint AS n FROM {table} r WHERE {condition} GROUP BY 1, 2, 3, 4".format(r="r")
        for figure, key, month, n, condition in _FIGURES[table]
    ]
    return "\nUNION ALL ".join(parts)


RECOUNT_SELECT = (
    "SELECT org_id, month, figure, key, sum(n)::bigint AS n FROM ("  # noqa: S608 - constants
    + "\nUNION ALL ".join(_recount_part(t) for t in _FIGURES)
    + ") x WHERE month IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0"
)
"""Every figure of `figure_month` counted from the rows themselves (zeros left out)."""

RECOUNT_SQL = [
    "DELETE FROM figure_month",
    f"""INSERT INTO figure_month (org_id, month, figure, key, org_path, n)
    SELECT x.org_id, x.month, x.figure, x.key,
           (SELECT c.org_path FROM client_case c WHERE c.org_id = x.org_id LIMIT 1), x.n
    FROM ({RECOUNT_SELECT}) x""",  # noqa: S608 - constants only
]
"""Fills `figure_month` from scratch (the migration; a bulk load with triggers off)."""

STORED_SELECT = "SELECT org_id, month, figure, key, n FROM figure_month WHERE n <> 0"
"""What the triggers have kept, in `RECOUNT_SELECT`'s shape."""


# Goals of a plan version, kept on the version (cases revision 0006): the key figures count the
# goals of each case's latest plan from the versions alone, without reading every goal of the
# organization (215,000 for the largest) to find the few of the latest versions.
_GOAL_KEYS_OF = """
    SELECT coalesce(array_agg(g.field ORDER BY g.position), '{{}}') AS fields,
           coalesce(array_agg(g.status ORDER BY g.position), '{{}}') AS statuses
    FROM plan_goal g WHERE g.plan_version_id = {version}"""
GOAL_KEYS_SQL = [
    f"""
CREATE FUNCTION plan_goal_keys_of(p_version uuid) RETURNS void LANGUAGE sql AS $$
    UPDATE plan_version v SET goal_fields = k.fields, goal_statuses = k.statuses
    FROM ({_GOAL_KEYS_OF.format(version="p_version")}) k
    WHERE v.id = p_version
$$""",  # noqa: S608 - constants only
    """
CREATE FUNCTION plan_goal_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM plan_goal_keys_of(OLD.plan_version_id); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM plan_goal_keys_of(NEW.plan_version_id); END IF;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER plan_goal_keys_write AFTER INSERT OR DELETE ON plan_goal"
    " FOR EACH ROW EXECUTE FUNCTION plan_goal_keys()",
    "CREATE TRIGGER plan_goal_keys_change AFTER UPDATE OF plan_version_id, position, field, status"
    " ON plan_goal FOR EACH ROW EXECUTE FUNCTION plan_goal_keys()",
]
"""The statements that keep `plan_version.goal_fields` / `goal_statuses` (one each)."""
DROP_GOAL_KEYS_SQL = [
    "DROP FUNCTION plan_goal_keys() CASCADE",
    "DROP FUNCTION plan_goal_keys_of(uuid)",
]
GOAL_KEYS_RECOUNT_SELECT = (
    "SELECT v.id, k.fields, k.statuses FROM plan_version v"  # noqa: S608 - constants
    f" CROSS JOIN LATERAL ({_GOAL_KEYS_OF.format(version='v.id')}) k"
)
"""Every version's goals counted from `plan_goal`, in the shape of `GOAL_KEYS_STORED_SELECT`."""
GOAL_KEYS_STORED_SELECT = "SELECT id, goal_fields, goal_statuses FROM plan_version"
GOAL_KEYS_RECOUNT_SQL = """
UPDATE plan_version v SET goal_fields = r.fields, goal_statuses = r.statuses
FROM (SELECT plan_version_id AS id, array_agg(field ORDER BY position) AS fields,
             array_agg(status ORDER BY position) AS statuses
      FROM plan_goal GROUP BY 1) r
WHERE r.id = v.id"""
"""Fills the goal columns of versions that have goals, the others keeping their default `{}`
(the migration that adds the columns; a bulk load with the triggers off)."""
