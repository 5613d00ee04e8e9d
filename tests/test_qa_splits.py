"""Question answering on the dev split of tests/gold/qa: accuracy per regulation stays at or above
the figure reached (a small margin below it), and no unanswerable question gets an answer.

The test split is scored only by bench/run.py (never tuned on, so it has no floor here)."""

import pytest

from qa_eval import evaluate, summary

# Reached on 2026-11-29 (tests/qa_eval.py, dev split), minus one question of margin.
FLOORS = {
    # 0.60 (15/25) on the QA branch; 0.52 once the extraction changes were merged (第十九条第二款's
    # 报告 now takes the sentence before's object; 由主席团提请 is no longer read on demand); 0.56 now.
    "difang-renda-zhengfu-zuzhifa-2022": 0.56,          # reached 0.60 (15/25)
    "guowuyuan-zuzhifa-2024": 0.95,                     # reached 1.00 (20/20)
    "huancui-gzgz-2022": 0.93,                          # reached 0.97 (29/30)
    "quanguo-renda-changweihui-yishi-guize-2022": 0.88,  # reached 0.92 (23/25)
    # dev sets written 2026-11-29 for two texts that only had a test split; barely answered yet
    "shandong-xiangzhen-zhengfu-gongzuo-tiaoli-2020": 0.28,      # reached 0.32 (8/25)
    "zhongda-xingzheng-juece-chengxu-zanxing-tiaoli-2019": 0.16,  # reached 0.20 (5/25)
    # blind dev sets for two texts nobody tuned to (written 2026-11-29, second session)
    "cunweihui-zuzhifa-2018": 0.45,                     # reached 0.50 (10/20)
    "guangdong-renda-yishi-guize-2022": 0.50,           # reached 0.55 (11/20)
    # two more blind dev sets, written after the changes above (first score, nothing tuned yet)
    "juweihui-zuzhifa-2018": 0.25,                      # reached 0.30 (6/20)
    "zhejiang-renda-changweihui-yishi-guize-2020": 0.40,  # reached 0.45 (9/20)
}


@pytest.fixture(scope="module")
def dev():
    return evaluate("dev")


def test_dev_accuracy_per_regulation_stays_above_its_floor(dev):
    by_reg = summary(dev)["by_regulation"]
    assert set(by_reg) == set(FLOORS)
    below = {reg: v["accuracy"] for reg, v in by_reg.items() if v["accuracy"] < FLOORS[reg]}
    assert not below, below


def test_dev_unanswerable_questions_get_no_answer(dev):
    wrong = [(o.question.id, o.given) for o in dev if o.question.kind == "none" and not o.right]
    assert len([o for o in dev if o.question.kind == "none"]) >= 10
    assert wrong == []


def test_dev_wrong_answers_do_not_grow(dev):
    # Precision first: of the 195 answerable dev questions, 12 get a wrong answer today (9 on the
    # eight sets tuned on, 3 on the two newest); a change that answers more
    # must not answer more wrongly.
    wrong = [o for o in dev if o.question.kind != "none" and o.given and not o.right]
    assert len(wrong) <= 12, [(o.question.id, o.why) for o in wrong]
