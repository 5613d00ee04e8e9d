"""regkg: Chinese regulations as a citable knowledge graph (see README and docs/architecture.md)."""
