from django import forms

from questions.models import QuestionType, QuestionVersion


class AnswerForm(forms.Form):
    """The answer field for a question version, by its type. Grading rules live in the services."""

    def __init__(self, version: QuestionVersion, *args, options: list[dict] = (), **kwargs):
        """`options`: the candidate's own (variants.options_for), whose tokens the form sends instead of keys."""
        super().__init__(*args, **kwargs)
        options = options or version.spec.get("options", [])
        self.key_of = {o.get("token", o["key"]): o["key"] for o in options}
        choices = [(o.get("token", o["key"]), o["text"]) for o in options]
        if version.type == QuestionType.SINGLE_CHOICE:
            self.fields["answer"] = forms.ChoiceField(
                label="Choose one",
                choices=choices, widget=forms.RadioSelect, error_messages={"required": "Choose one of the options."}
            )
        elif version.type == QuestionType.MULTIPLE_CHOICE:
            self.fields["answer"] = forms.MultipleChoiceField(
                label="Tick every option that applies",
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": "Tick at least one option."},
            )
        elif version.type == QuestionType.NUMERIC:
            unit = version.spec.get("unit")
            self.fields["answer"] = forms.CharField(
                max_length=50,
                label=f"Your answer ({unit})" if unit else "Your answer",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
                error_messages={"required": "Enter a number."},
            )
        elif version.type == QuestionType.FREE_TEXT:
            self.fields["answer"] = forms.CharField(
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 10}),
                help_text="Up to 10,000 characters.",
                error_messages={"required": "Write your answer before submitting.",
                                "max_length": "Keep your answer to %(limit_value)s characters; it has %(show_value)s. "
                                              "Nothing was saved: shorten it and send it again."},
            )
        if "answer" in self.fields:
            # The server says what is too long; a browser's maxlength would cut a pasted answer without a word.
            self.fields["answer"].widget.attrs.pop("maxlength", None)

    def clean_answer(self):
        """A choice answer as the bank's option keys (the form sent the candidate's own tokens)."""
        answer = self.cleaned_data["answer"]
        if isinstance(self.fields["answer"], forms.MultipleChoiceField):
            return [self.key_of[token] for token in answer]
        if isinstance(self.fields["answer"], forms.ChoiceField):
            return self.key_of[answer]
        return answer
