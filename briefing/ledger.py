"""The run ledger (work in progress)."""
