"""Authors used to hold view_user and change_user, with which they could make anyone a superuser."""

from django.db import migrations


def drop_user_permissions_of_authors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    authors = Group.objects.filter(name="Authors").first()
    if authors is not None:
        authors.permissions.remove(*authors.permissions.filter(content_type__app_label="accounts"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(drop_user_permissions_of_authors, migrations.RunPython.noop)]
