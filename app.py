"""Streamlit front end: `streamlit run app.py`. All page logic lives in kg.app."""

from kg.app import main

main()
