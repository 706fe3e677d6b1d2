from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import User


class SignUpForm(UserCreationForm):
    email = forms.EmailField(required=True)
    share_profile = forms.BooleanField(
        required=False,
        label="Let recruiters see my progress profile",
        help_text="Off by default. You can change this at any time in your settings.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")


class SharingForm(forms.Form):
    share_profile = forms.BooleanField(required=False, label="Let recruiters see my progress profile")
