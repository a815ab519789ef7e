"""The pages of tool 5 beyond the generic sheet views: a question and its evolution
(`questions`), the exchange around the questions (`exchange`)."""
