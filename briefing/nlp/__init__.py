"""Reading articles: segmentation, temporal expressions, actors, quotes, positions, meetings."""
