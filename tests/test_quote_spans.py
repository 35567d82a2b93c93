"""The span a citation quotes: a quotation it opens is followed to its close, never one it closes."""
from assistant.attribution import closed_quote


def test_a_straight_mark_closing_a_quotation_opened_before_the_span_opens_nothing():
    # Globes: Netanyahu's 'The below-ground barrier ... saved many lives."' ran on into Gantz's quotation
    text = ('Netanyahu said that "Any time they tried, they failed. The barrier has saved many lives." '
            'Then-Minister of Defense Benny Gantz said, "The barrier is a project. It provides security."')
    start, end = text.find("The barrier has"), text.find('lives."') + len('lives."')
    assert text[slice(*closed_quote(text, start, end))] == 'The barrier has saved many lives."'
    # a quotation the span opens is still followed to its close
    start, end = text.find('"The barrier is'), text.find("project.") + len("project.")
    assert text[slice(*closed_quote(text, start, end))] == '"The barrier is a project. It provides security."'
