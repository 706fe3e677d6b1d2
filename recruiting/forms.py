from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from profiles.mastery import Level
from questions.models import Stage, Topic
from recruiting.models import ApplicationStatus, EmploymentType, Listing, WorkplaceType
from recruiting.services import CONSENT_TEXT, LISTING_FIELDS, STATUS_TRANSITIONS, closing_time, listing_check

LISTING_REQUIRED = ("title", "description", "location", "workplace_type", "employment_type", "valid_through")


class OrganisationForm(forms.Form):
    name = forms.CharField(max_length=200, label="Your organisation's name")


class ListingForm(forms.ModelForm):
    """The fields of a listing. Validation beyond types is listing_check's (the service), so the web UI and the
    API refuse the same things with the same messages; the view adds its errors to this form."""

    valid_through = forms.DateField(
        label="Closing date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The listing leaves the board at the end of this day; at most 120 days away.",
    )
    stages = forms.ModelMultipleChoiceField(
        queryset=Stage.objects.order_by("position"), required=False, widget=forms.CheckboxSelectMultiple,
        label="Roadmap stages asked for",
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.select_related("stage").order_by("stage__position", "position"), required=False,
        widget=forms.CheckboxSelectMultiple, label="Topics asked for",
    )
    minimum_level = forms.TypedChoiceField(
        choices=[("", "No minimum"), *[(v, label) for v, label in Level.choices if v >= Level.FAMILIAR]],
        coerce=int, empty_value=None, required=False, label="Minimum mastery in those stages and topics",
    )

    class Meta:
        model = Listing
        fields = [
            "title", "description", "location", "workplace_type", "employment_type", "salary_min", "salary_max",
            "salary_currency", "stages", "topics", "minimum_level", "valid_through",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 10}),
                   "salary_currency": forms.TextInput(attrs={"size": 3, "maxlength": 3, "class": "short"})}
        help_texts = {"salary_min": "", "salary_max": "Yearly; leave both empty to show no salary.",
                      "description": "Markdown (no raw HTML)."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["valid_through"] = timezone.localtime(self.instance.valid_through).date()

    def clean_valid_through(self):
        day = self.cleaned_data["valid_through"]
        stored = self.instance.valid_through if self.instance.pk else None
        if stored is not None and day == timezone.localtime(stored).date():
            # The day shown, unchanged: keep the stored time (the API may have set 10:00), and a closing date that
            # has passed does not stop the rest of the listing from being edited.
            return stored
        return closing_time(day)

    def clean(self):
        """The service's checks (listing_check), so the form shows them by field and the model's constraints
        (checked after, on the fields without errors) never speak first."""
        cleaned = super().clean()
        fields = {name: cleaned.get(name) for name in LISTING_FIELDS}
        if any(fields[name] is None for name in LISTING_REQUIRED) or any(name in self.errors for name in LISTING_FIELDS):
            return cleaned
        unchanged = self.instance.pk is not None and fields["valid_through"] == self.instance.valid_through
        try:
            listing_check(**fields, check_closing_date=not unchanged)
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        return {
            "stages": list(data.pop("stages")), "topics": list(data.pop("topics")),
            **{k: v for k, v in data.items()},
        }


class BoardFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    employment_type = forms.ChoiceField(choices=[("", "Any type"), *EmploymentType.choices], required=False,
                                        label="Employment")
    workplace_type = forms.ChoiceField(choices=[("", "Any workplace"), *WorkplaceType.choices], required=False,
                                       label="Workplace")
    location = forms.CharField(required=False, max_length=120)
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.select_related("stage").order_by("stage__position", "position"), required=False,
        to_field_name="slug", empty_label="Any topic",
    )


class ApplicationForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=2000, required=False,
        label="A short note to the recruiter", help_text="Optional; up to 2,000 characters.",
    )
    consent = forms.BooleanField(required=True, error_messages={
        "required": "Tick the box to share your profile with this organisation: applying needs it.",
    })

    def __init__(self, *args, organisation_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = CONSENT_TEXT.format(organisation=organisation_name)


class ApplicationStatusForm(forms.Form):
    status = forms.ChoiceField(label="Move to")

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, ApplicationStatus(s).label) for s in STATUS_TRANSITIONS.get(current, [])]


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *ApplicationStatus.choices], required=False)
