from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms


class LoginForm(AllauthLoginForm):
    """django-allauth's login form, in our words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Username or e-mail"
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me logged in on this browser"


class SharingForm(forms.Form):
    share_profile = forms.BooleanField(required=False, label="Let recruiters see my progress profile")
