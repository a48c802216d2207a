"""Fault drills (`make drills`): kill what production loses, then count what survived.

Not collected by pytest (no `test_` modules): run with `python -m tests.drills`. Each drill
starts its own private PostgreSQL cluster(s) from the installed binaries, the services and
nginx on free loopback ports, and stops all of it afterwards, on failure and Ctrl-C too.
The shared server on 127.0.0.1:5432 is never used.
"""
