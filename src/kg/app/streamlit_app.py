"""The script `kg app` hands to `streamlit run` (the repository's app.py does the same)."""

from kg.app import main

main()
