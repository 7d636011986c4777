"""Running jobs on a schedule: the APScheduler service, one run's stages, the build process, the run ledger."""
