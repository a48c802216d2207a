"""One behaviour for every CSV and JSON Lines import (ADR 0013).

`upload` reads the file (multipart part `file`, or the raw body) and the commit `mode`;
`text` decodes it as spreadsheet programs save it; `csvfile` splits it into numbered rows;
`german` reads German numbers and dates; `outcome` collects the per-line errors (their shape
is in `services.common.import_lines`) and decides whether the import may commit.
"""
