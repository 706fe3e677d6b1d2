from django import forms

from profiles.selectors import RESULT_CHOICES
from questions.models import Stage, Topic


class HistoryFilterForm(forms.Form):
    """Filters of the history list; every field is optional."""

    stage = forms.ModelChoiceField(Stage.objects.order_by("position"), to_field_name="slug", required=False,
                                   empty_label="All stages")
    topic = forms.ModelChoiceField(Topic.objects.order_by("stage__position", "position"), to_field_name="slug",
                                   required=False, empty_label="All topics")
    result = forms.ChoiceField(choices=[("", "All results"), *RESULT_CHOICES], required=False)


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
