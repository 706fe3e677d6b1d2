from django import forms

from profiles.selectors import RESULT_CHOICES, BankSummary


class HistoryFilterForm(forms.Form):
    """Filters of the history list; every field is optional. Choices come from the bank summary (no queries)."""

    stage = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False)
    result = forms.ChoiceField(choices=[("", "All results"), *RESULT_CHOICES], required=False)

    def __init__(self, *args, bank: BankSummary, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = {s.slug: s for s in bank.stages}
        self.topics = {t.slug: t for t in bank.topics}
        self.fields["stage"].choices = [("", "All stages"), *((s.slug, s.title) for s in bank.stages)]
        self.fields["topic"].choices = [("", "All topics")] + [
            (s.title, [(t.slug, t.title) for t in bank.topics_of(s.pk)]) for s in bank.stages
        ]

    def clean_stage(self):
        return self.stages.get(self.cleaned_data["stage"])

    def clean_topic(self):
        return self.topics.get(self.cleaned_data["topic"])


class AccountDeleteForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                               label="Your password")
    confirm = forms.BooleanField(label="I understand that my account and my results are deleted for good")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
