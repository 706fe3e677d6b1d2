"""Hidden cases, hidden ML splits and candidates' variants do not change when SECRET_KEY rotates.

They are seeded from the installation's grading seed (MLASSESS_GRADING_SEED, else var/grading_seed), which
every worker shares and which never rotates; `manage.py grade` reads it without a database.
"""

import hashlib
import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = """
import hashlib, json, django
django.setup()
import numpy as np
from django.conf import settings
from grader.cases import HIDDEN, hidden_seed, task_cases
from questions.bank_format import load_bank
from questions.variants import numeric_variant
from questions.trusted_code import function_from

bank = {q.slug: q for q in load_bank(settings.BANK_DIR).questions}
kfold, ml, numeric = bank["k-fold"], bank["imbalanced-classifier"], bank["f1-from-confusion-matrix"]
cases = task_cases(kfold.spec, which=HIDDEN, seed=hidden_seed(kfold.content_hash))
data = function_from(ml.spec["data"], "data.py", "make_data")(hidden_seed(ml.content_hash))
print(json.dumps({
    "hidden cases": [c.to_run() for c in cases],
    "hidden ML split": hashlib.sha256(np.asarray(data["X_test"]).tobytes()).hexdigest(),
    "a candidate's variant": numeric_variant(numeric.spec, candidate_id=7, question_slug=numeric.slug),
}))
"""


def hidden_content(var_dir, **env_extra) -> dict:
    env = {**os.environ, "MLASSESS_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "mlassess.settings", **env_extra}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", SHOW], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def test_a_new_secret_key_changes_no_hidden_case_and_no_variant(tmp_path):
    before = hidden_content(tmp_path, DJANGO_SECRET_KEY="k" * 60)
    after = hidden_content(tmp_path, DJANGO_SECRET_KEY="another-key-" + hashlib.sha256(b"x").hexdigest())
    assert after == before


def test_the_grading_seed_is_what_hidden_cases_depend_on(tmp_path):
    ours = hidden_content(tmp_path, MLASSESS_GRADING_SEED="one-installation-seed-1234")
    theirs = hidden_content(tmp_path, MLASSESS_GRADING_SEED="another-installation-seed-5678")
    assert ours["hidden cases"] != theirs["hidden cases"]
    assert ours["hidden ML split"] != theirs["hidden ML split"]
    assert ours == hidden_content(tmp_path, MLASSESS_GRADING_SEED="one-installation-seed-1234")
