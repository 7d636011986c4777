"""Running jobs on a schedule, in three rooms with one job each.

- ``runs.py``: the run state machine, claim -> build -> deliver -> finish (``states.py`` names the states)
- ``ledger.py``: the store, SQL only (SQLAlchemy); ``state_folder.py``: the run's files and locks
- ``tables.py``: what `briefing jobs`, `history` and `run` print

``service.py`` wires APScheduler to ``runs.scheduled_run``; ``build_process.py`` is the default
executor of a build (a child process with a time limit); ``celery_runs.py`` queues runs for
`briefing worker` processes instead (``executor: celery``), through the same state machine.
"""
