"""What the learning journal per objective (tool 9) shows: its objectives per learning question
with their score on each field day, and its day pages."""

from collections import defaultdict


def journal_context(sheet):
    """The partial's context (no request: the report renders it in a task)."""
    days = sheet.field_days()
    objectives = list(
        sheet.objectives.select_related("question").prefetch_related("subquestions", "scores")
    )
    by_question = defaultdict(list)
    for objective in objectives:
        scores = {score.date: score.score for score in objective.scores.all()}
        objective.daily = [scores.get(day) for day in days]
        objective.daily_pairs = list(zip(days, objective.daily, strict=True))
        by_question[objective.question].append(objective)
    pages = {page.date: page for page in sheet.days.prefetch_related("notes")}
    return {
        "field_days": days,
        "questions": list(by_question.items()),
        "pages": [(day, pages.get(day)) for day in days],
    }
