"""sync_bank: idempotent, versioned, and all-or-nothing."""

import io
import re
import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from questions.bank_format import BankError
from questions.models import Question, QuestionVersion, Stage
from questions.services import sync_bank


@pytest.fixture
def bank_copy(tmp_path):
    target = tmp_path / "bank"
    shutil.copytree(settings.BANK_DIR, target)
    return target


def edit_title(bank, stage, slug, title):
    path = bank / stage / slug / "question.yaml"
    meta = yaml.safe_load(path.read_text())
    meta["title"] = title
    path.write_text(yaml.safe_dump(meta))


@pytest.mark.django_db
def test_second_sync_changes_nothing(bank_copy):
    versions = QuestionVersion.objects.count()
    report = sync_bank(bank_dir=bank_copy)
    assert report.created == [] and report.updated == [] and report.retired == []
    assert QuestionVersion.objects.count() == versions


@pytest.mark.django_db
def test_changed_content_makes_a_new_immutable_version(bank_copy):
    question = Question.objects.get(slug="f1-from-confusion-matrix")
    old = question.current_version
    edit_title(bank_copy, "core-ml", "f1-from-confusion-matrix", "F1, worked out by hand")
    report = sync_bank(bank_dir=bank_copy)
    assert report.updated == ["f1-from-confusion-matrix"]
    question.refresh_from_db()
    assert question.current_version.number == old.number + 1
    assert question.current_version.title == "F1, worked out by hand"
    old.refresh_from_db()
    assert old.title != "F1, worked out by hand"  # the old version is untouched
    with pytest.raises(ValueError, match="immutable"):
        old.save()


@pytest.mark.django_db
def test_removed_question_is_retired_not_deleted(bank_copy):
    shutil.rmtree(bank_copy / "core-ml" / "f1-from-confusion-matrix")
    report = sync_bank(bank_dir=bank_copy)
    assert report.retired == ["f1-from-confusion-matrix"]
    assert Question.objects.get(slug="f1-from-confusion-matrix").retired


@pytest.mark.django_db
def test_invalid_bank_writes_nothing(bank_copy):
    edit_title(bank_copy, "core-ml", "f1-from-confusion-matrix", "Renamed")
    (bank_copy / "core-ml" / "kfold-benefits" / "question.yaml").write_text("type: [broken")
    with pytest.raises(BankError):
        sync_bank(bank_dir=bank_copy)
    assert Question.objects.get(slug="f1-from-confusion-matrix").current_version.title != "Renamed"


@pytest.mark.django_db
def test_command_reports_the_broken_file(bank_copy):
    (bank_copy / "core-ml" / "kfold-benefits" / "question.yaml").write_text("type: [broken")
    with pytest.raises(CommandError) as info:
        call_command("sync_bank", bank=bank_copy)
    assert "bank/core-ml/kfold-benefits/question.yaml: not valid YAML" in str(info.value)
    assert str(info.value).endswith(
        "Nothing was written: the bank loaded before stays in use. Fix the files named above and run "
        "`python manage.py sync_bank` again."
    )


@pytest.mark.django_db
def test_command_reports_the_length_bias_and_the_tick_all_score(bank_copy):
    for meta in bank_copy.glob("*/*/question.yaml"):  # no tasks: their sandbox runs are tested elsewhere
        if yaml.safe_load(meta.read_text())["type"] in ("code", "ml"):
            shutil.rmtree(meta.parent)
    out = io.StringIO()
    call_command("sync_bank", bank=bank_copy, stdout=out)
    assert "Bank synced:" in out.getvalue()
    assert re.search(r"Length bias: the correct option is strictly the longest in \d+ of \d+ single-choice questions", out.getvalue())
    assert re.search(r"Ticking every option scores at most 0% on the \d+ multiple-choice questions", out.getvalue())


@pytest.mark.django_db
def test_stages_can_be_reordered(bank_copy):
    roadmap = yaml.safe_load((bank_copy / "roadmap.yaml").read_text())
    roadmap["stages"][0], roadmap["stages"][1] = roadmap["stages"][1], roadmap["stages"][0]
    (bank_copy / "roadmap.yaml").write_text(yaml.safe_dump(roadmap))
    sync_bank(bank_dir=bank_copy)
    assert list(Stage.objects.values_list("slug", flat=True)[:2]) == ["core-ml", "foundations"]
