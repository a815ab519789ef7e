"""The coaching pages, one module per part: the learning-cycle dashboard, the meetings, the
tasks, the interim evaluations and the methodology log."""
