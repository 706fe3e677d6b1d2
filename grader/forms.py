from django import forms

from grader.models import SubmissionKind


class CodeForm(forms.Form):
    code = forms.CharField(
        widget=forms.Textarea(attrs={"class": "code", "spellcheck": "false", "autocomplete": "off", "rows": 24}),
        max_length=64 * 1024,
        strip=False,
        error_messages={"required": "Write some code before submitting."},
    )
    kind = forms.ChoiceField(choices=SubmissionKind.choices, initial=SubmissionKind.SUBMIT)
