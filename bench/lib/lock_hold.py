#!/usr/bin/env python3
"""How long a booking holds the event row, from a PostgreSQL log written with
log_min_duration_statement = 0 (every statement with its duration, one backend per [pid]).

For each transaction that locked an event row (SELECT ... FROM events ... FOR UPDATE) it measures
the time from that statement's end to the COMMIT's end, the number of statements in between and
how much of that time PostgreSQL itself spent executing them; the rest is the round trips and
the application's own work while the lock is held. Usage: lock_hold.py LOGFILE [DBNAME]
"""
import re
import statistics
import sys
from datetime import datetime

LINE = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) UTC \[(\d+)\] \S+@(\S+) LOG:  duration: ([\d.]+) ms  (\w+)(?: [^:]*)?: (.*)$"
)


def main(path, db):
    open_tx = {}
    holds = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if not m or m.group(3) != db:
                continue
            stamp, pid, _, duration, phase, sql = m.groups()
            if phase not in ("execute", "statement"):
                continue
            t = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp()
            ms = float(duration)
            if "FROM events" in sql and "FOR UPDATE" in sql:
                open_tx[pid] = {"start": t, "db_ms": 0.0, "statements": 0}
            elif pid in open_tx:
                tx = open_tx[pid]
                tx["db_ms"] += ms
                tx["statements"] += 1
                if sql.strip().rstrip(";").upper() in ("COMMIT", "ROLLBACK"):
                    holds.append(((t - tx["start"]) * 1000, tx["db_ms"], tx["statements"]))
                    del open_tx[pid]
    if not holds:
        print("no locking transactions found")
        return
    walls = [h[0] for h in holds]
    print(f"{len(holds)} transactions holding an event row")
    print(f"held: mean {statistics.mean(walls):.1f} ms, median {statistics.median(walls):.1f} ms, "
          f"p90 {sorted(walls)[int(len(walls) * 0.9)]:.1f} ms")
    print(f"statements while held (after the lock, COMMIT included): "
          f"{statistics.mean(h[2] for h in holds):.1f}")
    print(f"of which PostgreSQL executing: mean {statistics.mean(h[1] for h in holds):.2f} ms")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "boxoffice_bench")
