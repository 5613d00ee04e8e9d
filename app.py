"""Streamlit front end: `streamlit run app.py`. All page logic lives in kg.ui."""

from kg.ui import main

main()
