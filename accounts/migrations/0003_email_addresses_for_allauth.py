"""Accounts move to django-allauth.

- Every user's e-mail address becomes an allauth EmailAddress, unverified: nobody ever verified one before.
- Sharing with recruiters now needs a verified address, so it is turned off until the candidate verifies
  theirs and turns it on again (the settings page says so). Withholding is the safe side of consent.
- Every session ends (everyone logs in once more), so that "log out everywhere" knows every live session.
"""

from django.db import migrations


def move_to_allauth(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    Session = apps.get_model("sessions", "Session")
    seen = set()
    for user in User.objects.exclude(email="").order_by("pk"):
        email = user.email.lower()
        if email in seen:  # one address, one account: a duplicate stays on its user but unmanaged
            continue
        seen.add(email)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"primary": True, "verified": False})
    User.objects.filter(share_profile=True).update(share_profile=False)
    Session.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_authors_manage_no_users"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_to_allauth, migrations.RunPython.noop)]
