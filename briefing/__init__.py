"""briefing: news articles in, a structured diplomatic briefing out (PDF, DOCX, JSON)."""

__version__ = "0.1.0"
