"""The Streamlit front end as a package: one module per page over one cached Service.

`streamlit run app.py` (or `kg app`) calls main(); pages import nothing heavy at
module level, so the app starts fast and loads the graph once per process.
"""

from kg.app.main import main

__all__ = ["main"]
