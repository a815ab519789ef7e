from django import forms
from django.utils import translation

from .models import ReportJob, ReportNarrative


class ReportJobForm(forms.ModelForm):
    """What to build: the language and what to leave out; for a municipality in several
    programmes, which programme. The scope comes from the page's URL."""

    class Meta:
        model = ReportJob
        fields = ["programme", "language", "with_appendices", "with_images"]

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The language the page is read in: the person's own, or the one they switched to.
        self.fields["language"].initial = translation.get_language()
        if programmes is None:
            del self.fields["programme"]
        else:
            field = self.fields["programme"]
            field.queryset = programmes
            field.empty_label = None


class ReportNarrativeForm(forms.ModelForm):
    class Meta:
        model = ReportNarrative
        fields = [
            "results_method",
            "results_actors",
            "lessons_method",
            "lessons_actors",
            "recommendations_method",
            "recommendations_actors",
            "conclusions",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}
