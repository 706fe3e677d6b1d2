from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    REVIEWER = "reviewer", "Reviewer"
    RECRUITER = "recruiter", "Recruiter"
    AUTHOR = "author", "Author"


class User(AbstractUser):
    """A person using MLAssess. The role decides what they may do; authors are Django staff."""

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CANDIDATE)
    # Consent: recruiters see a candidate's profile only when the candidate turned this on.
    share_profile = models.BooleanField(
        default=False,
        help_text="Let recruiters see my roadmap progress profile.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]),
                name="user_role_valid",
            ),
            # Only candidates have a profile to share.
            models.CheckConstraint(
                condition=models.Q(share_profile=False) | models.Q(role="candidate"),
                name="user_only_candidates_share",
            ),
        ]

    @property
    def is_candidate(self) -> bool:
        return self.role == Role.CANDIDATE

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER

    @property
    def is_recruiter(self) -> bool:
        return self.role == Role.RECRUITER

    @property
    def is_author(self) -> bool:
        return self.role == Role.AUTHOR
