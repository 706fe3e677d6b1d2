from django import forms

from api.models import TokenScope, WebhookEvent
from api.services import TOKEN_MAX_DAYS


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What uses it, e.g. \"ATS sync\".")
    scope = forms.ChoiceField(choices=TokenScope.choices, initial=TokenScope.READ, widget=forms.RadioSelect,
                              help_text="Read lists candidates, listings and applications; read and write also "
                                        "changes listings and application statuses.")
    expires_in_days = forms.IntegerField(min_value=1, max_value=TOKEN_MAX_DAYS, initial=90, label="Expires in (days)",
                                         help_text=f"At most {TOKEN_MAX_DAYS} days.")


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(max_length=500, label="URL", assume_scheme="https",
                         help_text="Where we POST events, signed as Standard Webhooks specifies. Public addresses only.")
    description = forms.CharField(max_length=200, required=False)
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple,
                                       initial=[WebhookEvent.APPLICATION_CREATED, WebhookEvent.APPLICATION_WITHDRAWN])
