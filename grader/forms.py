from django import forms

from grader.models import SubmissionKind


class CodeForm(forms.Form):
    # The textarea is hidden behind the code editor: a browser's `required` check on it would block the form
    # without a word, so the server's "Write some code before submitting." must be the one to speak.
    use_required_attribute = False

    code = forms.CharField(
        widget=forms.Textarea(attrs={"class": "code", "spellcheck": "false", "autocomplete": "off", "rows": 24}),
        max_length=64 * 1024,
        strip=False,
        error_messages={"required": "Write some code before submitting."},
    )
    kind = forms.ChoiceField(choices=SubmissionKind.choices, initial=SubmissionKind.SUBMIT)
