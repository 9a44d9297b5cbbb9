"""docs/deployment.md's SQLite backup, run as written: it copies a database in WAL mode while another
connection has it open, including what is still only in the write-ahead log (a plain file copy would
miss it), and the copy opens as a whole database."""

import re
import sqlite3
import subprocess
import sys

from tests.live import ROOT


def documented_backup_command() -> str:
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    found = re.search(r'^python -c "(import sqlite3;.*\.backup\(.*)"$', text, re.M)
    assert found, "docs/deployment.md shows the SQLite backup in Python"
    return found.group(1)


def test_the_documented_sqlite_backup_copies_a_live_wal_database(tmp_path):
    live = sqlite3.connect(tmp_path / "outcomes.sqlite3")
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")  # keep the rows in the log, as a busy server does
    live.execute("CREATE TABLE plans (name TEXT)")
    live.executemany("INSERT INTO plans VALUES (?)", [(f"plan {n}",) for n in range(500)])
    live.commit()
    assert (tmp_path / "outcomes.sqlite3-wal").stat().st_size > 0

    (tmp_path / "backup").mkdir()
    code = documented_backup_command().replace("/backup/", str(tmp_path / "backup") + "/")
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, timeout=60)
    live.close()

    copy = sqlite3.connect(tmp_path / "backup" / "outcomes.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM plans").fetchone() == (500,)
