from django import forms


class RubricGradeForm(forms.Form):
    """A reviewer's grade: per rubric criterion a tick, an optional adjusted figure within its points and a
    comment, and an overall comment. Without a rubric (an appeal of a code verdict or a choice answer), one
    score bounded by the item's points. The services check the bounds again."""

    overall = forms.CharField(label="Overall comment (shown to the candidate)", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    reason = forms.CharField(label="Reason (kept in the trail)", required=False, max_length=500)

    def __init__(self, *args, rubric: list[dict], max_score: float, needs_reply: bool = False, needs_reason: bool = False,
                 **kwargs):
        """`needs_reply`: an appeal, answered in the overall comment; `needs_reason`: a re-check, whose grade says
        why in the overall comment or the reason."""
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        self.max_score = max_score
        self.needs_reply = needs_reply
        self.needs_reason = needs_reason
        for i, item in enumerate(rubric):
            self.fields[f"tick_{i}"] = forms.BooleanField(label=item["criterion"], required=False)
            self.fields[f"awarded_{i}"] = forms.FloatField(
                label=f"Points (0–{item['points']}; empty: all if ticked, else 0)", required=False, min_value=0,
                max_value=item["points"],
                error_messages={"max_value": f"At most {item['points']:g} point{'' if item['points'] == 1 else 's'} "
                                             "for this criterion.",
                                "min_value": "Points cannot be negative."},
            )
            self.fields[f"comment_{i}"] = forms.CharField(label="Comment", required=False, max_length=2000)
        if rubric:
            self.fields["confirm_zero"] = forms.BooleanField(label="Yes, this answer earns 0 points", required=False)
        if not rubric:
            self.fields["score"] = forms.FloatField(
                label=f"Score (0–{max_score:g})", min_value=0, max_value=max_score,
                error_messages={"required": "Enter a score.", "max_value": f"The score is at most {max_score:g}.",
                                "min_value": "The score cannot be negative."},
            )

    def rows(self):
        """The rubric's fields, one row per criterion, for the template."""
        return [(item, self[f"tick_{i}"], self[f"awarded_{i}"], self[f"comment_{i}"]) for i, item in enumerate(self.rubric)]

    def clean(self):
        data = super().clean()
        if self.needs_reply and not (data.get("overall") or "").strip():
            self.add_error("overall", "Write a reply: the candidate reads it with the outcome.")
        if self.needs_reason and not ((data.get("overall") or "").strip() or (data.get("reason") or "").strip()):
            self.add_error("reason", "Say why the grade changes or stands, here or in the overall comment.")
        if self.asks_to_confirm_zero():
            self.add_error(None, "Nothing is ticked and no points are given, so this grade would be 0. "
                                 "Confirm it below, or tick what the answer gets right.")
        return data

    def asks_to_confirm_zero(self) -> bool:
        """A rubric grade of nothing at all is saved only when confirmed: an untouched form is an easy slip."""
        if not self.rubric or not hasattr(self, "cleaned_data") or self.cleaned_data.get("confirm_zero"):
            return False
        if any(f"awarded_{i}" in self.errors for i in range(len(self.rubric))):
            return False  # a figure was given, only a wrong one: its own error says so
        d = self.cleaned_data
        return not any(d.get(f"tick_{i}") or d.get(f"awarded_{i}") for i in range(len(self.rubric)))

    def marks(self) -> list[dict]:
        d = self.cleaned_data
        return [{"ticked": d.get(f"tick_{i}"), "awarded": d.get(f"awarded_{i}"), "comment": d.get(f"comment_{i}")}
                for i in range(len(self.rubric))]


class OverrideForm(forms.Form):
    score = forms.FloatField(label="New score", min_value=0,
                             error_messages={"required": "Enter the new score.", "min_value": "The score cannot be negative."})
    reason = forms.CharField(label="Reason (required, kept in the trail)", max_length=500,
                             error_messages={"required": "Give a reason for the override: it is kept in the trail."})
    comment = forms.CharField(label="Comment for the candidate", required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, max_score: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].max_value = max_score
        self.fields["score"].label = f"New score (0–{max_score:g})"
        self.fields["score"].validators.append(forms.fields.validators.MaxValueValidator(
            max_score, message=f"The score is at most {max_score:g}."))


class AppealForm(forms.Form):
    reason = forms.CharField(label="Why should a reviewer look again?", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Say what you think is wrong with the grade."})


class RecheckForm(forms.Form):
    note = forms.CharField(label="Why re-check it?", max_length=500, required=False)
