"""attache: answers about foreign policy from news articles, every sentence cited verbatim.

    from assistant import Assistant
    a = Assistant.open(store="~/attache-store")
    answer = a.ask("What did Xi and Putin pledge about Iran?")
"""
from .core import Assistant
from .models import Answer, Citation, Passage

__all__ = ["Assistant", "Answer", "Citation", "Passage"]
