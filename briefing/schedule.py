"""APScheduler wiring (work in progress): every job calls build()."""
