"""Question answering: the gold questions, unanswerable and vague questions, injection."""

import functools
import json
import tomllib

import pytest

from helpers import GOLD, kg, write_report
from kg.qa import QA
from kg.store import EmbeddedStore

GOLD_QUESTIONS = tomllib.loads((GOLD / "questions.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def qa(seed_graph):
    return QA(EmbeddedStore(seed_graph))


def test_gold_questions_all_exact(qa):
    failures = []
    questions = GOLD_QUESTIONS["question"]
    for q in questions:
        r = qa.ask(q["question"])
        got = ({a.name for a in r.answers}, {a.source.citation for a in r.answers})
        want = (set(q["answers"]), set(q["citations"]))
        if got != want:
            failures.append({"question": q["question"], "expected": [sorted(x) for x in want],
                             "got": [sorted(x) for x in got]})
    rate = 1 - len(failures) / len(questions)
    write_report("qa_gold.json", {"questions": len(questions), "passed": len(questions) - len(failures),
                                  "rate": round(rate, 4), "failures": failures})
    assert len(questions) >= 60
    assert rate == 1.0, json.dumps(failures, ensure_ascii=False, indent=1)  # the old set stays whole


def test_gold_covers_the_articles_the_issue_names():
    articles = {c for q in GOLD_QUESTIONS["question"] for c in q["citations"]}
    for art in ["第五条", "第十九条", "第四十二条", "第四十三条", "第四十四条", "第四十五条", "第四十六条",
                "第五十条", "第五十三条", "第五十四条", "第六十二条", "第六十七条", "第七十五条"]:
        assert any(c.startswith(art) for c in articles), art


def test_answer_quotes_the_provision_with_its_citation(qa):
    r = qa.ask("区政府规范性文件由谁签发？")
    [a] = r.answers
    assert (a.label, a.relation, a.source.article) == ("区长", "signs", 62)
    assert a.source.full_citation == "《威海市环翠区人民政府工作规则》第六十二条第（二）项"
    assert a.source.text.endswith("由区长签发。")
    assert a.source.iri.endswith("/eli/huancui-gzgz-2022/art_62/par_1/pnt_2")


def test_delegation_and_condition_in_answers(qa):
    r = qa.ask("区长不能出席常务会议时，由谁主持？")
    [a] = r.answers
    assert (a.label, a.condition, a.delegated_by, a.delegation) == (
        "第一副区长", "区长不能出席会议时", "区长", "委托")


def test_example_questions_come_from_the_regulations_own_norms_and_are_each_answered(difang_qa):
    offered = difang_qa.suggestions()
    assert 3 <= len(offered) <= 6 and not any("区长" in q or "区政府" in q for q in offered)
    for q in offered:
        r = difang_qa.ask(q)
        assert r.answers
        assert {a.source.regulation_id for a in r.answers} == {"difang-renda-zhengfu-zuzhifa-2022"}
    # a question it cannot answer offers these, not another regulation's examples
    assert "try: " + "；".join(offered[:4]) in difang_qa.ask("网站由谁维护？").message


def test_a_deputy_named_after_a_post_is_of_that_posts_level(difang_qa):
    # 第七十八条第一款: …分别由省长、副省长，自治区主席、副主席，市长、副市长…和秘书长组成
    r = difang_qa.ask("设区的市政府常务会议由哪些人组成？")
    assert [a.label for a in r.answers] == ["市长", "副市长", "秘书长"]
    r = difang_qa.ask("自治区政府常务会议由哪些人组成？")
    assert [a.label for a in r.answers] == ["自治区主席", "副主席", "秘书长"]


def test_a_provision_about_other_levels_does_not_answer_for_the_level_asked(difang_qa):
    # 第十九条 is about 乡、民族乡、镇的人民代表大会, not the 县's
    r = difang_qa.ask("县人民代表大会会议由谁召集？")
    cited = {(a.label, a.source.citation) for a in r.answers}
    assert ("本级人民代表大会常务委员会", "第十五条第一款") in cited
    assert not any(c.startswith("第十九条") for _, c in cited)


def test_a_light_verb_gives_way_to_the_verb_after_it(qa):
    r = qa.ask("会议决定的事项由谁负责督办？")
    assert r.intent == "supervise"
    assert [(a.label, a.source.citation) for a in r.answers] == [("区政府办公室", "第五十四条第一款")]


def test_a_light_verb_gives_way_across_a_word_saying_how(qa):
    q = qa.reader.read("区政府的规范性文件由谁负责对外公布？")
    assert (q.intent.name, q.trigger) == ("publish", "公布")


def test_a_trigger_before_the_question_word_gives_way_to_the_verb_after_it(zhongda_qa):
    # 决策 is no duty here: the question asks who orders a correction (责令改正)
    r = zhongda_qa.ask("执行单位对决策拖着不办，谁来责令改正？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("决策机关", "第四十条第一款")]


def test_a_cue_that_opens_with_a_verb_gives_the_question_its_verb(qa):
    q = qa.reader.read("做风险评估的时候，必须征求谁的意见？")
    assert (q.kind, q.cue_at, qa._own_verbs(q)) == ("to_whom", 11, ["征求"])


def test_the_verb_right_before_gei_asks_to_whom_not_a_trigger_in_a_noun():
    # 情况报告 is a thing; 报给谁 (a verb of one character) is what is asked
    qa = qa_over("beijing_zhifa_jiancha_banfa.txt")
    q = qa.reader.read("区县常委会做完检查，情况报告报给谁？")
    assert (q.kind, q.trigger) == ("to_whom", "报告")
    assert qa._verbs(qa._verb_asked(q)) == ["报"]


def test_duochang_alone_asks_for_a_span_of_time(qa):
    r = qa.ask("区政府领导每年到基层调研，时间至少多长？")
    assert [(a.kind, a.value, a.unit, a.source.citation) for a in r.answers] == [
        ("quantity", 2, "个月", "第八十六条第一款")]


def test_a_count_in_an_earlier_clause_is_the_circumstance_not_what_is_asked(qa):
    r = qa.ask("主办部门想多派几名工作人员列席，得报谁批准？")
    assert [(a.kind, a.label, a.source.citation) for a in r.answers] == [
        ("who", "区政府办公室", "第五十一条第二款")]
    # …while a question whose last clause asks the count is still a quantity question
    r = qa.ask("区长主持的常务会议，出席人数有什么要求？")
    assert [(a.kind, a.label) for a in r.answers] == [("quantity", "出席人数须超过应到人数的二分之一")]


def test_having_a_matter_to_ask_about_is_no_absence(qa):
    # 有事需要请示: the matter to be asked about, so 第五十九条 answers …
    r = qa.ask("区政府部门下属的事业单位有事需要请示，应该向谁请示？")
    assert [(a.kind, a.label, a.source.citation) for a in r.answers] == [
        ("who", "主管部门", "第五十九条第一款")]
    # …while 有事 alone is still the 区长 being away, whom the 第一副区长 stands in for
    r = qa.ask("区长有事，常务会议谁来主持？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("第一副区长", "第四十三条第一款")]


@pytest.mark.parametrize("question, answer", [
    ("副区长出差要跟谁报告？", ("区长", "第七十五条第一款")),
    ("镇街主要负责人离开威海要报告谁？", ("区长", "第七十五条第二款")),
])
def test_an_absence_the_norm_is_about_is_one_it_provides_for(qa, question, answer):
    # 离威（出访）、休假须事前向区长报告: the absence is what is reported, not a condition on it
    r = qa.ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == [answer]


def test_a_seal_is_asked_as_offices_call_it(qa):
    # 公章 is the text's 印章, 盖 its 使用 (第六十七条: 使用区政府印章，须…报区长、副区长或区政府办公室主任同意)
    r = qa.ask("要盖区政府的公章，得找谁同意？")
    assert {(a.label, a.source.citation) for a in r.answers} == {
        ("区长", "第六十七条第一款"), ("副区长", "第六十七条第一款"), ("区政府办公室主任", "第六十七条第一款")}


def test_a_recipient_before_a_link_verb_and_its_object_is_named_alone(qa):
    # 由司法行政部门进行合法性审查: the party is 司法行政部门, not 司法行政部门进行合法性
    r = qa.ask("重大行政决策方案上常务会讨论之前，要交给谁做合法性审查？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("司法行政部门", "第二十五条第二款")]


def test_a_post_asked_of_is_one_of_the_class_a_provision_names(qa):
    # 每位区政府领导每年深入基层调研的时间不少于2个月: a 副区长 is one of the 区政府领导
    r = qa.ask("副区长每年调研多久？")
    assert [(a.value, a.unit, a.source.citation) for a in r.answers] == [(2, "个月", "第八十六条第一款")]


def test_everyday_words_for_a_department_and_its_units(qa):
    # 局里 is a 部门, 下属 the text's 所属 (第五十九条: 区政府部门所属事业单位…应向主管部门请示)
    r = qa.ask("局里下属的事业单位有事要请示，应该向谁请示？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("主管部门", "第五十九条第一款")]


def test_giving_a_word_beforehand_is_reporting_or_informing(qa):
    # 打招呼: the text's 告知 or 报告 (第七十五条: 离威（出访）、休假，须事前向区长报告)
    r = qa.ask("副区长休假要跟谁打招呼？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第七十五条第一款")]


def test_a_meeting_the_regulation_never_names_gets_no_answer(qa):
    # 党组 is only in 其他党组成员 (全体会议, 常务会议): their chairs do not chair a 党组会议
    r = qa.ask("区政府党组会议谁主持？")
    assert r.answers == [] and r.message.startswith("规则中没有提到「区政府党组会议」")
    # …while a meeting the regulation names, said another way, is still answered
    r = qa.ask("区政府常务会谁主持？")
    assert ("区长", "第四十三条第一款") in [(a.label, a.source.citation) for a in r.answers]


@pytest.mark.parametrize("question", [q["question"] for q in GOLD_QUESTIONS["unanswerable"]])
def test_unanswerable_questions_return_no_answers_and_a_message(qa, question):
    r = qa.ask(question)
    assert r.answers == []
    assert "/" in r.message and len(r.message) > 10


def test_vague_question_returns_candidates_not_a_guess(qa):
    r = qa.ask("会议由谁主持？")
    assert r.answers == [] and r.intent == "chair"
    assert {"常务会议", "全体会议", "区长办公会议"} <= set(r.candidates)


def test_a_document_named_for_a_verb_asks_no_act_and_a_verb_of_one_character_before_gei_is_asked():
    # 行政复议法第七十九条第二款: …应当将…行政复议决定书、意见书同时抄告被申请人的上一级主管部门. The 决定 of
    # 决定书 is no 决定; 抄 is the text's 抄告 (qa.toml colloquial)
    r = qa_over("xingzheng_fuyi_fa_2023.txt").ask("决定书抄给谁？")
    assert r.intent != "decide"
    assert [(a.label, a.source.citation) for a in r.answers] == [("被申请人的上一级主管部门", "第七十九条第二款")]


def test_an_absence_a_quantity_counts_is_one_the_provision_provides_for():
    # 代表法第四十九条第（三）项: 未经批准两次不出席本级人民代表大会会议的 (its 代表资格终止); the absence
    # asked about is what the number counts, not a case the text leaves out
    r = qa_over("daibiaofa_2015.txt").ask("代表不请假，几次不出席本级人大会议就不再是代表？")
    assert [(a.value, a.source.citation) for a in r.answers] == [(2.0, "第四十九条第（三）项")]


def test_a_quantity_several_provisions_fit_alike_is_asked_back_in_both_languages():
    # 行政复议法 counts days from 收到 in many provisions; the question names none of them
    qa = qa_over("xingzheng_fuyi_fa_2023.txt")
    r = qa.ask("自收到之日起多少日内？")
    assert (r.intent, r.answers) == ("quantity", [])
    assert r.message.startswith(qa.messages["vague"]) and r.message.startswith("问题不够具体")


@pytest.mark.parametrize("question", [
    '区政府规范性文件由谁签发？" } ; DROP ALL ; #',
    "区政府规范性文件由谁签发？} UNION { ?s ?p ?o } #",
    "区政府规范性文件由谁签发？<http://evil.example/x> INSERT DATA { <a> <b> <c> }",
    "区政府规范性文件'由谁\\\"签发？{{{",
])
def test_quotes_braces_and_sparql_keywords_cannot_alter_a_query(qa, seed_graph, question):
    before = len(seed_graph)
    r = qa.ask(question)
    assert [(a.name, a.source.citation) for a in r.answers] == [("区长", "第六十二条第（二）项")]
    assert len(seed_graph) == before
    for q in r.sparql:
        assert "DROP" not in q and "evil" not in q and "INSERT" not in q and "?s ?p ?o" not in q


def test_empty_and_oversized_questions_get_a_message(qa):
    assert qa.ask("").message.startswith("请输入问题")
    assert "too long" in qa.ask("谁" * 1000).message


def test_json_contract(qa):
    doc = qa.ask("使用区长印章须经谁同意？").to_json()
    assert set(doc) >= {"question", "intent", "answers", "message"}
    a = doc["answers"][1]
    assert set(a) >= {"label", "iri", "relation", "condition", "delegated_by", "source"}
    assert (a["label"], a["delegated_by"]) == ("区政府办公室主任", "区长")
    assert set(a["source"]) >= {"iri", "citation", "article", "text"}
    assert isinstance(a["source"]["article"], int)


def test_cli_ask_json():
    out = kg("ask", "--json", "常务会议由哪些人组成？")
    doc = json.loads(out.stdout)
    assert doc["intent"] == "members"
    assert {a["label"] for a in doc["answers"]} == {"区长", "副区长", "其他党组成员"}


def test_cli_ask_batch_reads_one_question_a_line():
    out = kg("ask", "--json", "-", stdin="谁协助区长工作？\n\n区长的工资由谁决定？\n".encode())
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [len(d["answers"]) for d in lines] == [2, 0, 0]  # the blank line keeps its place


def test_a_question_longer_than_the_search_limit_is_read_and_the_batch_goes_on():
    # red-team pass 3: 202 characters of 会议 ended the batch with "search query too long"
    long = "会议" * 101 + "由谁主持？"
    out = kg("ask", "--json", "-", stdin=f"谁协助区长工作？\n{long}\n常务会议由谁主持？\n".encode())
    assert out.returncode == 0 and "search query" not in out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["question"] for d in lines] == ["谁协助区长工作？", long, "常务会议由谁主持？"]
    assert lines[2]["answers"] and lines[2]["answers"][0]["label"] == "区长"


def test_cli_facts_lists_norms_with_sources():
    out = kg("facts", "--json", "--article", "67")
    facts = json.loads(out.stdout)
    assert {(f["bearer"]["name"], f["objects"][0]) for f in facts} == {
        ("区长", "区政府印章"), ("副区长", "区政府印章"), ("区政府办公室主任", "区政府印章"),
        ("区长", "区长印章"), ("区政府办公室主任", "区长印章")}
    assert all(f["source"]["citation"] == "第六十七条第一款" for f in facts)


def test_cli_ask_with_a_missing_graph_folder_is_a_clear_error(tmp_path):
    out = kg("ask", "--graph-dir", str(tmp_path), "谁签发？")
    assert out.returncode == 2 and "kg build" in out.stderr and "Traceback" not in out.stderr


def test_cli_ask_regulation_restricts_answers_to_that_regulation(tmp_path):
    from helpers import CORPORA, SEED
    kg("build", str(SEED), str(CORPORA / "guowuyuan_zuzhifa_2024.txt"), "--out", str(tmp_path))
    answers = {}
    for reg in ("guowuyuan-zuzhifa-2024", "huancui-gzgz-2022"):
        out = kg("ask", "--json", "--graph-dir", str(tmp_path), "--regulation", reg, "常务会议由谁主持？")
        doc = json.loads(out.stdout)
        answers[reg] = {(a["label"], a["source"]["regulation"]) for a in doc["answers"]}
    assert answers["guowuyuan-zuzhifa-2024"] == {("总理", "中华人民共和国国务院组织法")}
    assert ("区长", "威海市环翠区人民政府工作规则") in answers["huancui-gzgz-2022"]
    assert all(r == "威海市环翠区人民政府工作规则" for _, r in answers["huancui-gzgz-2022"])
    out = kg("ask", "--graph-dir", str(tmp_path), "--regulation", "no-such-rules", "谁签发？")
    assert out.returncode == 2 and "no-such-rules" in out.stderr and "Traceback" not in out.stderr


@pytest.fixture(scope="module")
def zhongda_qa():
    return qa_over("zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt")


@pytest.fixture(scope="module")
def shandong_qa():
    return qa_over("shandong_xiangzhen_zhengfu_gongzuo_tiaoli_2020.txt")


@functools.cache
def qa_over(text: str) -> QA:
    """QA over the graph of one of tests/corpora's texts, built once per text (QA is read-only)."""
    from helpers import CORPORA
    from kg.corpus import load
    from kg.graph import build_graph
    return QA(EmbeddedStore(build_graph([load(CORPORA / text)])))


@pytest.mark.parametrize("question, expected", [
    # the party named before the verb by 由…进行, 向… (no lexicon entry, no stored norm)
    ("决策草案由谁做合法性审查？", [("负责合法性审查的部门", "第二十五条第一款")]),
    ("重大行政决策出台前要向谁请示报告？", [("同级党委", "第三十一条第一款")]),
    # 决策 inside the name 决策机关 is not the verb; the condition 决策机关违反… picks the norm
    ("决策机关违规了，谁来责令改正？", [("上一级行政机关", "第三十八条第一款")]),
    # a quantity question keeps its verb as its topic; 至少 picks nothing
    ("合法性审查一般至少要留几个工作日？", [("不少于7个工作日", "第二十六条第二款")]),
])
def test_verbs_the_grammar_lacks_are_read_in_the_text(zhongda_qa, question, expected):
    r = zhongda_qa.ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_question_with_no_verb_after_its_question_word_reads_none_before_it(zhongda_qa):
    r = zhongda_qa.ask("听证会由谁主持？")
    assert r.answers == [] and r.related


@pytest.fixture(scope="module")
def difang_qa():
    return qa_over("difang_renda_zhengfu_zuzhifa_2022.txt")


def test_a_level_of_government_picks_its_own_post_from_a_provision_for_every_level(difang_qa):
    # 省长、自治区主席、市长、州长、县长、区长、乡长、镇长分别主持地方各级人民政府的工作
    r = difang_qa.ask("县政府的工作由谁主持？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("县长", "第七十七条第二款")]
    # 第七十八条第一款 names each level's posts: the 自治州's are 州长、副州长 (and 秘书长)
    r = difang_qa.ask("自治州人民政府的常务会议由哪些人组成？")
    assert [a.label for a in r.answers] == ["州长", "副州长", "秘书长"]


def test_a_contraction_the_question_uses_is_read_as_the_text_spells_it():
    qa = qa_over("quanguo_renda_changweihui_yishi_guize_2022.txt")
    r = qa.ask("常委会开会，军委和监委谁来列席？")   # 军事委员会, 监察委员会 in 第十条第一款
    said = {(a.label, a.source.citation) for a in r.answers}
    assert {("中央军事委员会负责人", "第十条第一款"), ("国家监察委员会负责人", "第十条第一款")} <= said
    assert {c for _, c in said} == {"第十条第一款"}


def test_a_one_character_verb_after_a_filler_is_read_as_the_verb_the_text_writes(shandong_qa):
    # 第七条第一款: 县（市、区）人民政府及其工作部门应当…建立行政执法协调机制
    r = shandong_qa.ask("行政执法协调机制归谁来建？")
    assert [(a.label, a.name, a.source.citation) for a in r.answers] == [
        ("县（市、区）人民政府", "县（市、区）人民政府", "第七条第一款"),
        ("工作部门", "县（市、区）人民政府工作部门", "第七条第一款")]


def test_the_one_something_is_done_for_is_not_who_does_it(shandong_qa):
    # 第四条第三款: 县（市、区）人民政府及其工作部门应当为乡镇人民政府提供相应的经费保障
    r = shandong_qa.ask("临时性工作任务的经费由谁保障？")
    assert [(a.name, a.source.citation) for a in r.answers] == [
        ("县（市、区）人民政府", "第四条第三款"), ("县（市、区）人民政府工作部门", "第四条第三款")]


def test_a_share_written_in_words_is_a_ratio_and_can_be_asked(shandong_qa):
    # 第十八条第二款: …占被考核部门考核权重的比例不低于百分之三十
    r = shandong_qa.ask("考核县直部门时，乡镇的评价结果占多大比重？")
    assert ("不低于百分之三十", 0.3, "ratio", "第十八条第二款") in [
        (a.label, a.value, a.unit, a.source.citation) for a in r.answers]


@pytest.mark.parametrize("question, expected", [
    # 第二十三条第二款: 开展风险评估，应当听取有关部门的意见
    ("搞风险评估要征求谁的意见？", [("有关部门", "第二十三条第二款")]),
    # 第十四条第三款: …充分听取相关群体的意见建议
    ("决策涉及特定群体利益的，要听取谁的意见？", [("相关群体", "第十四条第三款")]),
])
def test_whose_opinion_is_sought_is_read_from_the_consulting_phrase(zhongda_qa, question, expected):
    r = zhongda_qa.ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected
    assert r.intent == "consult" and all(a.relation == "consults" for a in r.answers)


def test_each_party_of_a_consulted_list_is_an_answer_and_a_bracketed_list_stays_one_name(shandong_qa):
    # 第十八条第三款: 征求县（市、区）人民政府工作部门和该乡镇辖区内基层群众性自治组织、居民、企业事业单位等各方意见
    r = shandong_qa.ask("对乡镇人民政府的考核要征求哪些方面的意见？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("县（市、区）人民政府工作部门", "第十八条第三款"), ("基层群众性自治组织", "第十八条第三款"),
        ("居民", "第十八条第三款"), ("企业事业单位", "第十八条第三款")]


def test_an_opinion_word_far_from_the_question_word_is_the_topics_not_whose_opinion():
    # 北京市实施代表法办法第三十条第一款: 听取并审议有关国家机关办理代表建议…情况的报告，并将报告印发下一次人民
    # 代表大会会议. The question's 听取 and 建议 name the report; it asks where the report goes. (Read as
    # whose opinion, 听取…建议 made the name 并审议有关国家机关办理代表.)
    qa = qa_over("beijing_daibiaofa_shishi_banfa_2014.txt")
    r = qa.ask("常委会听取审议的办理代表建议情况报告，最后要印发给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("下一次人民代表大会会议", "第三十条第一款")]


def test_an_opinion_question_the_text_does_not_provide_for_gets_no_answer(shandong_qa):
    r = shandong_qa.ask("制定村规民约要征求谁的意见？")
    assert r.answers == [] and r.related


def test_how_often_a_meeting_is_held_is_not_how_often_something_else_is_done():
    # 村民委员会组织法第三十三条: 民主评议每年至少进行一次 (of the 评议, not of the 村民会议)
    qa = qa_over("cunweihui_zuzhifa_2018.txt")
    assert qa.ask("村民会议一年开几次？").answers == []
    assert [(a.label, a.source.citation) for a in qa.ask("民主评议每年至少进行几次？").answers] == [
        ("每年至少进行一次", "第三十三条第一款")]


def test_a_set_phrase_after_the_question_word_is_read_as_its_two_verbs(shandong_qa):
    q = shandong_qa.reader.read("全县城乡的产业怎么布局，谁来统筹规划？")
    assert shandong_qa._own_verbs(q) == ["统筹", "规划"]



@pytest.mark.parametrize("text, question, expected", [
    # 第十四条第三款: 决策承办单位应当与相关人民团体、社会组织以及群众代表进行沟通协商
    ("zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt", "决策事项涉及特定群体利益的，承办单位要跟谁沟通？",
     [("相关人民团体", "第十四条第三款"), ("社会组织", "第十四条第三款"), ("群众代表", "第十四条第三款")]),
    # 第五十五条第一款: 调查委员会应当向省人民代表大会提出调查报告 (报给谁/交给谁 ~ 向X)
    ("guangdong_renda_yishi_guize_2022.txt", "调查委员会的调查报告交给谁？",
     [("省人民代表大会", "第五十五条第一款")]),
    # 北京任免条例第十条第（五）项: 决定代理检察长，须报最高人民检察院和全国人民代表大会常务委员会备案
    # (报给哪些机关 asks where it goes as 报给谁 does)
    ("beijing_renmian_tiaoli_2023.txt", "常委会决定了代理检察长，要报给哪些机关备案？",
     [("最高人民检察院", "第十条第（五）项"), ("全国人民代表大会常务委员会", "第十条第（五）项")]),
])
def test_where_a_thing_goes_is_read_with_the_texts_own_marker_for_the_questions_word(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_after_a_to_whom_word_with_no_verb_the_next_word_is_the_verb_whatever_jieba_tags_it():
    # 浙江第十七条第三款: 不提请常务委员会会议审议的，应当向提案人说明或者向常务委员会报告 (交代 ~ 说明/报告);
    # 决定 before the question word is no trigger
    qa = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt")
    r = qa.ask("主任会议不把议案提请审议的，要跟谁交代一下？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("提案人", "第十七条第三款"), ("常务委员会", "第十七条第三款")]
    # 报哪里备案: 报 is the verb there, so 备案 only says what for (村民委员会组织法第二十七条)
    r = qa_over("cunweihui_zuzhifa_2018.txt").ask("村规民约定下来以后，得报哪里备案？")
    assert [a.label for a in r.answers] == ["乡、民族乡、镇的人民政府"]


def test_a_bearer_of_another_level_is_dropped_beside_one_of_no_level():
    # 地方组织法第二十条: …由上届本级人民代表大会常务委员会或者乡、民族乡、镇的上次人民代表大会主席团召集
    r = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").ask("县人民代表大会的会议由谁召集？")
    assert "乡、民族乡、镇的上次人民代表大会主席团" not in {a.label for a in r.answers}
    assert "上届本级人民代表大会常务委员会" in {a.label for a in r.answers}


def test_a_colloquial_verb_beside_the_texts_own_takes_the_texts_action(qa):
    # 第五十条第二款: 常务会议议题由区政府办公室提出…报区长确定 (拍板 is colloquial; 确定 the text's verb)
    r = qa.ask("常务会议题最后谁拍板确定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第五十条第二款")]


def test_a_trigger_inside_a_noun_built_from_a_verb_is_no_trigger():
    # 负责人 holds 负责: 哪些负责人必须到会 asks who attends (议事规则第三十七条第二款)
    qa = qa_over("quanguo_renda_changweihui_yishi_guize_2022.txt")
    r = qa.ask("开专题询问的时候，哪些负责人必须到会回答询问？")
    assert r.intent == "members"
    assert {a.source.citation for a in r.answers} == {"第三十七条第二款"} and len(r.answers) == 5


def test_counting_a_posts_holders_asks_a_head_count_or_a_share():
    # 第五条: 常务委员会会议有常务委员会全体组成人员过半数出席，始得举行 (浙江省人大常委会议事规则)
    qa = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt")
    r = qa.ask("常委会开会，要有多少组成人员出席？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("过半数出席，始得举行", 0.5, "第五条第一款")]


def test_an_everyday_verb_takes_the_texts_verbs_before_the_intents_kin():
    # 参会 is 参加/出席: 城市居民委员会组织法第九条第二款 (参加), not 第一款 (组成)
    qa = qa_over("juweihui_zuzhifa_2018.txt")
    r = qa.ask("开居民会议的时候，具体是谁去参会？")
    assert {a.source.citation for a in r.answers} == {"第九条第二款"} and len(r.answers) == 3


def test_a_body_that_meets_stands_for_its_meeting():
    # 县人大开会 is the 人民代表大会会议 (地方组织法第十五条: 由本级人民代表大会常务委员会召集; 第二十条 its
    # first session of a term, by the 上届 committee — not the 乡's 主席团 it names beside it)
    qa = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt")
    r = qa.ask("县人大开会由谁召集？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("本级人民代表大会常务委员会", "第十五条第一款"), ("上届本级人民代表大会常务委员会", "第二十条第一款")]
    # 省人大开会 is the 省人民代表大会会议 (广东议事规则第十一条: 主席团主持)
    gd = qa_over("guangdong_renda_yishi_guize_2022.txt")
    assert [(a.label, a.source.citation) for a in gd.ask("省人大开会由谁主持？").answers] == [
        ("主席团", "第十一条第一款")]


def test_a_to_whom_question_naming_its_bearer_never_takes_another_bearers_recipient():
    # 村民代表应当向其推选户或者村民小组负责 (村民委员会组织法第二十五条): no norm names the recipient,
    # and 第三十二条's 村务监督机构成员 对村民会议…负责 is another's duty
    qa = qa_over("cunweihui_zuzhifa_2018.txt")
    assert not qa.ask("村民代表选出来以后，要对谁负责？").answers


def test_a_body_asked_with_its_level_is_the_one_a_name_listing_that_level_speaks_of():
    # 法规规章备案条例第三条第一款第（一）项: 地方性法规…由省、自治区、直辖市的人民代表大会常务委员会报国务院
    # 备案; 省人大常委会 is one of them, so the question names who files
    qa = qa_over("fagui_guizhang_beian_tiaoli_2001.txt")
    r = qa.ask("省人大常委会通过的地方性法规，要报给谁备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("国务院", "第三条第（一）项")]


def test_a_name_the_question_sends_something_to_is_no_bearer_it_names():
    # 上海代表议案规定第二十条: 本市有关机关、组织…向常务委员会提出办理情况的报告，同时抄送市人民代表大会
    # 有关专门委员会; 报常委会 says where the report goes, not who files it
    qa = qa_over("shanghai_daibiao_yian_guiding.txt")
    r = qa.ask("办理情况的报告报常委会的同时，还要抄送谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人民代表大会有关专门委员会", "第二十条第一款")]


def test_a_name_before_another_only_says_whose_and_may_still_be_the_answer():
    # 乡镇人大主席团: the 主席团 reports to the 本级人民代表大会 (地方组织法第十九条第二款)
    qa = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt")
    r = qa.ask("乡镇人大主席团闭会期间的工作，向谁报告？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人民代表大会", "第十九条第二款")]


def test_a_name_the_text_writes_in_quotes_is_asked_without_them():
    # “一府两院”负责人 (北京…专项工作报告办法第十一条): people type 一府两院负责人
    qa = qa_over("beijing_zhuanxiang_gongzuo_baogao_banfa_2008.txt")
    q = qa.reader.read("一府两院负责人什么时候要到会？")
    assert [(m.surface, [t.name for t in m.terms]) for m in q.mentions] == [("一府两院负责人", ["“一府两院”负责人"])]


def test_a_modal_word_is_never_the_verb_asked_about():
    # 谁可以提质询案: 可以 is no 同意 (浙江议事规则第三十三条: 常务委员会组成人员…可以…提出…质询案)
    qa = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt")
    r = qa.ask("在常委会会议期间，谁可以提质询案？")
    assert r.intent != "approve"
    # the members act five or more together: the count stays in the label, the name is the group
    assert [(a.label, a.name, a.source.citation) for a in r.answers] == [
        ("常务委员会组成人员五人以上", "常务委员会组成人员", "第三十三条第一款")]


def test_a_verb_before_yihou_says_when_not_what_is_asked():
    # 重大行政决策定下来以后，谁负责对外公布 asks who publishes (重大行政决策程序暂行条例第三十二条)
    qa = qa_over("zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt")
    r = qa.ask("重大行政决策定下来以后，谁负责对外公布？")
    assert r.intent == "publish"
    assert [(a.label, a.source.citation) for a in r.answers] == [("决策机关", "第三十二条第一款")]


def test_the_quorum_is_asked_by_its_name_or_by_how_many_must_attend():
    # 广东省人民代表大会议事规则第六条: 省人民代表大会会议有三分之二以上的代表出席，始得举行
    qa = qa_over("guangdong_renda_yishi_guize_2022.txt")
    for question in ("省人民代表大会会议的法定人数是多少？", "省人代会要多少代表出席才能举行？",
                     "省人民代表大会会议到多少人才开得成？"):
        r = qa.ask(question)
        assert [(a.label, a.source.citation) for a in r.answers] == [
            ("三分之二以上的代表出席，始得举行", "第六条第一款")], question


def test_what_runs_from_a_marker_to_the_verb_is_no_name_when_it_holds_a_verb():
    # 浙江省人大常委会议事规则第二十九条第一款: 有关机关应当…向常务委员会提出研究处理情况的报告
    qa = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt")
    r = qa.ask("有关机关把审议意见研究处理完了，向谁报告处理情况？")
    assert "常务委员会提出研究" not in [a.label for a in r.answers]


def test_a_short_form_no_name_holds_is_read_as_the_name_it_stands_for():
    # 居委会 -> 居民委员会, 村委会 -> 村民委员会: first characters of the words, the head kept
    qa = qa_over("cunweihui_zuzhifa_2018.txt")
    assert qa._spelt_out("村委会") == frozenset({"村民委员会"})
    assert qa._spelt_out("常委会") == frozenset()   # not a name of this text's terms
    r = qa.ask("村委会的设立、撤销、范围调整，由谁提出？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("乡、民族乡、镇的人民政府", "第三条第二款")]


def test_a_verb_straddling_a_names_edge_is_no_trigger():
    # 提议案 is 提 + 议案, not 提议 (广东省人民代表大会议事规则)
    qa = qa_over("guangdong_renda_yishi_guize_2022.txt")
    intent = qa.reader.read("哪些机关能向省人民代表大会提议案？").intent
    assert intent is None or intent.name != "propose"


def test_the_thing_a_who_question_is_about_is_not_its_answer():
    # 城市居民委员会组织法第九条: 居民会议由十八周岁以上的居民组成 — never 「居民会议」 itself
    qa = qa_over("juweihui_zuzhifa_2018.txt")
    assert "居民会议" not in [a.label for a in qa.ask("居民会议是由哪些人组成的？").answers]
    # …but a name that only qualifies the noun asked about may answer (国务院直属机构的负责人: 国务院)
    gwy = qa_over("guowuyuan_zuzhifa_2024.txt")
    assert "国务院" in [a.label for a in gwy.ask("国务院直属机构的负责人谁来任免？").answers]


@pytest.mark.parametrize("text, question, expected", [
    # a verb with its result (选出) is the text's verb of the same first character (选举产生),
    # and a class of people (村民) may be who does it
    ("cunweihui_zuzhifa_2018.txt", "村委会主任由谁选出？", [("村民", "第十一条第一款")]),
    # 人代会 is the usual contraction of 人民代表大会 (会议)
    ("guangdong_renda_yishi_guize_2022.txt", "谁主持省人代会？", [("主席团", "第十一条第一款")]),
    # 审完 is the text's 审议…后
    ("zhejiang_renda_changweihui_yishi_guize_2020.txt", "专门委员会审完质询案，报告交给谁？",
     [("常务委员会", "第三十七条第二款"), ("主任会议", "第三十七条第二款")]),
    # the full name asked (全国人大常委会会议) is the text's short one (常务委员会会议) once the text
    # has named it in full
    ("quanguo_renda_changweihui_yishi_guize_2022.txt", "全国人大常委会会议由谁召集？", [("委员长", "第六条第三款")]),
    # 报到哪里 asks where the thing goes
    # (…或者它的派出机关: that body's own; 它的 only says whose, and the quote says it)
    ("juweihui_zuzhifa_2018.txt", "居民公约报到哪里备案？", [("不设区的市、市辖区的人民政府", "第十五条第一款"),
                                                    ("派出机关", "第十五条第一款")]),
])
def test_spoken_forms_of_verbs_and_names_find_the_texts_words(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_verb_read_only_as_the_first_word_of_a_noun_names_no_one(qa):
    assert qa._only_nominal("政府督查机构可以根据督查结论或者整改核查结果，提出建议。", "核查")
    assert not qa._only_nominal("政府督查机构可以根据工作需要，对整改情况进行核查。", "核查")


def test_the_jurisdiction_in_a_name_asked_does_not_pick_the_provision_that_also_names_it():
    # 全国人民代表大会 is what the whole text is about: 第十一条 (…邀请有关的全国人民代表大会代表列席)
    # is no closer to 全国人大常委会 than 第十条 is
    r = qa_over("quanguo_renda_changweihui_yishi_guize_2022.txt").ask("全国人大常委会开会时谁列席？")
    assert sorted({a.source.citation for a in r.answers}) == ["第十一条第一款", "第十条第一款", "第十条第二款"]


def test_a_body_before_kaihui_stands_for_its_meeting_as_the_text_spells_it_out():
    # 人大常委会开会 is the text's 本级人民代表大会常务委员会会议 (第五十一条第二款), not the
    # 人民代表大会会议 that 第二十一条 is about
    r = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").ask("县人大常委会开会，谁列席？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("地方各级人民政府负责人", "第五十一条第二款"), ("监察委员会负责人", "第五十一条第二款"),
        ("人民法院负责人", "第五十一条第二款"), ("人民检察院负责人", "第五十一条第二款")]


def test_shei_lai_ding_asks_who_settles_it(qa):
    # jieba's 来定 is 来 and the verb 定; 定 is settling (确定), not 审定 of the draft before it
    r = qa.ask("常务会议的议题谁来定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第五十条第二款")]


def test_zhao_shei_with_a_duty_towards_someone_asks_to_whom():
    # 找谁请假 asks to whom (秘书处 is a body: 向会议秘书处书面请假); 找谁批 still asks who approves
    r = qa_over("quanguo_renda_yishi_guize_2021.txt").ask("代表因病来不了大会，要找谁请假？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("会议秘书处", "第十五条第一款")]


def test_a_thing_handed_to_someone_goes_to_the_name_after_jiao_gei():
    # 行政学院工作条例第三十九条: …提交给学员派出单位的组织人事部门 (给 is no part of the name)
    r = qa_over("xingzheng_xueyuan_gongzuo_tiaoli_2009.txt").ask("学员在学院期间的思想、学习、守纪情况，学院要交给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("学员派出单位的组织人事部门", "第三十九条第一款")]


def test_how_many_times_in_everyday_words_asks_a_frequency():
    # 人民调解委员会组织条例第三条第二款: …每三年改选一次 (隔几年 asks the period, 几回 the times)
    r = qa_over("renmin_tiaojie_weiyuanhui_zuzhi_tiaoli_1989.txt").ask("调解委员隔几年要改选一次？")
    assert [(a.kind, a.label, a.value, a.source.citation) for a in r.answers] == [
        ("quantity", "每三年改选一次", 3.0, "第三条第二款")]
    r = qa_over("shanghai_juweihui_gongzuo_tiaoli_2020.txt").ask("民主评议一年至少搞几回？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("每年不得少于一次", 1.0, "第十八条第二款")]


def test_posts_and_bodies_the_text_names_are_terms_though_no_norm_names_them():
    # 重庆乡镇人大工作条例: 主席团成员 acts in no norm the extractor reads, but the text names it, so
    # a question about notifying the 主席团成员 is not about the 代表 that 第十一条 notifies
    qa = qa_over("chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt")
    assert "主席团成员" in qa.reader.terms.by_label
    assert qa.ask("主席团开会要提前几天通知主席团成员？").answers == []
    assert [a.label for a in qa.ask("人代会开会要提前几天通知代表？").answers] == ["十日前"]


def test_a_trigger_that_is_also_a_name_is_what_is_asked(qa):
    # 组成人员 is a role the seed names and the trigger of 组成: the question asks who the members are
    r = qa.ask("区长办公会议的组成人员有哪些？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第四十四条第一款"),
                                                                 ("副区长", "第四十四条第一款")]


def test_a_verb_the_grammar_does_not_read_is_looked_for_before_a_kindred_one():
    # 信访条例: 督促 (第三十二条第二款, 有权处理的行政机关…应当督促…执行) is asked, not the 督办 of
    # 第三十六条, which only shares the intent
    r = qa_over("xinfang_tiaoli_2005.txt").ask("处理意见是支持信访人请求的，谁负责督促有关单位去落实？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("有权处理的行政机关", "第三十二条第二款")]


def test_a_session_opening_is_its_being_convened():
    # 全国人大议事规则第二条: 会议召开的日期由全国人民代表大会常务委员会决定 (开幕 is the everyday word)
    r = qa_over("quanguo_renda_yishi_guize_2021.txt").ask("今年的全国人代会具体哪天开幕，是谁来定的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("全国人民代表大会常务委员会", "第二条第一款")]


def test_a_verb_said_apart_is_read_as_the_verb(qa):
    # 出了缺, 任了职, 签个字: the verb and its object with 了/过/个 between them; 说了算 and 干了一半 stay
    read = qa.reader.read
    assert read("代表出了缺，由谁补选？").text == "代表出缺,由谁补选?"
    assert read("主席团成员任了职，向谁辞职？").text == "主席团成员任职,向谁辞职?"
    assert read("谁说了算？").text == "谁说了算?"
    assert read("要跟谁打个招呼？").text == "要跟谁打招呼?"
    assert read("副乡长干了一半想辞职").text == "副乡长干了一半想辞职"


def test_qu_nali_asks_where_a_thing_goes(qa):
    # 可以去哪里起诉 asks where one sues (向人民法院起诉), not who sues
    assert qa.reader.read("当事人不想调解，可以去哪里起诉？").kind == "to_whom"
    assert qa.reader.read("调解协议由谁来履行？").kind == "who"


def test_acting_before_a_post_names_the_acting_post_not_a_delegation(difang_qa):
    # （十三）…在…县长…因故不能担任职务的时候，…决定代理的人选 — not (十七), which removes deputies
    r = difang_qa.ask("县长因故不能担任职务了，代理县长由谁决定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("地方各级人民代表大会常务委员会", "第五十条第一款第（十三）项")]


def test_how_many_votes_carry_a_motion_is_a_share():
    # 表决议案，由常委会全体组成人员的过半数赞成通过 (重庆市人大常委会议事规则第四十六条)
    qa = qa_over("chongqing_renda_changweihui_yishi_guize_2023.txt")
    r = qa.ask("常委会表决议案，要多少人赞成才算通过？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("过半数", "第四十六条第一款")]


def test_the_words_right_after_the_question_word_are_its_verb_though_jieba_tags_them_nouns():
    # jieba tags 汇总 and 整理 nouns here; 审议 before 由谁 is what the 委员 did, not what is asked
    qa = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt")
    r = qa.ask("委员审议工作报告提的那些意见，由谁汇总整理？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("有关专门委员会", "第二十九条第一款"), ("常务委员会工作机构", "第二十九条第一款")]


@pytest.mark.parametrize("question, expected", [
    # 负责 gives way to the verb after it, though no action of the grammar is 整理; the offices are
    # named whole (常务委员会 + 信访工作部门, 代表联络工作部门)
    ("人民来信来访集中反映的问题，由谁负责整理？", [("常务委员会信访工作部门", "第三条第一款第（五）项")]),
    ("代表们意见集中反映的问题，由谁负责整理？", [("常务委员会代表联络工作部门", "第三条第一款第（二）项")]),
])
def test_a_light_verb_gives_way_to_the_verb_after_it_known_or_not(question, expected):
    qa = qa_over("beijing_zhuanxiang_gongzuo_baogao_banfa_2008.txt")
    assert [(a.label, a.source.citation) for a in qa.ask(question).answers] == expected


def test_a_name_asked_in_full_is_the_short_form_the_text_uses_after_naming_it(difang_qa):
    # 第四十六条: …的人民代表大会设立常务委员会，对本级人民代表大会负责并报告工作
    r = difang_qa.ask("县人大常委会向谁负责并报告工作？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人民代表大会", "第四十六条第一款")]


def test_the_one_provision_where_the_named_party_acts_answers_though_the_rest_is_said_loosely():
    # 分组会议审议过程中有重大意见分歧…的，召集人应当及时向秘书长报告 (重庆 第十七条第二款)
    qa = qa_over("chongqing_renda_changweihui_yishi_guize_2023.txt")
    r = qa.ask("分组讨论争得很厉害，召集人要跟谁报告？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("秘书长", "第十七条第二款")]


def test_a_condition_pointing_back_is_read_with_the_sentences_it_points_to():
    # 不得隐瞒实情、弄虚作假…。有上述情形的，由政府督查机构责令改正 (政府督查工作条例第二十五条)
    qa = qa_over("zhengfu_ducha_gongzuo_tiaoli_2020.txt")
    r = qa.ask("被督查的单位隐瞒实情、弄虚作假，由谁责令改正？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("政府督查机构", "第二十五条第一款")]


def test_a_verb_right_after_which_is_the_noun_it_picks_when_another_verb_follows():
    # 哪些领导…列席: not who leads (领导), but who attends; 第十六条 lists them comma by comma
    qa = qa_over("quanguo_renda_yishi_guize_2021.txt")
    r = qa.ask("全国人代会开会，哪些领导是要列席的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("国务院的组成人员", "第十六条第一款"), ("中央军事委员会的组成人员", "第十六条第一款"),
        ("国家监察委员会主任", "第十六条第一款"), ("最高人民法院院长", "第十六条第一款"),
        ("最高人民检察院检察长", "第十六条第一款")]


@pytest.mark.parametrize("text, question, expected", [
    # 出 (money) is what 承担 says; the department is named by its part (由委托部门承担)
    ("cunweihui_zuzhifa_2018.txt", "人民政府有关部门委托村民委员会开展工作，所需经费由谁出？",
     [("委托部门", "第三十七条第一款")]),
    # 盯 is 监督's everyday word (居民委员会…监督执行, 居委会组织法第十五条第一款)
    ("juweihui_zuzhifa_2018.txt", "居民公约由谁盯着执行？", [("居民委员会", "第十五条第一款")]),
    # 拨钱 is 拨付's (由不设区的市、市辖区的人民政府或者上级人民政府规定并拨付)
    ("juweihui_zuzhifa_2018.txt", "居委会的经费和补贴，谁拨钱？",
     [("不设区的市、市辖区的人民政府", "第十七条第一款"), ("上级人民政府", "第十七条第一款")]),
    # 够不上 is the text's 不构成 (尚不构成犯罪的，由公安机关依法给予治安管理处罚, 信访条例第四十八条)
    ("xinfang_tiaoli_2005.txt", "捏造事实诬告陷害他人，够不上犯罪的，由谁处罚？", [("公安机关", "第四十八条第一款")]),
    # 拿 (an opinion, a plan) is putting it forward (由国务院法制机构提出处理意见, 法规规章备案条例第十五条)
    ("fagui_guizhang_beian_tiaoli_2001.txt", "部门规章和地方政府规章对同一件事规定不一样，协调不成的，处理意见由谁来拿？",
     [("国务院法制机构", "第十五条第一款")]),
])
def test_an_everyday_verb_is_read_as_the_verb_the_provision_writes(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


@pytest.mark.parametrize("question, citation", [
    # 地方组织法第二十四条 opens 地方各级人民代表大会举行会议的时候; its third paragraph says who signs
    ("人代会上质询案书面答复由谁签署？", "第二十四条第三款"),
    # …and 第五十三条 opens 在常务委员会会议期间, with the same third paragraph
    ("常委会会议期间，书面答复质询案要谁签署？", "第五十三条第三款"),
])
def test_a_name_the_provisions_article_sets_the_scene_with_tells_two_like_provisions_apart(question, citation):
    r = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == [("受质询机关的负责人", citation)]


def test_an_office_said_with_another_head_is_the_texts_office():
    # 信访部门 for the text's 信访工作机构 (信访条例第二十一条第一款第（三）项)
    r = qa_over("xinfang_tiaoli_2005.txt").ask("下级信访部门办理转送事项的情况，要定期报告给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("上一级人民政府信访工作机构", "第二十一条第一款第（三）项")]


def test_how_often_with_a_verb_between_asks_a_frequency_and_a_deadline_is_none(qa):
    assert [a.label for a in qa.ask("区政府常务会议多久要开一次？").answers] == ["每2周召开1次"]
    # 信访条例第三十九条 says 定期; the 15日内 of 第二十一条 is a deadline, not how often
    r = qa_over("xinfang_tiaoli_2005.txt").ask("信访部门的信访情况分析报告多久交一次？")
    assert r.answers == []


def test_a_document_kinds_name_said_as_the_verb_before_another_verb_names_no_document():
    # 申请复查: 信访条例第三十四条 writes 请求…复查 and no 申请 (a document kind) at all
    r = qa_over("xinfang_tiaoli_2005.txt").ask("拿到处理意见的书面答复后不服，多少天内可以申请复查？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("30日内", 30.0, "第三十四条第一款")]


@pytest.mark.parametrize("question, expected", [
    # 请求X的Y复查: the one asked is Y, named with whose it is, though the lexicon reads only
    # 行政机关 of 原办理行政机关
    ("处理意见不服，申请复查要找谁？", [("原办理行政机关的上一级行政机关", "第三十四条第一款")]),
    # 往哪 asks where to; 向X请求复核: the marker word 请求 before the verb is no part of X
    ("对复查意见不服，往哪申请复核？", [("复查机关的上一级行政机关", "第三十五条第一款")]),
])
def test_whom_one_applies_to_is_the_one_the_text_asks_to_act(question, expected):
    r = qa_over("xinfang_tiaoli_2005.txt").ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_an_item_read_on_demand_has_the_one_its_lead_names_act():
    # 信访条例第六条第二款: 县级以上人民政府信访工作机构…履行下列职责：…(六)对…的信访工作进行指导
    r = qa_over("xinfang_tiaoli_2005.txt").ask("下级政府信访部门的信访工作，归谁来指导？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("县级以上人民政府信访工作机构", "第六条第二款第（六）项")]


@pytest.mark.parametrize("question, citation, condition", [
    # 有下列情形之一的，由其上级行政机关责令改正 (信访条例第四十二条): the item the question states
    ("明明是自己职权范围内的信访事项，机关就是不受理，谁来让它改正？", "第四十二条第（二）项",
     "对属于其法定职权范围的信访事项不予受理的"),
    ("机关收到信访事项不按规定登记，谁来责令改正？", "第四十二条第（一）项", "对收到的信访事项不按规定登记的"),
    # …and the 款 when the question states none of them
    ("受理信访事项的行政机关违反条例规定，由谁责令改正？", "第四十二条第一款", "有下列情形之一的"),
])
def test_a_question_stating_one_of_the_listed_circumstances_gets_its_item(question, citation, condition):
    r = qa_over("xinfang_tiaoli_2005.txt").ask(question)
    assert [(a.label, a.source.citation, a.condition) for a in r.answers] == [
        ("上级行政机关", citation, condition)]
    # the quote is the 款's sentence; the text shown with it goes on to the item cited
    assert "由其上级行政机关责令改正" in r.answers[0].quote
    shown = r.answers[0].source.text.split("\n")
    assert shown[-1].startswith(condition) if "项" in citation else len(shown) == 1


def test_a_deadline_asked_with_everyday_nouns_and_the_cue_ending_in_nei():
    # 几天内: the cue whole (no 内 left in the topic); 事情 and 告诉 are the text's 事项 and 告知
    r = qa_over("xinfang_tiaoli_2005.txt").ask("向行政机关反映的事情，当场答复不了是否受理的，几天内要书面告诉信访人？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("15日内", 15.0, "第二十二条第二款")]


def test_the_amount_a_quantity_question_states_itself_is_no_answer():
    # 一届干几年: 每届任期五年 (第三条), not the 一届 of 第十五条 the question happens to say
    r = qa_over("beijing_xiangzhen_renda_zuzhi_tiaoli.txt").ask("乡人大一届干几年？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("每届任期五年", 5.0, "第三条第一款")]


def test_a_quorum_question_is_answered_by_the_quorum_never_by_another_share():
    # 必须有三分之二以上代表出席，始得举行 (北京市乡镇人大组织条例第六条); 过半数 elsewhere is no quorum
    r = qa_over("beijing_xiangzhen_renda_zuzhi_tiaoli.txt").ask("镇人大开会要有多少代表到场才开得成？")
    assert [(a.source.citation, round(a.value, 4)) for a in r.answers] == [("第六条第一款", 0.6667)]


def test_a_verb_in_a_clause_ending_in_yihou_says_when_not_what_is_asked():
    # 决定受不受理以后…还要通报谁: not who decides; 并按要求通报信访工作机构 (信访条例第二十一条第二款)
    r = qa_over("xinfang_tiaoli_2005.txt").ask("行政机关对转来的信访事项决定受不受理以后，还要通报谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("信访工作机构", "第二十一条第二款")]


@pytest.mark.parametrize("text, question, expected", [
    # 拖着不办 is the text's 拖延执行 (重大行政决策程序暂行条例第四十条)
    ("zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt", "执行单位对重大决策拖着不办，由谁责令改正？",
     [("决策机关", "第四十条第一款")]),
    # 推来推去 is its 推诿, one of the circumstances 第三十六条 lists (信访条例)
    ("xinfang_tiaoli_2005.txt", "有关机关办信访事项推来推去，谁来督办？",
     [("县级以上人民政府信访工作机构", "第三十六条第一款第（四）项")]),
])
def test_shirking_and_delaying_said_in_everyday_words_are_the_texts(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_bodys_banzi_is_who_it_is_made_up_of():
    # 村民委员会由主任、副主任和委员共三至七人组成 (村民委员会组织法第六条): at most seven
    r = qa_over("cunweihui_zuzhifa_2018.txt").ask("村委会班子最多几个人？")
    assert [(a.label, a.value) for a in r.answers] == [("三至七人", 7.0)]


@pytest.mark.parametrize("question, expected", [
    # 第三条 (每届…第一次会议，在本届…代表选举完成后…由上届…常务委员会召集) and 第十一条 (主席团第一次
    # 会议由…委员长召集…) answer 第一次会议…召集 equally; the question's other words pick one
    ("这届代表选出来了，第一次会议谁召集？", [("上届全国人民代表大会常务委员会", "第三条第一款")]),
    ("主席团第一次会议由谁召集？", [("全国人民代表大会常务委员会委员长", "第十一条第一款")]),
])
def test_of_articles_answering_equally_with_different_parties_the_one_saying_most_of_the_question_answers(
        question, expected):
    r = qa_over("quanguo_renda_yishi_guize_2021.txt").ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


@pytest.mark.parametrize("text, question, expected", [
    # the verb right before 给谁 is what is done (印发), not 答复 before it
    ("chongqing_renda_changweihui_yishi_guize_2023.txt", "书面答复要印发给谁？",
     [("常委会组成人员", "第四十条第二款"), ("有关专门委员会", "第四十条第二款")]),
    # 报给谁: the cue opens with the verb; 到会 is what is reported on
    ("guangdong_renda_yishi_guize_2022.txt", "代表有没有到会，秘书处要报给谁？", [("主席团", "第十五条第二款")]),
])
def test_the_verb_before_gei_shui_is_what_goes_to_the_one_asked_for(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_verb_said_twice_says_nothing_of_what_a_question_is_about():
    from kg.lexicon import load_lexicon
    from kg.question import Reader, TermIndex, load_config
    reader = Reader(load_config(), TermIndex([]), load_lexicon())
    assert "改一改" not in reader.read("年度计划想改一改，谁有权调整？").topic.split()
    assert "商量商量" not in reader.read("这事要商量商量，由谁召集？").topic.split()
    assert "年度计划" in reader.read("年度计划想改一改，谁有权调整？").topic.split()


def test_a_xiaozu_discussion_is_the_texts_fenzu_huiyi():
    # 分组会议由小组召集人主持 (浙江省人大常委会议事规则第十三条第二款)
    r = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt").ask("小组讨论时谁主持？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("小组召集人", "第十三条第二款")]


def test_an_amount_the_asker_guesses_is_no_topic_of_a_quantity_question():
    # 公开征求意见的期限一般不少于30日 (重大行政决策程序暂行条例第十五条第一款)
    r = qa_over("zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt").ask("挂两个星期够不够？征求意见最少挂多久？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("不少于30日", 30.0, "第十五条第一款")]


def test_an_item_that_answers_as_well_as_its_paragraphs_lead_is_the_answer_alone():
    # 第三条第一款: 议题建议，由人大专门委员会或者常务委员会工作机构…提出; its （三）: 常务委员会组成人员
    # 提出的比较集中的问题，由常务委员会办公厅（室）整理提出 — the item is the case asked about
    qa = qa_over("beijing_zhuanxiang_gongzuo_baogao_banfa_2008.txt")
    r = qa.ask("常委会委员们提得比较多的问题，作为报告议题由谁来整理提出来？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("常务委员会办公厅（室）", "第三条第一款第（三）项")]


def test_a_document_kind_said_as_the_verb_after_the_question_word_is_the_verb():
    # 申请 is a document kind (报送申请) but 向谁申请复核 asks to whom one applies: 第十七条 names the
    # 人民政府 that made the conclusion, not a party called 「…人民政府申请」
    qa = qa_over("zhengfu_ducha_gongzuo_tiaoli_2020.txt")
    r = qa.ask("督查对象对督查结论有异议，向谁申请复核？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("作出该督查结论的人民政府", "第十七条第一款")]


def test_a_word_the_question_shares_with_the_party_asked_for_does_not_favour_that_party():
    # 委员们的审议意见由谁来汇总整理: 委员 is in 有关专门委员会 but says nothing of whether it, rather
    # than the 常委会工作机构 the same provision names, is the one asked for
    qa = qa_over("chongqing_renda_changweihui_yishi_guize_2023.txt")
    r = qa.ask("常委会听完报告没作决议，委员们的审议意见由谁来汇总整理？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("有关专门委员会", "第三十四条第一款"), ("常委会工作机构", "第三十四条第一款")]


@pytest.mark.parametrize("text, question, expected", [
    # 人民调解委员会组织条例第三条第四款: 补选 is written there alone, so a question saying little
    # else in the text's words still finds it
    ("renmin_tiaojie_weiyuanhui_zuzhi_tiaoli_1989.txt", "有个调解委员身体不行干不了了，谁来补选？",
     [("原选举单位", "第三条第四款")]),
    # 行政学院工作条例第四十六条: 选聘, once in the text
    ("xingzheng_xueyuan_gongzuo_tiaoli_2009.txt", "想请几位专家来学院兼课，谁来选聘？",
     [("行政学院", "第四十六条第一款")]),
])
def test_a_verb_the_text_writes_in_one_provision_alone_points_to_it(text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_list_of_recipients_read_only_in_part_gives_no_answer():
    # 浙江省人大常委会议事规则第七条 notifies 常务委员会组成人员和列席会议的部门及人员; the second
    # name is none the reader knows, so the first alone would be half the answer
    r = qa_over("zhejiang_renda_changweihui_yishi_guize_2020.txt").ask("会议的日期要通知谁？")
    assert r.answers == [] and "没有找到" in r.message


def test_a_quantity_named_but_not_asked_leaves_a_who_question(qa):
    # 期限 names a span; with 由谁 and no 几/多 the question asks who puts it forward
    assert qa.reader.read("延期的理由和期限由谁提出来？").kind == "who"
    assert qa.reader.read("请假的期限最多多久？").kind == "quantity"
    r = qa_over("shanghai_cunweihui_xuanju_banfa_2020.txt").ask("换届选举没法按时搞，延期的理由和期限由谁提出来？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("村民委员会", "第五条第二款")]


def test_a_name_ending_with_a_trigger_gives_way_to_the_verb_before_it():
    # 重庆市乡镇人大工作条例第三十条第三款: 辞掉 is asked; the 成员 that ends 主席团成员 asks no members
    r = qa_over("chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt").ask(
        "主席团成员去行政机关任职，要向谁辞掉主席团成员职务？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("人民代表大会", "第三十条第三款")]


def test_an_everyday_verb_is_answered_by_a_written_form_the_grammar_does_not_read():
    # 上海市村民委员会选举办法第十二条第三款: 差额数由村民选举委员会…规定; 定 says 规定 as well as the
    # 决定 of 第二十一条, which speaks of candidates too
    r = qa_over("shanghai_cunweihui_xuanju_banfa_2020.txt").ask("村委会委员的候选人差额数，谁来定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("村民选举委员会", "第十二条第三款")]


@pytest.mark.parametrize("text, question, expected", [
    # 上海市居民委员会工作条例第二十一条第一款: 居民委员会…可以向街道办事处…反映 — who goes there is
    # named, the question asks where
    ("shanghai_juweihui_gongzuo_tiaoli_2020.txt", "物业公司不按合同办事，居委会可以去找谁反映？",
     [("街道办事处", "第二十一条第一款"), ("乡镇人民政府", "第二十一条第一款"), ("房屋行政管理部门", "第二十一条第一款")]),
    # 政府督查工作条例第十七条第一款: 找谁申请 asks whom one applies to, 督查对象 going unnamed as
    # the one who applies
    ("zhengfu_ducha_gongzuo_tiaoli_2020.txt", "被督查单位对督查结论有意见，要找谁申请复核？",
     [("作出该督查结论的人民政府", "第十七条第一款")]),
    # 重庆市乡镇人大工作条例第三十条第三款: with 向X before the verb, the 主席团成员 after it is what
    # is resigned from, not whom one resigns to
    ("chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt", "主席团成员要是去政府任了职，得向谁辞掉主席团成员的职务？",
     [("人民代表大会", "第三十条第三款")]),
])
def test_whom_one_goes_to_is_read_though_who_goes_is_unnamed_or_the_question_says_zhao_shei(
        text, question, expected):
    r = qa_over(text).ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_an_amendment_is_a_document_the_provision_must_speak_of():
    # 广东省人大议事规则第二十五条: 书面修正案…由主席团先交有关专门委员会审议; 第二十四条 sends 议案
    # to the 大会全体会议 and never speaks of an amendment
    r = qa_over("guangdong_renda_yishi_guize_2022.txt").ask("代表的书面修正案，主席团先交给谁审议？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("有关专门委员会", "第二十五条第一款")]


def test_a_question_word_ends_where_a_word_ends(qa):
    # 哪些人大机关: 哪些 and 人大机关, not the 哪些人 that asks who the members are
    q = qa.reader.read("哪些人大机关对村委会选举进行监督检查？")
    assert q.intent is not None and q.intent.name == "supervise"
    r = qa_over("shanghai_cunweihui_xuanju_banfa_2020.txt").ask("哪些人大机关对村委会选举进行监督检查？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("区人民代表大会", "第三十三条第一款"), ("常务委员会", "第三十三条第一款"), ("乡、镇人民代表大会", "第三十三条第一款")]


def test_how_many_times_in_a_period_is_the_count_not_the_period():
    # 基金会管理条例第二十一条第二款: 理事会每年至少召开2次会议 — 一年开几次 is 2, not every half year
    r = qa_over("jijinhui_guanli_tiaoli_2004.txt").ask("理事会一年至少开几次会？")
    assert [(a.value, a.source.citation) for a in r.answers] == [(2.0, "第二十一条第二款")]


def test_words_read_as_a_name_after_a_marker_are_no_name_when_they_run_past_a_known_one():
    # 基金会管理条例: 年度工作报告在登记管理机关指定的媒体上公布 — the 报 of 报告 marks no one, and
    # 向登记管理机关办理分支机构…的注销登记 goes to the 登记管理机关, not to 登记管理机关办理分支机构
    qa = qa_over("jijinhui_guanli_tiaoli_2004.txt")
    labels = [a.label for q in ("年度报告登在哪家媒体上，谁来指定？", "基金会撤销分支机构，要向谁办理注销登记？")
              for a in qa.ask(q).answers]
    assert not any(lb.startswith("告") or "办理" in lb or lb.endswith("注销") for lb in labels), labels
    # …and the 分支机构 after 办理 is what is deregistered, not whom one goes to
    assert [(a.label, a.source.citation) for a in qa.ask("基金会撤销分支机构，要向谁办理注销登记？").answers] == [
        ("登记管理机关", "第十七条第一款")]


def test_a_term_said_only_in_the_circumstance_of_a_lists_lead_weighs_less_than_one_acted_on():
    # 全国人大议事规则: 第二条 says who decides the session's date; 第五条第（三）项 decides the list
    # of those attending, in the preparations its lead sets before the session
    qa = qa_over("quanguo_renda_yishi_guize_2021.txt")
    r = qa.ask("今年的全国人代会具体哪天开幕，是谁来定的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("全国人民代表大会常务委员会", "第二条第一款")]


def test_a_verb_that_is_only_a_synonym_of_an_action_needs_as_much_evidence_as_one_read_on_demand():
    # 交给有关部门去办 is 词林's synonym of 提交, but no 提请…审议 (重庆市乡镇人大工作条例第三十一条第（四）项)
    # answers who hands suggestions on to be handled (第十六条: 由主席团交有关机关…研究处理)
    qa = qa_over("chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt")
    r = qa.ask("代表在大会上提的建议、批评和意见，由谁交给有关部门去办？")
    assert all(a.source.citation != "第三十一条第（四）项" for a in r.answers)


def test_which_day_asks_the_date_and_where_the_place():
    # 浙江省人大议事规则第四条第一款: 会议召开的日期、地点，由省人民代表大会常务委员会决定
    qa = qa_over("zhejiang_renda_yishi_guize_1994.txt")
    r = qa.ask("省人代会每年哪天开、在哪儿开，谁说了算？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("省人民代表大会常务委员会", "第四条第一款")]


def test_the_kind_of_party_asked_for_is_no_topic_word():
    # 浙江省人大议事规则第三十二条第一款: 哪些机关 asks for names the provision writes without 机关
    qa = qa_over("zhejiang_renda_yishi_guize_1994.txt")
    r = qa.ask("每年开大会，哪些机关要上台作工作报告？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("省人民代表大会常务委员会", "第三十二条第一款"), ("省人民政府", "第三十二条第一款"),
        ("省高级人民法院", "第三十二条第一款"), ("省人民检察院", "第三十二条第一款")]


def test_a_title_no_provision_writes_gets_no_answer_unless_it_is_a_government_member():
    # 北京市实施代表法办法第十三条第一款: 十分之一以上代表联名，可以提出对…人民政府组成人员、人民法院院长、人民
    # 检察院检察长的罢免案. A 副区长 is one of the 区人民政府组成人员 (qa.toml government_posts), so the
    # provision speaks of him though it does not write the post; a 庭长 is none of those it names.
    # (Until the twenty-second session a 副省长 was never read as a 组成人员; three sets written blind
    # all asked it so.)
    qa = qa_over("beijing_daibiaofa_shishi_banfa_2014.txt")
    r = qa.ask("区人代会开会期间要罢免副区长，得有多大比例的代表联名？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("十分之一以上", "第十三条第一款")]
    assert qa.ask("区人代会开会期间要罢免区法院庭长，得有多大比例的代表联名？").answers == []


def test_who_has_the_power_to_asks_who_does_it():
    # 广东省人大议事规则第十三条第一款: 主席团常务主席可以召开代表团团长会议
    qa = qa_over("guangdong_renda_yishi_guize_2022.txt")
    r = qa.ask("各代表团团长会议，谁有权召开？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("主席团常务主席", "第十三条第一款")]


def test_who_brings_out_a_draft_asks_who_puts_it_forward():
    # 浙江省人大议事规则第七条第（二）项: the 常委会 提出主席团和秘书长名单草案 (in its lead's preparations)
    qa = qa_over("zhejiang_renda_yishi_guize_1994.txt")
    r = qa.ask("大会主席团和秘书长的名单草案，开会前由谁拿出来？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("省人民代表大会常务委员会", "第七条第（二）项")]


def test_words_saying_only_that_something_must_pass_first_are_no_topic():
    # 上海市居民委员会工作条例第十三条第一款: 居民公约…经居民会议讨论通过后实施
    qa = qa_over("shanghai_juweihui_gongzuo_tiaoli_2020.txt")
    r = qa.ask("居民公约起草好了，要经过谁讨论通过才能实行？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("居民会议", "第十三条第一款")]


def test_a_body_named_only_as_whose_department_it_is_may_still_be_the_answer():
    # 国务院行政机构设置和编制管理条例第十九条第一款: 国务院某部门 names the 国务院 as the owner of the
    # department asking; the 国务院 approves its staffing
    qa = qa_over("guowuyuan_jigou_bianzhi_tiaoli_1997.txt")
    r = qa.ask("国务院某部门要加编制，方案最后找谁批？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("国务院", "第十九条第一款")]


def test_a_short_form_of_two_long_ones_is_spelt_out_the_same_way_in_every_run():
    # 人代会 is short for 人民代表大会 and for 人民代表大会会议: the order was a set's, which the hash
    # seed changed, so 人代会开会 was the congress's meeting in one run and no meeting in the next
    import os
    import subprocess
    import sys

    from kg.lexicon import load_lexicon
    from kg.terms import long_forms
    forms = [p for p in long_forms(load_lexicon().grammar) if p[0] == "人代会"]
    assert forms == [("人代会", "人民代表大会"), ("人代会", "人民代表大会会议")]
    code = ("from kg.lexicon import load_lexicon; from kg.terms import long_forms; "
            "print(long_forms(load_lexicon().grammar))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1


def test_a_name_listing_levels_of_government_answers_with_each_member():
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵拒绝参加训练，谁来责令他限期改正？")
    doc = r.to_json()["answers"]
    assert [(a["label"], a["members"], a["source"]["citation"]) for a in doc] == [
        ("区、县人民政府", ["区人民政府", "县人民政府"], "第三十一条第一款")]
    assert qa_over("guowuyuan_zuzhifa_2024.txt").ask("行政法规由谁签署？").answers[0].members == ()


def test_what_stands_before_a_modal_word_and_you_is_what_is_done():
    # 民兵武器装备应当由上海警备区和区、县人民武装部集中保管 (上海市民兵预备役工作条例第二十二条第一款)
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵武器平时由谁集中保管？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("上海警备区", "第二十二条第一款"), ("区、县人民武装部", "第二十二条第一款")]


def test_a_light_verb_gives_way_to_the_verb_after_a_word_saying_how():
    q = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵预备役人员的信息谁负责随时掌握、及时更新？")
    assert [(a.label, a.source.citation) for a in q.answers] == [
        ("人民武装部", "第十一条第二款"), ("预备役部队", "第十一条第二款")]


def test_handing_a_task_down_is_asked_as_sending_it():
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵预备役人员的编组任务是谁往下派的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("上海警备区", "第九条第一款")]


def test_who_set_up_a_body_is_read_from_a_name_before_the_verb_and_de():
    # 行政学院包括国务院设立的国家行政学院，省、自治区、直辖市人民政府设立的行政学院，…，新疆生产建设兵团
    # 设立的行政学院 (行政学院工作条例第七条第一款)
    qa = qa_over("xingzheng_xueyuan_gongzuo_tiaoli_2009.txt")
    r = qa.ask("国家行政学院是谁设立的？")
    assert [(a.label, a.source.citation, a.quote) for a in r.answers] == [
        ("国务院", "第七条第一款", "行政学院包括国务院设立的国家行政学院")]
    # the 设 of 建设 no longer ends the name there: the 兵团 is the text's 新疆生产建设兵团
    assert [a.label for a in qa.ask("兵团的行政学院是谁设立的？").answers] == ["新疆生产建设兵团"]


@pytest.mark.parametrize("question", [
    # 代表团全体会议推选代表团团长一人，副团长若干人 (浙江省人民代表大会议事规则第九条第一款)
    "每个代表团能推选几个副团长？",
    # a quorum asked of a meeting the text gives none for, not the 团长一人 of its article
    "代表团全体会议要有多少代表到场才能开？",
])
def test_a_number_the_text_does_not_give_gets_no_answer(question):
    assert qa_over("zhejiang_renda_yishi_guize_1994.txt").ask(question).answers == []


def test_a_verb_before_de_says_what_the_names_right_before_it_do_not_the_subject():
    # 国家机关、社会团体、企业事业单位以及其他组织应当支持人民武装部和预备役部队开展的民兵预备役政治
    # 教育活动 (上海市民兵预备役工作条例第十三条第二款): 其他组织 is no verb, and who 开展 the 活动 are
    # the two names before 开展的, not the ones who support it
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵预备役政治教育活动是谁开展的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("人民武装部", "第十三条第二款"), ("预备役部队", "第十三条第二款")]


def test_of_several_numbers_the_one_the_text_writes_before_what_is_counted_answers():
    # 居民委员会由主任、副主任和委员共5至7人组成 (第七条第一款), not the 居民10人以上联名 of 第九条
    r = qa_over("henan_juweihui_shishi_banfa_2020.txt").ask("居委会班子最少要有几个人？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("5至7人", "第七条第一款")]


def test_a_name_before_meinian_de_and_a_noun_qualifies_the_noun_and_may_still_act():
    # 民兵组织和预备役部队的年度军事训练任务，由上海警备区、区县人民武装部和预备役部队逐级编制下达
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵和预备役部队每年的军事训练任务由谁编排下达？")
    assert [a.label for a in r.answers] == ["上海警备区", "区县人民武装部", "预备役部队"]


def test_not_making_it_to_a_meeting_is_not_attending_it():
    # 因病或者其他特殊原因不能出席会议的，必须向主席或者副主席书面请假 (北京市乡镇人大组织条例第三十四条)
    r = qa_over("beijing_xiangzhen_renda_zuzhi_tiaoli.txt").ask("代表病了来不了开会，得找谁请假？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("主席", "第三十四条第一款"), ("副主席", "第三十四条第一款")]


def test_a_level_the_question_names_picks_that_levels_sentence_of_a_provision_for_several():
    # 选举法第十三条: 省、自治区、直辖市的…具体名额，由全国人大常委会…确定。设区的市、自治州和县级的…，由省…
    # 常委会…确定，报全国人大常委会备案。乡级的…具体名额，由县级的人大常委会…确定，报上一级人大常委会备案。
    qa = qa_over("xuanjufa_2020.txt")
    def said(question):
        return [(a.label, a.source.citation) for a in qa.ask(question).answers]
    assert said("乡镇人大代表的名额由谁确定？") == [("县级的人民代表大会常务委员会", "第十三条第一款")]
    assert said("省人大代表的具体名额由谁确定？") == [("全国人民代表大会常务委员会", "第十三条第一款")]
    assert said("乡级人大代表名额确定后报谁备案？") == [("上一级人民代表大会常务委员会", "第十三条第一款")]
    # 第十条: 不设区的市、市辖区、县、自治县的选举委员会…由本级人大常委会任命。乡、民族乡、镇的…由不设区的市、
    # 市辖区、县、自治县的人大常委会任命 — the level asked with a locative (县里的, 乡里的)
    assert said("县里的选举委员会组成人员由谁任命？") == [("本级人民代表大会常务委员会", "第十条第一款")]
    assert said("乡里的选举委员会组成人员由谁任命？") == [
        ("不设区的市、市辖区、县、自治县的人民代表大会常务委员会", "第十条第一款")]


def test_a_level_the_question_names_picks_the_posts_of_its_clause():
    # 地方组织法第五十四条: 省…设区的市的人大常委会主任、副主任和秘书长组成主任会议；县、自治县、不设区的市、
    # 市辖区的人大常委会主任、副主任组成主任会议 — the 秘书长 is the first clause's
    r = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").ask("县人大常委会主任会议由谁组成？")
    assert [a.label for a in r.answers] == ["县、自治县、不设区的市、市辖区的人民代表大会常务委员会主任",
                                            "县、自治县、不设区的市、市辖区的人民代表大会常务委员会副主任"]


@pytest.mark.parametrize("text, question, expected", [
    # 人民调解委员会的工作经费和调解委员的补贴经费，由村民委员会或者居民委员会解决 (第十四条第二款)
    ("renmin_tiaojie_weiyuanhui_zuzhi_tiaoli_1989.txt", "调解委员会的工作经费谁出？",
     [("村民委员会", "第十四条第二款"), ("居民委员会", "第十四条第二款")]),
    # 选举经费，列入财政预算，由国库开支 (选举法第八条): a payer named by no suffix of posts or bodies
    ("xuanjufa_2020.txt", "选举经费由谁出？", [("国库", "第八条第一款")]),
])
def test_who_pays_is_asked_with_chu_and_answered_by_the_verb_the_text_writes(text, question, expected):
    assert [(a.label, a.source.citation) for a in qa_over(text).ask(question).answers] == expected


@pytest.mark.parametrize("question", ["民兵入队前的审查谁来做？", "入队审查由谁来搞？"])
def test_a_verb_that_only_says_something_is_done_asks_about_the_deed_it_names(question):
    # 人民武装部和预备役部队应当会同相关单位，对民兵预备役人员进行入队前审查 (上海市民兵预备役工作条例第十五条):
    # 做 and 搞 stand for the 审查 named before the question word
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("人民武装部", "第十五条第一款"), ("预备役部队", "第十五条第一款")]


def test_a_circumstance_a_later_sentence_of_the_provision_sets_is_not_the_earlier_ones():
    # 选举法第五十一条第一款: …举行会议的时候，主席团或者十分之一以上代表联名，可以提出…罢免案。在人民代表大会闭会
    # 期间，…常务委员会主任会议或者常务委员会五分之一以上组成人员联名，可以向常务委员会提出…罢免案
    qa = qa_over("xuanjufa_2020.txt")
    assert [a.label for a in qa.ask("人大开会的时候，谁能提出对上一级人大代表的罢免案？").answers] == [
        "主席团", "十分之一以上代表"]
    assert "主席团" not in [a.label for a in qa.ask("闭会期间谁能提出对上一级人大代表的罢免案？").answers]


def test_an_everyday_verb_ending_the_question_is_its_verb_though_it_is_a_filler_elsewhere():
    # …牺牲、致残的，由当地人民政府按照国家有关规定给予抚恤优待 (上海市民兵预备役工作条例第二十七条第三款):
    # 给 is a filler in 给谁 but the verb of 谁来给？
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask("民兵执勤牺牲了，抚恤由谁来给？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("当地人民政府", "第二十七条第三款")]


def test_a_word_of_levels_is_said_by_the_levels_and_picks_the_clause_of_its_recipient():
    # 选举法第五十五条第二款: 县级的人民代表大会代表可以向本级人民代表大会常务委员会书面提出辞职，乡级的人民代表
    # 大会代表可以向本级人民代表大会书面提出辞职 — 乡镇 is said by 乡级的; the 县's recipient is never the 乡's
    qa = qa_over("xuanjufa_2020.txt")
    r = qa.ask("乡镇人大代表辞职，辞职书交给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人民代表大会", "第五十五条第二款")]
    assert "本级人民代表大会" not in [a.label for a in qa.ask("县人大代表辞职，辞职书交给谁？").answers]


def test_a_light_verb_gives_way_to_the_verb_after_whom_it_is_done_to():
    # 基金会…的设立、变更、注销登记，由登记管理机关向社会公告 (基金会管理条例第十九条): 谁负责向社会公告 asks
    # who 公告s; 社会 after 向 is whom it goes to, no verb
    r = qa_over("jijinhui_guanli_tiaoli_2004.txt").ask("基金会的注销登记，谁负责向社会公告？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("登记管理机关", "第十九条第一款")]


def test_a_span_of_time_asked_of_a_term_of_office_is_counted_in_years():
    # 选举法 gives the 选举委员会 no term: its deadlines in days (五日内, 三日内) are no answer to 任期
    assert qa_over("xuanjufa_2020.txt").ask("选举委员会的任期是多长时间？").answers == []
    # …while a term in years answers (村民委员会每届任期五年, 村民委员会组织法第十一条第二款)
    r = qa_over("cunweihui_zuzhifa_2018.txt").ask("村委会的任期是多长时间？")
    assert [a.value for a in r.answers][:1] == [5.0]


def test_a_verb_in_a_zai_xia_frame_says_under_whom_unless_the_question_word_is_in_it(qa):
    # 区政府办公室主任在区长领导下，负责安排处理区政府日常事务工作 (第八条); 区审计局在区长和上级审计机关领导下
    # …行使审计监督权 (第九条第二款)
    r = qa.ask("谁在区长领导下负责处理区政府日常事务？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区政府办公室主任", "第八条第一款")]
    r = qa.ask("区审计局在谁的领导下行使审计监督权？")
    assert [a.label for a in r.answers] == ["区长", "上级审计机关"]


@pytest.mark.parametrize("question", ["用区长的个人印章要经谁同意？", "区长名章要谁同意才能用？"])
def test_the_mayors_seal_is_asked_for_by_the_words_an_office_uses(qa, question):
    # 使用区长印章，须经区长或区长授权区政府办公室主任同意 (第六十七条), not the 区政府印章 of the sentence before
    assert [a.label for a in qa.ask(question).answers] == ["区长", "区政府办公室主任"]


def test_a_question_asking_two_recipients_gets_both_from_their_own_provision(qa):
    # 各镇政府、街道办事处主要负责人离威（出访）、休假，要事前报告区长，同时告知区政府办公室主任 (第七十五条
    # 第二款); 街道办主任 is one of those heads (the lexicon's class), not the 政府办公室主任 of 第一款
    r = qa.ask("街道办主任休假，要报告谁、告诉谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("区长", "第七十五条第二款"), ("区政府办公室主任", "第七十五条第二款")]


def test_who_has_the_last_word_settles_it_and_does_not_examine_a_draft(qa):
    # 区政府常务会议议题由区政府办公室提出安排意见，经区政府办公室主任审定后报区长确定 (第五十条第二款)
    r = qa.ask("常务会议上哪些议题，谁说了算？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区长", "第五十条第二款")]


@pytest.mark.parametrize("question", ["常务会议几周开一次？", "区政府常务会议一般隔几周开一次？"])
def test_how_many_weeks_between_meetings_is_a_frequency_question(qa, question):
    # 区政府常务会议…一般每 2周召开 1次 (第四十三条第二款)
    r = qa.ask(question)
    assert [(a.value, a.unit, a.source.citation) for a in r.answers] == [(2.0, "周", "第四十三条第二款")]


def test_ban_asks_who_undertakes_a_task(qa):
    # 政府规范性文件的解释工作由司法行政部门承办 (第十九条第一款)
    r = qa.ask("规范性文件的解释工作归哪个部门办？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("司法行政部门", "第十九条第一款")]


def test_a_level_naming_whose_matter_it_is_leaves_every_levels_heads(qa):
    # 对区委、区政府的重要决策和领导批示件，各镇政府、街道办事处和区政府部门主要负责人要亲自抓好落实 (第六十八条
    # 第二款): 区政府 says whose decisions, not that only the 区's heads act; the heads listed with 、
    # are each body's
    r = qa.ask("对区政府的重要决策，谁要亲自抓好落实？")
    assert [(a.label, a.members) for a in r.answers] == [
        ("各镇政府、街道办事处主要负责人", ("各镇政府主要负责人", "街道办事处主要负责人")),
        ("区政府部门主要负责人", ())]


@pytest.mark.parametrize("question", ["副区长休假，他分管的工作谁顶上？", "副区长出差了，分管工作谁顶替？"])
def test_standing_in_for_someone_is_asked_with_dingshang(qa, question):
    # 副区长离威（出访）、休假期间，由补位的其他副区长代为处理分管的有关工作 (第七条第二款)
    r = qa.ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == [("补位的其他副区长", "第七条第二款")]


def test_a_verb_that_studies_a_matter_gives_way_to_the_one_that_settles_it(qa):
    # 召开区政府一类会议，由区长提议，区政府常务会议研究确定 (第四十六条第二款)
    r = qa.ask("开不开区政府一类会议，由谁研究拍板？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区政府常务会议", "第四十六条第二款")]


def test_having_a_matter_to_ask_about_is_no_absence_though_an_adverb_stands_between(qa):
    # 确需向区政府请示的事项，应由主管部门向区政府呈文 (第五十九条): 有事确实要请示 is a matter, not 有事 (away)
    r = qa.ask("事业单位有事确实要请示区政府，由谁呈文？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("主管部门", "第五十九条第一款")]


@pytest.mark.parametrize("question, expected", [
    # 民兵预备役人员拒绝、逃避参加军事训练…逾期不改的，…可以处二百元以上二千元以下的罚款 (第三十一条)
    ("民兵逃避训练逾期不改，个人最多罚多少钱？", (2000.0, "元", "第三十一条第一款")),
    # 可以将十八周岁至三十五周岁符合条件的男性公民…编入民兵组织 (第七条): the most, and 年满 the least
    ("最大多少岁的男性公民可以编入民兵？", (35.0, "周岁", "第七条第一款")),
    ("男性公民年满多少周岁可以编入民兵？", (18.0, "周岁", "第七条第一款")),
])
def test_fines_and_ages_are_quantities_asked_for_their_end_of_the_range(question, expected):
    r = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt").ask(question)
    assert [(a.value, a.unit, a.source.citation) for a in r.answers] == [expected]


@pytest.mark.parametrize("question, expected", [
    # 根据市人民检察院检察长的提请，决定市人民检察院各分院检察长的任免 (第九条第（一）项), not the 项 of the
    # 分院's 副检察长s, proposed by the same 检察长 and scored alike
    ("市检察院各分院的检察长任免由谁提请？", [("市人民检察院检察长", "第九条第（一）项")]),
    # 根据市长的提请，决定市人民政府秘书长…的任免 (第六条第（二）项): the 市长 proposes, the 常委会 decides
    ("市政府秘书长的任免由谁提请？", [("市长", "第六条第（二）项")]),
    ("市政府秘书长的任免由谁决定？", [("市人大常委会", "第六条第（二）项")]),
])
def test_who_proposes_an_appointment_and_who_decides_it(question, expected):
    r = qa_over("beijing_renmian_tiaoli_2023.txt").ask(question)
    assert [(a.label, a.source.citation) for a in r.answers] == expected


def test_a_body_named_as_whose_unit_it_is_may_still_be_who_acts():
    # 市人民政府组成部门…撤销、合并…的，由市人民政府报市人大常委会备案 (第二十三条第二款): 市政府的组成部门
    # names the 市政府 as the owner of what is asked about, not as the thing itself
    r = qa_over("beijing_renmian_tiaoli_2023.txt").ask("市政府的组成部门合并了，由谁报常委会备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人民政府", "第二十三条第二款")]


def test_the_members_a_body_is_said_to_have_answer_who_it_is_made_of():
    # 主席团一般由七人至十一人组成。…乡镇人民代表大会主席、副主席为主席团的成员 (第八条): 七人 is a number
    r = qa_over("shandong_xiangzhen_renda_ruogan_guiding_2015.txt").ask("哪些人是主席团的成员？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("乡镇人民代表大会主席", "第八条第三款"), ("乡镇人民代表大会副主席", "第八条第三款")]


def test_baobei_is_the_bao_of_filing_with_someone():
    # 较大的市的人民政府规章由较大的市的人民政府报国务院备案 (法规规章备案条例第三条第（四）项): 报备 is that
    # 报; 较大的市 is a level of government, so its 人民政府 keeps the name
    r = qa_over("fagui_guizhang_beian_tiaoli_2001.txt").ask("较大的市政府规章由谁报备？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("较大的市的人民政府", "第三条第（四）项")]


def test_a_light_verb_gives_way_to_sending_to_a_name():
    # 部门规章由国务院部门报国务院备案 (法规规章备案条例第三条第（二）项): 负责 gives way to the 报 after it,
    # which jieba tags a noun (newspaper), not to 第五条's 国务院法制机构负责…
    r = qa_over("fagui_guizhang_beian_tiaoli_2001.txt").ask("部委的部门规章由谁负责报国务院备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("国务院部门", "第三条第（二）项")]


def test_yijing_and_wangwai_carry_no_topic():
    # 经备案登记的法规、规章，由国务院法制机构按月公布目录 (法规规章备案条例第八条第一款): 已经 and 往外 are
    # how people say it, not words a provision writes
    r = qa_over("fagui_guizhang_beian_tiaoli_2001.txt").ask("已经登记的规章目录谁往外公布？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("国务院法制机构", "第八条第一款")]


def test_maobing_is_the_problem_a_provision_writes():
    # 规章在制定技术上存在问题的，…由制定机关自行处理 (法规规章备案条例第十六条第二款)
    r = qa_over("fagui_guizhang_beian_tiaoli_2001.txt").ask("规章制定技术上出了毛病，谁来自行处理？")
    assert ("制定机关", "第十六条第二款") in [(a.label, a.source.citation) for a in r.answers]
    assert {a.source.citation for a in r.answers} == {"第十六条第二款"}


def test_bao_ending_the_question_is_its_verb():
    # 法规、规章的制定机关应当于每年1月底前将上一年所制定的法规、规章目录报国务院法制机构
    # (法规规章备案条例第十九条第一款): 由谁来报 asks who sends it, though jieba's 报 is a noun
    r = qa_over("fagui_guizhang_beian_tiaoli_2001.txt").ask("年度法规规章目录由谁来报？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("制定机关", "第十九条第一款")]


def test_a_count_asked_inside_a_who_question_is_the_texts_count_noun():
    # 征兵工作条例第五条: 全国每年征兵的人数、次数、时间和要求，由国务院、中央军事委员会的征兵命令规定
    # (征几次 asks about the 次数 that is settled)
    qa = qa_over("zhengbing_gongzuo_tiaoli_2023.txt")
    assert qa.reader.read("每年全国征多少兵、征几次、什么时候征，这个由谁来定？").topic == "每年 全国 次数"
    r = qa.ask("每年全国征多少兵、征几次、什么时候征，这个由谁来定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("国务院", "第五条第一款"), ("中央军事委员会", "第五条第一款")]


def test_a_party_named_for_every_level_has_the_level_free_concept_as_its_name():
    # 地方组织法第五十一条第二款: 县级以上的地方各级人民政府、监察委员会、人民法院、人民检察院的负责人，列席本级
    # 人民代表大会常务委员会会议 (the label stays the text's words)
    r = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").ask("县人大常委会开会，一府一委两院谁来列席？")
    assert [(a.label, a.name) for a in r.answers][:1] == [("地方各级人民政府负责人", "人民政府负责人")]
    levels = qa_over("difang_renda_zhengfu_zuzhifa_2022.txt").levels
    assert levels.any_level("各级人民政府") == "人民政府"
    assert levels.any_level("各级") == "各级"


def test_a_question_asked_of_a_sitting_meeting_gets_no_norm_provided_for_a_recess():
    # 河南代表建议办理办法第十二条: 会议期间 the 大会秘书处 studies the suggestions; 在闭会期间提出的, the
    # 代表工作机构. 不开会的时候 is a recess, as 闭会 is.
    qa = qa_over("henan_daibiao_jianyi_banli_banfa_2017.txt")
    r = qa.ask("人代会开会期间代表提的建议，谁研究以后分给有关机关去办？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("大会秘书处", "第十二条第一款")]
    assert qa.reader.read("全国人大不开会的时候，谁说了算？").circumstances == {"recess"}
    assert qa.reader.read("人代会开会期间，谁说了算？").excluded == {"recess"}



def test_one_amount_a_provision_states_is_said_once():
    # 征兵工作条例第五十二条第二款: the 7个工作日内 read as two facts of one amount, answered once
    qa = qa_over("zhengbing_gongzuo_tiaoli_2023.txt")
    answers = qa.ask("退回人员和档案的交接手续，人到了以后几个工作日内必须办完？").to_json()["answers"]
    assert [(a["label"], a["source"]["citation"]) for a in answers] == [("7个工作日内", "第五十二条第二款")]


def test_a_provision_read_on_demand_knows_the_short_names_its_regulation_declares():
    # 北京市预算监督条例第五条: 市人民代表大会财政经济委员会（以下简称财经委员会）; 第三十条 writes only
    # 财经委员会应当向市人大常委会做决算草案的初步审查报告 (做 is read on demand)
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("常委会审批市级决算时，决算草案的初步审查报告由谁来做？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("财经委员会", "第三十条第一款")]


def test_a_committee_is_asked_by_its_name_ending_in_wei():
    # 财经委 for 财经委员会: the usual contraction of a 委员会's name; the committee the question
    # names reports, it is not the one reported to (第十四条第二款, not 第一款's 向财经委员会报告)
    from kg.lexicon import load_lexicon
    from kg.terms import short_forms

    grammar = load_lexicon().grammar
    assert "财经委" in short_forms("财经委员会", grammar)
    # …but a name a longer contraction ends keeps that one only (常委会, no 常务委)
    assert not any(f.endswith("常务委") for f in short_forms("全国人民代表大会常务委员会", grammar))
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("财经委对预算草案的初步审查结果要报给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人大常委会主任会议", "第十四条第二款")]


def test_who_has_the_final_say_is_who_decides_or_whose_approval_it_needs():
    # 北京市预算监督条例第二十三条: 重点支出的调减，必须经市人大常委会审查和批准 — 谁说了算 asks for it
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("预算里安排的教育、社保这些重点支出要调减，谁说了算？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人大常委会", "第二十三条第一款")]


def test_tongqi_is_asked_of_a_provision_that_writes_tongbao():
    # 北京市预算监督条例第二十二条: 由市财政部门将编制预计超收收入使用方案的有关情况及时向财经委员会通报
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("政府编超收收入使用方案的情况，由哪个部门去跟财经委通气？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市财政部门", "第二十二条第一款")]


def test_a_light_verb_asked_with_whom_it_goes_to_is_the_action_of_its_noun():
    # 上海市预算审查监督条例第四十八条第一款: 市、区人大财经委向本级人大常委会提出关于本级决算草案的审查结果
    # 报告 — 向…提出…报告 is a report, as the extractor reads it; not 第五条's 提出初步审查意见
    qa = qa_over("shanghai_yusuan_shencha_jiandu_tiaoli_2021.txt")
    r = qa.ask("决算草案的审查结果报告是谁向区人大常委会提出的？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("人大财经委", "第四十八条第一款")]


def test_a_light_verb_read_on_demand_keeps_the_action_of_its_noun():
    # 河南省代表建议办理办法第二十八条第四款: 省人大常委会代表工作机构…向下次人民代表大会会议提出书面报告;
    # 提 is read on demand as 提出, which with 报告 after it is that report
    qa = qa_over("henan_daibiao_jianyi_banli_banfa_2017.txt")
    r = qa.ask("代表建议综合办理情况的报告，谁负责向人代会提？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("省人大常委会代表工作机构", "第二十八条第四款")]


def test_zhebian_says_whose_side_not_what_is_asked_about():
    # 上海市民兵预备役工作条例第二十条第一款: 政府有关部门…协助 — 政府这边 is 政府; 这边 is no word of
    # the topic a provision must cover
    qa = qa_over("shanghai_minbing_yubeiyi_tiaoli_2007.txt")
    r = qa.ask("民兵战备执勤，政府这边谁来帮忙？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("政府有关部门", "第二十条第一款")]


def test_a_verb_of_telling_before_which_asks_whom_it_goes_to():
    # 浙江省人大常委会监督条例第十条第二款: …临时确定的监督议题，应当及时告知常务委员会组成人员和本级人民政府、
    # 人民法院、人民检察院 — 告诉哪些单位 asks for them, as 告诉谁 does
    qa = qa_over("zhejiang_changweihui_jiandu_tiaoli_2008.txt")
    r = qa.ask("临时确定的监督议题，要告诉哪些单位？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("常务委员会组成人员", "第十条第二款"), ("本级人民政府", "第十条第二款"),
        ("人民法院", "第十条第二款"), ("人民检察院", "第十条第二款")]


def test_a_time_asked_within_is_not_a_time_asked_before():
    # 浙江省人大常委会监督条例第十三条第一款: …在常务委员会举行会议的二十日前…送交…征求意见；专门委员会…应当
    # 在五日内将意见回复报告机关 — 几日内 asks the five days, 开会前几天 the twenty
    qa = qa_over("zhejiang_changweihui_jiandu_tiaoli_2008.txt")
    r = qa.ask("专门委员会对征求意见稿的意见，要在几日内回复报告机关？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("五日内", "第十三条第一款")]
    r = qa.ask("专项工作报告要在常委会开会前几天送交专门委员会征求意见？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("二十日前", "第十三条第一款")]


def test_a_grammar_verb_asked_is_read_first_where_a_provision_writes_it():
    # 北京市实施代表法办法第二十六条第一款: 非经本级人民代表大会常务委员会许可，不受逮捕或者刑事审判 — 许可
    # is an approval the text writes
    qa = qa_over("beijing_daibiaofa_shishi_banfa_2014.txt")
    r = qa.ask("闭会期间对区人大代表进行刑事审判，得经过谁许可？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人民代表大会常务委员会", "第二十六条第一款")]
    # 全国人大议事规则 writes 许可 only of speaking; its 第三十六条's 批准 of the budget, another verb of the
    # same action, covers too little of the question to answer it
    qa = qa_over("quanguo_renda_yishi_guize_2021.txt")
    assert qa.ask("大会期间逮捕全国人大代表，需要经谁许可？").answers == []


def test_a_verb_jieba_joins_to_dao_asks_where_the_thing_goes():
    # 重庆市实施代表法办法第七条第一款: 代表团团长…报会议秘书处备案. jieba cuts 报到 as one word; its 报 is the
    # verb asked, 到 only says where to
    qa = qa_over("chongqing_daibiaofa_shishi_banfa_2016.txt")
    r = qa.ask("代表开会期间请假，代表团团长批了以后要报到哪里备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("会议秘书处", "第七条第一款")]


def test_a_time_word_jieba_joins_to_a_filler_says_nothing_of_the_topic():
    # 重庆市预算审查监督条例第十七条第一款: 政府应当在本级人民代表大会会议举行七日前，将预算草案正式文本送达本级
    # 人大常委会. jieba's 前要 (开会前要送到) is no word of the provision's; 送到 is its 送达
    qa = qa_over("chongqing_yusuan_shencha_jiandu_tiaoli_2016.txt")
    r = qa.ask("预算草案的正式文本，政府在开会前要送到哪里？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人大常委会", "第十七条第一款")]


def test_a_negated_qualifier_of_a_noun_is_no_condition():
    # 北京市预算监督条例第三条第一款: 市人民代表大会…改变或者撤销市人民代表大会常务委员会关于预算、决算的不适当的决议.
    # 的不适当的 qualifies the 决议; read as 的不… (X的不能出席), it made all before it a condition
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("市人大常委会关于预算、决算的不适当的决议，谁可以撤销？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人民代表大会", "第三条第一款")]


def test_names_after_a_verb_then_a_second_deed_done_as_entrusted_are_its_object():
    # 北京市实施代表法办法第十五条第一款: 市和区、县人民代表大会常务委员会，负责组织本级人民代表大会代表和受委托组织
    # 上一级人民代表大会代表开展闭会期间的活动. The 本级代表 are organised; they do not organise the others.
    qa = qa_over("beijing_daibiaofa_shishi_banfa_2014.txt")
    r = qa.ask("闭会期间，区人大代表的活动由谁组织？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市和区、县人民代表大会常务委员会", "第十五条第一款")]


def test_how_many_copies_is_a_count_of_copies():
    # 法规规章备案条例第六条第三款: 报送规章备案，应当提交备案报告、规章文本和说明，并按照规定的格式装订成册，一式十份
    qa = qa_over("fagui_guizhang_beian_tiaoli_2001.txt")
    r = qa.ask("规章备案报告和说明装订成册，要送几份？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("十份", 10.0, "第六条第三款")]


def test_a_body_named_as_who_did_something_to_the_thing_may_be_whom_it_goes_back_to():
    # 上海市人大关于代表议案的规定第二十条第一款: 本市有关机关、组织对市人民代表大会常务委员会决定交付办理的代表
    # 议案…，应当自交办之日起三个月内向常务委员会提出办理情况的报告. The question names the 常委会 only as who
    # assigned the bill (常委会交办的); a name the question says otherwise is never its own answer
    qa = qa_over("shanghai_daibiao_yian_guiding.txt")
    r = qa.ask("常委会交办的代表议案，有关机关办完了，办理情况的报告报给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("常务委员会", "第二十条第一款")]


def test_everyday_verbs_of_taking_in_hand_and_putting_into_are_the_texts_verbs():
    # 山东省民族工作条例: 教育行政部门应当加强民族学校和其他学校之间定期交流 (第三十五条第一款) is who 抓s it;
    # 将社区民族工作纳入网格化综合管理平台 (第十四条) and 将工作经费纳入财政预算 (第五条第二款) are what
    # 放进 and 列进 say
    qa = qa_over("shandong_minzu_gongzuo_tiaoli_2020.txt")
    r = qa.ask("民族学校和其他学校之间的定期交流，谁来抓？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("县（市、区）人民政府教育行政部门", "第三十五条第一款")]
    r = qa.ask("社区民族工作放进网格化管理平台，谁来干？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("乡镇人民政府", "第十四条第一款"), ("街道办事处", "第十四条第一款")]
    r = qa.ask("民族团结进步创建的经费由谁列进财政预算？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("各级人民政府", "第五条第二款")]


def test_who_has_the_last_word_on_a_deed_no_provision_decides_is_who_does_it():
    # 北京市执法检查办法第六条: 主任会议…可以适当调整年度执法检查计划. No provision 决定s the adjustment;
    # 谁说了算 asks who may make it
    qa = qa_over("beijing_zhifa_jiancha_banfa.txt")
    r = qa.ask("执法检查计划能不能调整，谁说了算？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("主任会议", "第六条第一款")]


def test_coming_forward_to_do_a_thing_is_doing_it():
    # 山东省民族工作条例第十八条第一款: 设立民族村…由所在地乡镇人民政府提出申请. 谁出面去提 asks who 提出s it;
    # 出面 is no word of the topic a provision must write
    qa = qa_over("shandong_minzu_gongzuo_tiaoli_2020.txt")
    r = qa.ask("想设立民族村的话，申请由谁出面去提？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("所在地乡镇人民政府", "第十八条第一款")]



def test_a_bureau_as_people_call_it_is_the_department_the_text_names():
    # 青岛市预算审查监督条例第二十八条: 市人民政府财政部门和市税务部门应当每月向…预算工作机构报送预算执行和
    # 税收征管情况. People say 财政局 and 税务局; the text writes …部门
    qa = qa_over("qingdao_yusuan_shencha_jiandu_tiaoli_2019.txt")
    r = qa.ask("市财政局和市税务局每个月要把预算执行情况报给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人民代表大会常务委员会预算工作机构", "第二十八条第一款")]


def test_whose_view_is_whose_opinion_and_a_class_after_deng_is_no_party():
    # 浙江省工会劳动法律监督条例第二十条第四款: 还应当听取企业联合会、工商业联合会等企业方面代表组织的意见.
    # 看法 asks the same as 意见; 等企业方面代表组织 says what kind the two are, and is none of them
    qa = qa_over("zhejiang_gonghui_laodong_jiandu_tiaoli_2016.txt")
    r = qa.ask("地方总工会劳动法律监督委员会调查用人单位时，还要听取哪些组织的看法？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("企业联合会", "第二十条第四款"), ("工商业联合会", "第二十条第四款")]


def test_a_two_character_contraction_is_the_two_words_the_text_writes():
    # 基金会管理条例第三十四条第（一）项: 基金会登记管理机关…对基金会…实施年度检查. People say 年检, the
    # first characters of 年度 and 检查
    qa = qa_over("jijinhui_guanli_tiaoli_2004.txt")
    r = qa.ask("基金会的年检由谁来实施？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("基金会登记管理机关", "第三十四条第（一）项")]


def test_a_share_of_a_whole_named_between_is_asked_as_a_share():
    # 山东省民族工作条例第十八条第一款: 少数民族人口占全村总人口百分之五十以上的村，可以申请设立民族村.
    # 占到全村的多少 asks the share, the whole named between 占 and 多少
    qa = qa_over("shandong_minzu_gongzuo_tiaoli_2020.txt")
    r = qa.ask("想申请设民族村，少数民族人口要占到全村的多少？")
    assert [(a.label, a.value, a.source.citation) for a in r.answers] == [("百分之五十以上", 0.5, "第十八条第一款")]


def test_an_item_is_sent_where_its_lead_sends_it():
    # 山东省各级人大常委会规范性文件备案审查规定第六条: 下列规范性文件，应当报送上一级人民代表大会常务委员会备案：
    # …（四）乡、民族乡、镇的人民代表大会作出的具有普遍约束力的决议、决定. The item names the thing, its lead
    # where it goes; 报送哪里 asks where as 报哪 does
    qa = qa_over("shandong_beian_shencha_guiding_2017.txt")
    r = qa.ask("乡镇人大作出的有普遍约束力的决议，应当报送哪里备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("上一级人民代表大会常务委员会", "第六条第（四）项")]


def test_the_word_ending_a_to_whom_question_ends_the_name_the_thing_is_sent_to():
    # 北京市预算监督条例第二十二条: 市人民政府应当将预计超收收入使用方案报市人大常委会备案，并向市人民代表大会报告
    # 超收收入安排使用情况. 备案 after 报给谁 says what for: the one 报X备案 names, not the one reported to
    qa = qa_over("beijing_yusuan_jiandu_tiaoli.txt")
    r = qa.ask("预计超收收入的使用方案要报给谁备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人大常委会", "第二十二条第一款")]


def test_a_name_listing_levels_stays_whole_and_a_pronoun_only_says_whose():
    # 河南省实施居民委员会组织法办法第十七条第一款: 报不设区的市、市辖区人民政府或者它的派出机关备案. The head
    # 人民政府 is said once for both levels; 它的 points back to them
    qa = qa_over("henan_juweihui_shishi_banfa_2020.txt")
    r = qa.ask("居民公约制定以后报给谁备案？")
    assert [(a.label, a.members, a.source.citation) for a in r.answers] == [
        ("不设区的市、市辖区人民政府", ("不设区的市人民政府", "市辖区人民政府"), "第十七条第一款"),
        ("派出机关", (), "第十七条第一款")]


def test_the_bao_of_a_report_named_before_opens_no_recipient():
    # 青岛市预算审查监督条例第四十九条第三款: 编制完成的政府综合财务报告及其审计报告应当报送市人民代表大会常务
    # 委员会备案. The 报 of 审计报告 is no 报 the thing is sent with
    qa = qa_over("qingdao_yusuan_shencha_jiandu_tiaoli_2019.txt")
    r = qa.ask("政府综合财务报告及其审计报告编好了报给谁备案？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("市人民代表大会常务委员会", "第四十九条第三款")]


def test_the_one_whose_deed_a_provision_goes_by_does_it():
    # 北京市人大常委会任免条例第二十六条第二款: 在本市区人民代表大会闭会期间，根据区人大常委会的提请，批准撤换本市区
    # 人民法院院长. 根据X的提请: X 提请
    qa = qa_over("beijing_renmian_tiaoli_2023.txt")
    r = qa.ask("区人代会闭会期间，要撤换区法院院长，由谁提请？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("区人大常委会", "第二十六条第二款")]


def test_asking_what_a_thing_looks_like_says_nothing_of_the_topic():
    # 浙江省工会劳动法律监督条例第三十二条: 工会劳动法律监督员证、…监督意见书…的样式，由省总工会规定. 长什么样
    # only asks; the words of the topic are 监督员证, 意见书 and 格式
    qa = qa_over("zhejiang_gonghui_laodong_jiandu_tiaoli_2016.txt")
    r = qa.ask("劳动法律监督员证和监督意见书长什么样，格式由谁来定？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("省总工会", "第三十二条第一款")]


def test_the_bao_of_a_report_sends_nothing_to_the_words_after_it():
    # 北京市人大常委会执法检查办法第十八条第二款: 将执法检查报告连同常务委员会组成人员的审议意见通报被检查的…机构.
    # 报告's 报 is no marker: the words from it to 通报 are no one the thing goes to
    qa = qa_over("beijing_zhifa_jiancha_banfa.txt")
    r = qa.ask("区县常委会审议完检查报告，报告要通报给谁？")
    assert not any("审议意见" in a.label for a in r.answers), [a.label for a in r.answers]


def test_writing_a_document_out_after_coming_to_terms_is_the_texts_making_it():
    # 农村土地承包经营纠纷调解仲裁法第十条第一款: 经调解达成协议的，村民委员会或者乡（镇）人民政府应当制作调解协议书.
    # 写 is the text's 制作, 谈妥 its 达成协议
    qa = qa_over("nongcun_tudi_chengbao_tiaojie_zhongcai_fa_2009.txt")
    r = qa.ask("调解谈妥了，调解协议书由谁来写？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("村民委员会", "第十条第一款"), ("乡（镇）人民政府", "第十条第一款")]


def test_the_kind_of_party_asked_for_ends_no_name_the_thing_is_sent_to():
    # 同法第二十六条第二款: …应当将当事人的申请提交被申请人住所地或者财产所在地的基层人民法院. 哪个法院 asks which
    # court; 法院 is no verb that the words before it in the text run to, and the 申请 of 被申请人
    # sends nothing: no name cut short is ever an answer
    qa = qa_over("nongcun_tudi_chengbao_tiaojie_zhongcai_fa_2009.txt")
    r = qa.ask("怕对方转移财产，申请了财产保全，仲裁委会把申请转给哪个法院？")
    assert all(a.label == "被申请人住所地或者财产所在地的基层人民法院" for a in r.answers), [a.label for a in r.answers]


def test_the_people_of_a_hearing_sign_its_record():
    # 农村土地承包经营纠纷调解仲裁法第四十三条第一款: …由仲裁员、记录人员、当事人和其他仲裁参与人签名、盖章或者按指印.
    # 签名 is signing; 仲裁员, 记录人员 and 参与人 are people as 当事人 is
    qa = qa_over("nongcun_tudi_chengbao_tiaojie_zhongcai_fa_2009.txt")
    r = qa.ask("开庭笔录由哪些人签名？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("仲裁员", "第四十三条第一款"), ("记录人员", "第四十三条第一款"), ("当事人", "第四十三条第一款"),
        ("其他仲裁参与人", "第四十三条第一款")]


def test_a_body_asked_by_its_bare_name_names_the_kinds_of_it_the_text_makes_bearers():
    # 北京市实施工会法办法第五十七条: 基层工会或者上级工会可以…向人民法院申请支付令; the 工会 asked of
    # is either, and 第二十八条's 工会 提请 departments is another matter
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    r = qa.ask("单位一直不交工会经费，工会可以去哪儿申请支付令？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("人民法院", "第五十七条第一款")]
    # …but what the 工会 reports to is never a 工会 it names (上级工会, 第三十五条)
    assert [a.label for a in qa.ask("职工停工了，工会得马上向谁报告？").answers] == ["上级工会"]


def test_a_department_is_asked_by_the_initials_of_its_words_and_ju():
    # 人社局 for 人力资源社会保障部门: the first characters of its words, and 局 for 部门; a word
    # that is no compound of nouns (有关部门, 人事部门) gets no such form
    from kg.lexicon import load_lexicon
    from kg.terms import initial_forms

    lex = load_lexicon()
    assert initial_forms("人力资源社会保障部门", lex.grammar, lex.tag) == {"人社部门", "人社局"}
    assert initial_forms("有关部门", lex.grammar, lex.tag) == set()
    assert initial_forms("人事部门", lex.grammar, lex.tag) == set()
    # 北京市实施工会法办法第二十八条第二款: the 人力资源社会保障部门 that 工会 turn to answer within
    # 15个工作日, not 第六十三条's 县级以上人民政府或者有关部门 (the same span, another matter)
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    r = qa.ask("工会提请人社局处理以后，人社局最晚几个工作日内要把处理结果告诉工会？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("15个工作日内", "第二十八条第二款")]


def test_a_head_count_reached_is_asked_by_a_quorums_words_where_no_quorum_is_stated():
    # 北京市实施工会法办法第九条第一款: 有会员25人以上的，应当建立基层工会委员会 — 到多少人 reads as
    # a quorum first (到会), and the text states none for this
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    r = qa.ask("工会会员到多少人，单位就得成立基层工会委员会？")
    assert [(a.label, a.source.citation) for a in r.answers][0] == ("25人以上", "第九条第一款")
    # …while a quorum stated still answers a quorum question
    qa = qa_over("juweihui_zuzhifa_2018.txt")
    r = qa.ask("居民会议到多少人才能开？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("过半数出席，才能举行", "第九条第三款")]


def test_where_a_thing_ends_up_and_how_long_it_lasts_say_nothing_of_what_is_asked():
    # 北京市实施工会法办法第四十六条第二款: …应当于会议召开7日前以书面形式送交工会 — 送到…手里 is
    # handing it over (送交), and 手里 no topic of it
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    r = qa.ask("提交职代会审议的事项，最迟开会前几天要送到工会手里？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("7日前", "第四十六条第二款")]
    # 第十三条: …期限届满仍未进行换届的，上级工会有权责令其限期进行换届 (一直拖着: how long, no topic)
    r = qa.ask("基层工会委员会任期满了一直不换届，谁有权让它限期换届？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("上级工会", "第十三条第一款")]


def test_acting_for_others_told_of_in_a_clause_of_its_own_delegates_nothing():
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    assert qa.reader.read("工会替大家提了要求，单位不解决，工会要向谁报告？").circumstances == set()
    assert qa.reader.read("谁替工会主席主持会员大会？").circumstances == {"delegation"}
    # 北京市实施工会法办法第三十五条: …不予解决的，工会应当立即向上级工会报告
    r = qa.ask("职工停工了，工会替大家提了要求，单位就是不解决，工会得马上向谁报告？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("上级工会", "第三十五条第一款")]


def test_who_leads_is_who_does_it_together_with_others():
    # 北京市实施工会法办法第四十二条: 市和区、县人民政府人力资源社会保障部门应当会同同级工会和企业方面
    # 代表，建立劳动关系三方协商制度 — 牵头 is the one that 会同 the others
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    r = qa.ask("劳动关系三方协商制度由哪个部门牵头建立？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("市和区、县人民政府人力资源社会保障部门", "第四十二条第一款")]


def test_mei_opens_what_provisions_write_with_wei():
    # 北京市实施工会法办法第十八条第二款: 工会主席、副主席任期未满…应当事先征得本级工会委员会和上一级
    # 工会的同意 — 还没满 is the text's 未满
    qa = qa_over("beijing_gonghuifa_shishi_banfa.txt")
    assert "未满" in qa._written("没满")
    r = qa.ask("工会主席任期还没满，单位想给他换个岗位，得先经过谁点头？")
    assert [(a.label, a.source.citation) for a in r.answers] == [
        ("本级工会委员会", "第十八条第二款"), ("上一级工会", "第十八条第二款")]


def test_a_recipient_another_levels_name_says_is_its_own_is_no_answer_for_the_asked_level():
    # 重庆市实施代表法办法第二十七条第二款: 代表持证视察的情况和意见，应当向本级人民代表大会常务委员会或者
    # 乡、民族乡、镇人民代表大会主席团报告 — asked of the 县 the 乡镇's 主席团 is no recipient
    qa = qa_over("chongqing_daibiaofa_shishi_banfa_2016.txt")
    r = qa.ask("县人大代表持证视察完了，情况和意见报告给谁？")
    assert [(a.label, a.source.citation) for a in r.answers] == [("本级人民代表大会常务委员会", "第二十七条第二款")]
    # …asked of the 镇, the recipient of no level named stays beside the 镇's own
    r = qa.ask("镇人大代表持证视察完了，情况和意见报告给谁？")
    assert [a.label for a in r.answers] == ["本级人民代表大会常务委员会", "乡、民族乡、镇人民代表大会主席团"]
