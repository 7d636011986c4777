"""Who is named, and which party each name stands for."""
