"""Norm extraction: precision and recall against the hand-made gold annotation, provenance,
and the same code on regulations nobody tuned it to."""

import tomllib

import pytest

import norm_eval
from helpers import CORPORA, GOLD, SEED, write_report
from kg.corpus import load
from kg.extract import extract

GOLD_ARTICLES = {42, 43, 44, 45, 46, 53, 62}


def gold_norms() -> set[tuple]:
    data = tomllib.loads((GOLD / "norms.toml").read_text(encoding="utf-8"))
    out = set()
    for n in data["norm"]:
        for bearer in n["bearers"] or [""]:
            out.add((n["source"], n["action"], bearer, frozenset(n["objects"]),
                     n.get("condition", ""), frozenset(n.get("delegated_by", []))))
    return out


def as_tuple(n) -> tuple:
    return (n.source_citation, n.action, n.bearer.name if n.bearer else "",
            frozenset(o.name for o in n.objects), n.condition,
            frozenset(d.name for d in n.delegated_by))


@pytest.fixture(scope="module")
def seed_norms(seed):
    return extract(seed)


def test_precision_and_recall_against_the_gold_annotation(seed_norms):
    gold = gold_norms()
    found = {as_tuple(n) for n in seed_norms if n.article in GOLD_ARTICLES}
    tp = gold & found
    precision, recall = len(tp) / len(found), len(tp) / len(gold)
    write_report("extraction.json", {
        "gold": len(gold), "extracted": len(found), "true_positives": len(tp),
        "precision": round(precision, 4), "recall": round(recall, 4),
        "false_positives": sorted(map(str, found - gold)), "missed": sorted(map(str, gold - found))})
    assert len(gold) >= 90
    assert precision >= 0.95, sorted(map(str, found - gold))
    assert recall >= 0.95, sorted(map(str, gold - found))


# Floors reached on the whole-seed annotation's dev split (tests/gold/norms_seed.dev.toml); the
# test split is only scored (bench/run.py --only norms), never tuned on.
WHOLE_SEED_DEV_FLOORS = {"precision": 0.98, "recall": 0.96}


def test_whole_seed_dev_precision_and_recall_floors(seed_norms):
    report = norm_eval.evaluate(seed_norms, "dev")
    write_report("extraction_whole_seed_dev.json", report)
    assert report["gold"] >= 100
    assert report["precision"] >= WHOLE_SEED_DEV_FLOORS["precision"], report["false_positives"]
    assert report["recall"] >= WHOLE_SEED_DEV_FLOORS["recall"], report["missed"]


# The same for gold written blind on regulations of another kind: 全国人大常委会议事规则 reached
# P 0.74 R 0.65 on its dev split (P 0.21 R 0.14 before any change made for it); 浙江省人大常委会
# 议事规则 P 0.61 R 0.55 (P 0.43 R 0.28 when its gold was written, in the sixth session).
BLIND_DEV_FLOORS = {
    ("quanguo_renda_changweihui_yishi_guize_2022.txt", "quanguo-changweihui-yishi-2022"): (0.85, 0.79, 60),
    ("zhejiang_renda_changweihui_yishi_guize_2020.txt", "zhejiang-changweihui-yishi-2020"): (0.78, 0.65, 60),
    ("chongqing_renda_changweihui_yishi_guize_2023.txt", "chongqing-changweihui-yishi-2023"): (0.68, 0.66, 50),
    # written blind in the fifteenth session: P 0.40 R 0.29 and P 0.64 R 0.53 on arrival
    ("zhejiang_jiedao_renda_gongzuo_tiaoli_2019.txt", "zhejiang-jiedao-renda-2019"): (0.58, 0.5, 21),
    ("shandong_xiangzhen_renda_ruogan_guiding_2015.txt", "shandong-xiangzhen-renda-2015"): (0.7, 0.68, 30),
}


@pytest.mark.parametrize("text, regulation", list(BLIND_DEV_FLOORS))
def test_blind_regulation_dev_precision_and_recall_floors(text, regulation):
    precision, recall, gold = BLIND_DEV_FLOORS[(text, regulation)]
    report = norm_eval.evaluate(extract(load(CORPORA / text)), "dev", regulation)
    assert report["gold"] >= gold
    assert report["precision"] >= precision, report["false_positives"]
    assert report["recall"] >= recall, report["missed"]


def test_every_norm_names_its_exact_provision_and_quote(seed, seed_norms):
    texts = {}
    for a in seed.articles():
        for p in a.paragraphs:
            texts[p.path] = p.lead
            texts.update({i.path: i.text for i in p.items})
    for n in seed_norms:
        assert n.source_path in texts, n.id
        assert n.provision_text == texts[n.source_path]
        assert n.provision_text[n.quote_start:n.quote_end] == n.quote
        assert n.verb in n.quote


def test_signing_norm_of_62_2(seed_norms):
    [n] = [n for n in seed_norms if n.source_citation == "第六十二条第（二）项"]
    assert (n.action, n.verb, n.bearer.name, n.modality, n.strength) == (
        "issue", "签发", "区长", "obligation", "strict")
    assert n.object_text == "以区政府名义报请区人民代表大会及其常务委员会审议的议案、区政府发布的政府规范性文件"


def test_substitute_chair_is_delegated_and_conditional(seed_norms):
    [n] = [n for n in seed_norms if n.article == 43 and n.action == "chair" and n.bearer.name == "第一副区长"]
    assert n.condition == "区长不能出席会议时"
    assert [d.name for d in n.delegated_by] == ["区长"] and n.delegation == "委托"
    assert n.modality == "permission"


def test_hedged_signing_is_defeasible(seed_norms):
    [n] = [n for n in seed_norms if n.source_citation == "第六十二条第（五）项" and n.bearer.name == "分管副区长"]
    assert n.strength == "defeasible"  # 一般由分管副区长签发


def test_attendance_basis_as_needed_versus_invited(seed_norms):
    basis = {n.bearer.label: n.basis for n in seed_norms if n.article == 42 and n.action == "attend-nonvoting"}
    assert basis["省、市驻区单位主要负责人"] == "as-needed"
    assert basis["群众代表"] == "invited"


def test_report_goes_to_the_auxiliary_party(seed_norms):
    reports = {(n.bearer.name, tuple(a.name for a in n.aux)) for n in seed_norms
               if n.article == 75 and n.action == "report"}
    assert reports == {("副区长", ("区长",)), ("区政府办公室主任", ("区长",)),
                       ("各镇政府、街道办事处主要负责人", ("区长",)),
                       ("区政府工作部门主要负责人", ("分管副区长", "区长"))}


def test_meeting_quantities(seed_norms):
    facts = {(n.action, n.objects[0].name): (float(n.value), n.unit, n.strength)
             for n in seed_norms if n.action in ("quorum", "frequency", "preparation", "lead-time")}
    assert facts[("quorum", "常务会议")] == (0.5, "ratio", "strict")
    assert facts[("frequency", "常务会议")] == (0.5, "次/周", "defeasible")
    assert facts[("preparation", "工作会议")] == (15.0, "日", "strict")
    assert facts[("lead-time", "常务会议")] == (5.0, "工作日", "defeasible")


def test_national_law_who_signs_with_no_code_change():
    norms = extract(load(CORPORA / "guowuyuan_zuzhifa_2024.txt"))
    signs = [(n.source_citation, n.bearer.label) for n in norms if n.action == "sign"]
    assert ("第九条第一款", "总理") in signs
    members = {n.bearer.label for n in norms if n.action == "member" and n.article == 7
               and n.objects and n.objects[0].name == "常务会议"}
    assert members == {"总理", "副总理", "国务委员", "秘书长"}


def test_administrative_regulation_procedure_signatures():
    norms = extract(load(CORPORA / "xingzheng_fagui_zhiding_chengxu_tiaoli_2017.txt"))
    signs = {(n.source_citation, n.bearer.label) for n in norms if n.action == "sign"}
    assert {("第十六条第一款", "起草部门主要负责人"), ("第二十七条第一款", "总理")} <= signs


def test_one_who_entrusts_another_delegates_and_is_no_part_of_the_name():
    # 主任可以委托副主任主持会议 (地方组织法第五十一条); 委员长可以委托副委员长主持会议 (议事规则第十四条)
    for text, article, chief, deputy in [("difang_renda_zhengfu_zuzhifa_2022.txt", 51, "主任", "副主任"),
                                         ("quanguo_renda_changweihui_yishi_guize_2022.txt", 14, "委员长", "副委员长")]:
        chairs = {(n.bearer.label, tuple(d.label for d in n.delegated_by)) for n in extract(load(CORPORA / text))
                  if n.action == "chair" and n.article == article and n.bearer}
        assert (deputy, (chief,)) in chairs
        assert not any(label.startswith("委托") for label, _ in chairs)


def test_names_between_cong_and_zhong_say_from_where_not_who_decides():
    # 从本级人民政府、监察委员会、人民法院、人民检察院副职领导人员中决定代理的人选 (地方组织法第五十条第（十三）项)
    norms = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    deciders = {n.bearer.label for n in norms
                if n.source_citation == "第五十条第一款第（十三）项" and n.action == "decide" and n.bearer}
    assert not deciders & {"本级人民政府", "监察委员会", "人民法院", "人民检察院"}


def test_names_between_zai_and_a_time_word_say_when_not_who_acts():
    # 交市人民代表大会有关专门委员会或者…主任会议在大会闭会后审议 (上海代表议案规定第十二条第二款): the 大会
    # says when; 经所在代表团同意后 (河南议事规则第八条): 所在 opens no time, the 代表团 the deputy
    # belongs to (所在代表团) agrees
    norms = extract(load(CORPORA / "shanghai_daibiao_yian_guiding.txt"))
    assert {n.bearer.label for n in norms if n.source_citation == "第十二条第二款" and n.action == "deliberate"} == {
        "市人民代表大会有关专门委员会", "市人民代表大会常务委员会主任会议"}
    # 交由…常务委员会在大会闭会后的第一次会议上复议作出决定 (第十四条第二款): the meeting says where, though
    # the time before it names the 大会
    assert {n.bearer.label for n in norms if n.source_citation == "第十四条第二款" and n.action == "decide"} == {
        "主席团", "市人民代表大会常务委员会"}
    norms = extract(load(CORPORA / "henan_renda_yishi_guize_2010.txt"))
    assert "所在代表团" in {n.bearer.label for n in norms
                         if n.source_citation == "第八条第一款" and n.action == "approve" and n.bearer}


def test_a_verb_inside_a_name_of_the_basis_makes_no_relative_clause_of_the_subject():
    # 大会秘书处根据…有关专门委员会或者议案审查委员会的处理意见，向…主席团提出…报告 (上海代表议案规定第十一条):
    # the 审查 of 议案审查委员会 is no verb the 大会秘书处 belongs to; the 大会秘书处 reports
    norms = extract(load(CORPORA / "shanghai_daibiao_yian_guiding.txt"))
    assert [(n.bearer.label, [a.label for a in n.aux]) for n in norms
            if n.source_citation == "第十一条第一款" and n.action == "report"] == [("大会秘书处", ["市人民代表大会主席团"])]


def test_a_verb_before_jieguo_is_the_first_word_of_a_noun():
    # 对…办理代表议案审议结果报告的情况，应当进行督促检查 (上海代表议案规定第二十二条): no one deliberates
    norms = extract(load(CORPORA / "shanghai_daibiao_yian_guiding.txt"))
    assert not [n for n in norms if n.source_citation.startswith("第二十二条") and n.action == "deliberate"]
    # …and the 常委会会议 that deliberates on the 审议结果的报告 decides (第十九条第一款)
    deciders = {n.bearer.label for n in norms if n.source_citation == "第十九条第一款" and n.action == "decide"}
    assert "市人民代表大会常务委员会会议" in deciders and "代表" not in deciders


def test_a_noun_opening_with_a_modal_character_after_de_makes_no_condition():
    # 送检人数由…征兵办公室根据…当地预定征集的应征公民体质情况确定 (征兵工作条例第二十条): 应征 is no 应当
    norms = extract(load(CORPORA / "zhengbing_gongzuo_tiaoli_2023.txt"))
    assert [(n.bearer.label, n.object_text) for n in norms if n.source_citation == "第二十条第一款"
            and n.action == "decide"] == [("县、自治县、不设区的市、市辖区人民政府征兵办公室", "送检人数")]


def test_a_name_may_begin_with_bei_and_a_verb_the_one_the_verb_is_done_to():
    # 质询案以书面答复的，应当由被质询机关负责人签署 (议事规则第四十二条第二款)
    norms = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    signs = {n.bearer.label for n in norms if n.source_citation == "第四十二条第二款" and n.action == "sign"}
    assert signs == {"被质询机关负责人"}


def test_the_usual_posts_of_chinese_administration_are_names_without_a_lexicon_entry():
    # 省长、自治区主席、市长、自治州州长签署命令 (规章制定程序条例第二十九条); 部门首长
    norms = extract(load(CORPORA / "guizhang_zhiding_chengxu_tiaoli_2017.txt"))
    signers = {n.bearer.label for n in norms if n.article == 29 and n.action == "sign" and n.bearer}
    assert {"省长", "自治区主席", "市长", "自治州州长"} <= signers
    assert any(label.endswith("首长") for label in signers)


def test_a_word_holding_a_marker_is_no_marker():
    # …通过…发行的报纸等途径及时公布重大行政决策 (重大行政决策程序暂行条例第三十二条): 报纸 is no 报
    norms = extract(load(CORPORA / "zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt"))
    assert {(n.action, n.bearer.label) for n in norms if n.article == 32 and n.bearer} == {("publish", "决策机关")}


def test_a_name_keeps_a_word_that_holds_a_stop_character():
    # 由财政经济委员会进行初步审查 (议事规则第二十四条): 经 of 经济 does not cut the name
    norms = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    labels = {n.bearer.label for n in norms if n.bearer}
    assert "财政经济委员会" in labels and "济委员会" not in labels


def test_an_age_or_an_anniversary_is_no_span_of_weeks_or_years():
    # 村民会议由本村十八周岁以上的村民组成 (村民委员会组织法第二十一条): 十八周岁 is no "18 周"
    norms = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert not [n for n in norms if n.article in (21, 22) and n.unit == "周"]
    assert ("过半数", 0.5) in {(n.phrase, n.value) for n in norms if n.article == 22}


def test_a_share_present_before_a_meeting_may_be_held_is_its_quorum():
    # 常务委员会会议有常务委员会全体组成人员的过半数出席，始得举行 (议事规则第七条);
    # 主席团会议有三分之二以上的主席团成员出席，始得举行 (广东议事规则第十一条): no one attends here
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert {(n.action, float(n.value), n.comparator, tuple(o.label for o in n.objects))
            for n in rules if n.source_citation == "第七条第一款"} == {("quorum", 0.5, ">", ("常务委员会会议",))}
    rules = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert {(n.action, round(float(n.value), 3), n.comparator, n.bearer)
            for n in rules if n.source_citation == "第十一条第二款"} == {("quorum", 0.667, ">=", None)}


def test_what_is_decided_after_jing_is_what_the_sentence_goes_on_to_allow():
    # 遇有特殊情况，经委员长会议决定，常务委员会组成人员可以通过网络视频方式出席会议 (议事规则第七条第二款)
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    decided = {(n.source_citation, n.bearer.label): (n.object_text, n.condition)
               for n in rules if n.action == "decide" and n.bearer}
    assert decided[("第七条第二款", "委员长会议")] == ("常务委员会组成人员可以通过网络视频方式出席会议", "遇有特殊情况")
    assert decided[("第十一条第二款", "委员长会议")] == ("可以调整列席人员的范围", "遇有特殊情况")
    # 必要时，经委员长会议决定 (第十六条): the condition is said once
    assert decided[("第十六条第一款", "委员长会议")][1] == "必要时"


def test_a_segment_opening_with_genju_is_a_condition_only_when_it_is_a_noun_phrase():
    # 根据专题询问的议题，国务院…的负责人应当到会 (议事规则第三十七条第二款)
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert {(n.bearer.label, n.condition) for n in rules
            if n.source_citation == "第三十七条第二款" and n.action == "attend"} == {
        (who + "负责人", "根据专题询问的议题") for who in ("国务院", "国务院有关部门", "国家监察委员会",
                                                      "最高人民法院", "最高人民检察院")}
    # 国务院…按照规定程序设立若干直属机构 (国务院组织法第十三条): something is done there, no condition
    state = extract(load(CORPORA / "guowuyuan_zuzhifa_2024.txt"))
    assert not [n for n in state if n.article == 13 and n.condition.startswith("按照")]


def test_the_words_before_you_in_their_segment_are_what_is_done():
    # 分组名单由常务委员会办事机构拟订，报秘书长审定 (议事规则第十三条第三款); 会议日程由委员长会议决定 (第八条)
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    done = {(n.source_citation, n.action, n.bearer.label, n.object_text) for n in rules if n.bearer}
    assert {("第十三条第三款", "draft", "常务委员会办事机构", "分组名单"),
            ("第十三条第三款", "finalise", "秘书长", "分组名单"),
            ("第八条第三款", "decide", "委员长会议", "会议日程")} <= done


def test_what_jiang_puts_forward_is_a_thing_and_what_is_decided_on():
    # 委员长会议可以决定将报告交有关的专门委员会审议 (议事规则第三十四条第二款): 报告 is no verb here
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    said = {(n.action, n.bearer.label, n.object_text) for n in rules
            if n.source_citation == "第三十四条第二款" and n.bearer}
    assert ("decide", "委员长会议", "报告") in said and not [a for a, *_ in said if a == "report"]
    # 有关专门委员会…应当将答复质询案情况向主席团报告 (广东议事规则第五十条第三款): no one replies here
    rules = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert {n.action for n in rules if n.source_citation == "第五十条第三款"} == {"report"}


def test_who_stands_between_you_and_zucheng_even_with_no_names_suffix():
    # 居民会议由十八周岁以上的居民组成；…可以由全体十八周岁以上的居民或者每户派代表参加，也可以由每个
    # 居民小组选举代表二至三人参加 (城市居民委员会组织法第九条): the head count is no part of a name
    rules = extract(load(CORPORA / "juweihui_zuzhifa_2018.txt"))
    who = {(n.source_citation, n.action, n.bearer.label) for n in rules if n.article == 9 and n.bearer}
    assert who == {("第九条第一款", "member", "十八周岁以上的居民"),
                   ("第九条第二款", "participate", "全体十八周岁以上的居民"),
                   ("第九条第二款", "participate", "每户派代表"),
                   ("第九条第二款", "participate", "每个居民小组选举代表")}
    # …由主任、副主任和委员共五至九人组成 (第七条): known names, read as before
    assert {n.bearer.label for n in rules if n.article == 7 and n.action == "member"} == {"主任", "副主任", "委员"}


def test_who_may_ask_after_you_is_not_who_acts_next():
    # 有十分之一以上的村民或者三分之一以上的村民代表提议，应当召集村民会议 (村民委员会组织法第二十一条):
    # both groups, named with their counts, may ask; the 村民委员会 convenes
    rules = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第二十一条第二款"
            and n.action == "convene"} == {"村民委员会"}
    assert {(n.bearer.label, n.bearer.name) for n in rules if n.source_citation == "第二十一条第二款"
            and n.action == "propose"} == {("十分之一以上的村民", "村民"), ("三分之一以上的村民代表", "村民代表")}


def test_after_zai_the_one_who_sent_the_thing_acts_again():
    # 由委员长会议决定列入…议程，或者先交有关的专门委员会审议、提出报告，再决定列入…议程 (议事规则第十八条第二款)
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    who = [(n.action, n.bearer.label) for n in rules if n.source_citation == "第十八条第二款" and n.bearer]
    assert [b for a, b in who if a == "decide"] == ["委员长会议", "委员长会议"]
    assert ("deliberate", "有关的专门委员会") in who


def test_who_a_thing_is_sent_to_acts_on_it_but_the_clause_stays_about_its_sender():
    # 由主任会议决定是否提请常务委员会会议审议，或者先交有关的专门委员会审议,提出报告，再决定是否提请…审议；
    # 不提请常务委员会会议审议的，应当向提案人说明或者向常务委员会报告 (浙江第十七条第三款)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    who = [(n.action, n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
           if n.source_citation == "第十七条第三款" and n.bearer]
    assert [b for a, b, _ in who if a == "decide"] == ["主任会议", "主任会议"]
    assert ("deliberate", "常务委员会会议", ()) in who and ("deliberate", "有关的专门委员会", ()) in who
    # the one 说明 goes to (向提案人) is no one who reports
    assert [(b, aux) for a, b, aux in who if a == "report" and aux] == [("主任会议", ("常务委员会",))]


def test_an_item_whose_commas_only_part_names_lists_them_all():
    # 下列人员列席会议：…（五）设区的市的人民代表大会常务委员会主任或者副主任一人，部分省人民代表大会代表和…代表 (浙江第十条)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert [n.bearer.label for n in rules if n.source_citation == "第十条第一款第（五）项"
            and n.action == "attend-nonvoting"] == [
        "设区的市的人民代表大会常务委员会主任", "设区的市的人民代表大会常务委员会副主任",
        "部分省人民代表大会代表", "全国人民代表大会代表"]


def test_a_leading_condition_holds_from_the_first_verb_with_a_bearer_past_a_verb_in_the_topic():
    # 拟提请常务委员会全体会议表决的议案，在审议中有重大问题需要进一步研究的，经委员长或者委员长会议提出，
    # 联组会议或者全体会议同意，可以暂不付表决 (全国人大常委会议事规则第三十一条): 提请 is inside the topic
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert {(n.bearer.label, n.condition) for n in rules
            if n.source_citation == "第三十一条第一款" and n.action == "approve"} == {
        ("联组会议", "在审议中有重大问题需要进一步研究的"), ("全体会议", "在审议中有重大问题需要进一步研究的")}


def test_the_one_whose_consent_is_sought_after_zhengde_approves_not_the_one_before():
    # …经主任会议研究，并征得多数委员同意，对该议案的审议即行终止 (浙江第二十三条): 主任会议 studies it
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert [n.bearer.label for n in rules if n.article == 23 and n.action == "approve"] == ["多数委员"]


def test_who_a_circumstance_ending_in_shi_names_first_acts_when_a_modal_word_follows():
    # 主任会议认为必要时，可以决定将研究处理情况报告提请常务委员会会议审议 (浙江第二十九条第二款)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert {(n.action, n.bearer.label) for n in rules if n.source_citation == "第二十九条第二款"
            and n.action in ("decide", "submit", "report")} >= {("decide", "主任会议"), ("submit", "主任会议")}
    # …并可以根据实际工作需要，决定…: after the meeting it was sent to, a modal word goes back to it
    assert [n.bearer.label for n in rules if n.source_citation == "第二十九条第二款"
            and n.action == "decide"] == ["主任会议", "主任会议"]
    # …and 报告 inside the thing put forward (将研究处理情况报告提请…) is no report
    assert not [n for n in rules if n.source_citation == "第二十九条第二款" and n.action == "report"]


def test_a_report_put_forward_or_spoken_of_is_no_verb():
    # 将答复质询案的情况报告印发会议; 议案和有关报告 (全国人大议事规则第五十条, 第二十八条)
    rules = extract(load(CORPORA / "quanguo_renda_yishi_guize_2021.txt"))
    assert not [n for n in rules if (n.article in (12, 14, 28) or n.source_citation in (
        "第四十七条第三款", "第五十条第四款")) and n.action == "report"]
    assert [n.bearer.label for n in rules if n.source_citation == "第五十条第三款" and n.action == "report"]


def test_what_is_submitted_onward_is_the_thing_the_clause_is_about():
    # 质询案由主任会议决定提请常务委员会会议审议 (浙江第三十五条); …的议案，由主任会议决定提请… (第十七条)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    submitted = {n.source_citation: {o.label for o in n.objects} for n in rules
                 if n.action == "submit" and n.article in (17, 35)}
    assert submitted["第三十五条第一款"] == {"质询案"} and submitted["第十七条第二款"] == {"议案"}
    # 质询案由委员长会议决定交由有关的专门委员会审议…: the decision is on the 质询案 it sends on
    national = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert [[o.label for o in n.objects] for n in national
            if n.source_citation == "第四十一条第一款" and n.action == "decide"] == [["质询案"]]
    # …决定是否提请…审议 (第十七条第三款), and 质询案经主任会议决定由受质询机关的负责人在…会议上…答复
    # (重庆第四十条): the meetings there are where it is answered, not what is decided
    assert [[o.label for o in n.objects] for n in rules
            if n.source_citation == "第十七条第三款" and n.action == "decide"] == [["议案"], ["议案"]]
    chongqing = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert [[o.label for o in n.objects] for n in chongqing
            if n.source_citation == "第四十条第一款" and n.action == "decide"] == [["质询案"]]
    # …but 区政府部门提请召开区政府二类会议 names its own thing after the verb
    seed = extract(load(SEED))
    assert [[o.label for o in n.objects] for n in seed
            if n.source_citation == "第四十六条第二款" and n.action == "submit"] == [[]]


def test_a_whether_segment_before_you_decide_is_what_is_decided_and_no_ones_duty():
    # 是否交由受质询机关再作答复，由主任会议决定 (浙江第三十八条)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert [(n.action, n.bearer.label, n.object_text) for n in rules if n.article == 38 and n.bearer
            and n.action in ("decide", "reply")] == [("decide", "主任会议", "是否交由受质询机关再作答复")]


def test_a_head_the_listed_bodies_are_said_to_have_is_each_ones_head():
    # 市人民政府、市监察委员会、市高级人民法院、市人民检察院应当有一名负责人列席会议 (重庆第十三条)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert [n.bearer.label for n in rules if n.source_citation == "第十三条第一款"
            and n.action == "attend-nonvoting"] == [
        "市人民政府负责人", "市监察委员会负责人", "市高级人民法院负责人", "市人民检察院负责人"]


def test_names_and_a_verb_ending_in_de_and_a_noun_before_a_modal_segment_are_what_is_spoken_of():
    # 常委会组成人员出席会议的情况，应当在会议期间通报 (重庆第十一条第二款): no one attends there
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert not [n for n in rules if n.source_citation == "第十一条第二款" and n.action == "attend"]
    # …but 省人民代表大会常务委员会对准备提请…审议的法规案，应当…公布: the committee still publishes
    guangdong = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert [n.bearer.label for n in guangdong if n.article == 27 and n.action == "publish"] == [
        "省人民代表大会常务委员会"]


def test_a_verb_heading_listed_things_is_their_noun_not_a_list_of_verbs():
    # 常委会…听取专项工作报告、计划执行情况报告、…备案审查工作情况报告等各类报告 (重庆第三十一条)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert not [n for n in rules if n.source_citation == "第三十一条第一款" and n.action == "report"]
    # 依照法律的规定任免、培训、考核和奖惩…工作人员 (地方组织法第七十三条) is a list of verbs
    local = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    assert [n for n in local if n.article == 73 and n.action == "appoint"]


def test_the_ones_attending_named_as_such_are_no_verb():
    # 常委会组成人员和列席会议人员，在…上的发言应当围绕议题进行 (重庆第四十三条)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert not [n for n in rules if n.article == 43 and n.action == "attend-nonvoting"]


def test_the_ones_notified_to_attend_attend_under_the_condition_the_sentence_opened_with():
    # 根据需要，可以邀请全国人大代表、…列席会议；可以通知有关部门或单位的负责人列席会议 (重庆第十三条第三款)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    attending = {(n.bearer.name, n.condition) for n in rules
                 if n.source_citation == "第十三条第三款" and n.action == "attend-nonvoting"}
    assert {("有关部门负责人", "根据需要"), ("有关单位负责人", "根据需要"),
            ("全国人大代表", "根据需要")} <= attending
    # 通知人大代表，并向社会公布 (北京第五条): the ones notified publish nothing
    beijing = extract(load(CORPORA / "beijing_zhuanxiang_gongzuo_baogao_banfa_2008.txt"))
    assert not [n for n in beijing if n.article == 5 and n.action == "publish" and n.bearer
                and n.bearer.label == "人大代表"]


def test_a_time_frame_opened_by_zai_is_a_condition_whoever_it_names():
    # 质询案在主任会议决定交受质询机关答复前，提议案人要求撤回的，经主任会议同意，质询即行终止 (重庆第四十一条)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert [(n.action, n.bearer.label, n.condition) for n in rules if n.article == 41 and n.bearer] == [
        ("approve", "主任会议", "质询案在主任会议决定交受质询机关答复前，提议案人要求撤回的")]


def test_the_activity_one_takes_part_in_is_the_object():
    # 出席会议的常委会组成人员应当参加表决 (重庆第四十四条)
    rules = extract(load(CORPORA / "chongqing_renda_changweihui_yishi_guize_2023.txt"))
    assert [(n.bearer.label, n.object_text) for n in rules
            if n.article == 44 and n.action == "participate"] == [("出席会议的常委会组成人员", "表决")]


def test_a_period_framed_by_zai_and_nei_is_a_condition_but_a_duty_with_a_deadline_is_not():
    # 有关机关应当在决议规定的期限内，将执行决议的情况向常务委员会报告 (全国人大常委会第三十五条第二款)
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert [(n.bearer.label, n.condition) for n in rules
            if n.source_citation == "第三十五条第二款" and n.action == "report"] == [("有关机关", "在决议规定的期限内")]
    # …由…交由有关机关、组织研究处理，并负责在交办之日起三个月内予以答复 (全国人大议事规则第三十二条)
    congress = extract(load(CORPORA / "quanguo_renda_yishi_guize_2021.txt"))
    assert [n for n in congress if n.article == 32 and n.action == "responsible"]


def test_a_bill_of_appointments_is_a_document_not_an_appointment():
    # 省监察委员会、省高级人民法院、省人民检察院可以依法向常务委员会提请人事任免案，由主任会议决定是否提请… (浙江第十七条第四款)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert not [n for n in rules if n.source_citation == "第十七条第四款" and n.action == "appoint"]
    assert [[o.label for o in n.objects] for n in rules
            if n.source_citation == "第十七条第四款" and n.action == "decide"] == [["人事任免案"]]


def test_the_subject_may_follow_a_leading_condition():
    # 在常务委员会会议期间，常务委员会组成人员五人以上联名，可以向常务委员会书面提出…质询案 (浙江第三十三条)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert {(n.action, n.bearer.label, n.bearer.name, n.condition) for n in rules if n.article == 33 and n.bearer} == {
        ("raise", "常务委员会组成人员五人以上", "常务委员会组成人员", "在常务委员会会议期间")}


def test_recipients_are_named_in_the_verbs_own_segment_before_any_bearer_marker():
    # …村民有权向乡、民族乡、镇的人民代表大会…举报，由乡级或者县级人民政府负责调查 (村民委员会组织法第十七条)
    rules = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert {(n.action, n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
            if n.source_citation == "第十七条第二款" and n.bearer} == {("responsible", "乡级人民政府", ()),
                                                                   ("responsible", "县级人民政府", ())}
    # …提出对本级人民代表大会常务委员会组成人员…的罢免案，由主席团提请大会审议 (地方组织法第三十一条)
    law = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    assert {n.bearer.label for n in law if n.source_citation == "第三十一条第二款"
            and n.action == "submit"} == {"主席团"}


def test_a_long_list_of_levels_stays_whole_and_the_body_set_up_acts():
    # 省、自治区、直辖市、自治州、县、自治县、市、市辖区的人民代表大会设立常务委员会，对本级人民代表大会
    # 负责并报告工作 (地方组织法第四十六条)
    law = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    assert {(n.action, n.bearer.label, tuple(a.label for a in n.aux)) for n in law if n.article == 46} == {
        ("responsible", "常务委员会", ("本级人民代表大会",)), ("report", "常务委员会", ("本级人民代表大会",))}
    assert "省、自治区、直辖市、自治州、县、自治县、市、市辖区的人民政府" in {n.bearer.label for n in law if n.bearer}


def test_a_name_never_holds_jianli():
    # 村应当建立村务监督委员会 (村民委员会组织法第三十二条): no body called 当建立村务监督委员会
    labels = {n.bearer.label for n in extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt")) if n.bearer}
    assert "当建立村务监督委员会" not in labels and "村务监督机构成员" in labels


def test_a_light_verb_takes_its_object_nouns_action():
    # 有关机关应当将研究处理情况向常务委员会提出书面报告 (议事规则第三十五条第一款): a report to the 常委会
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert {(n.action, n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
            if n.source_citation == "第三十五条第一款" and n.action in ("raise", "report")} == {
        ("report", "有关机关", ("常务委员会",))}


def test_a_light_verb_ending_a_clause_that_opens_with_its_object_takes_that_nouns_action():
    # …镇长、副镇长的候选人，由本级人民代表大会主席团或者代表十人以上书面联名提出 (重庆乡镇人大工作
    # 条例第二十二条): who nominates; a 提出 whose clause opens with another noun stays raise
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    ex = Extractor(load_lexicon())
    text = "镇长、副镇长的候选人，由本级人民代表大会主席团或者代表十人以上书面联名提出。"
    assert {(n.action, n.bearer.label) for n in ex.provision(text, "x", "第一条", 1) if n.bearer} == {
        ("nominate", "本级人民代表大会主席团"), ("nominate", "代表十人以上")}
    text = "属于本级职权范围内的议案，由主席团提出。"
    assert {n.action for n in ex.provision(text, "x", "第一条", 1) if n.bearer} == {"raise"}
    # …and one whose object is a list of nouns with commas, ending in the noun (地方组织法第二十六条)
    text = "县级的人民代表大会代表十人以上书面联名，可以提出本级人民代表大会常务委员会组成人员，人民政府领导人员的候选人。"
    assert {n.action for n in ex.provision(text, "x", "第一条", 1) if n.bearer} == {"nominate"}


def test_the_assembly_said_as_dahui_decides():
    # 重庆市乡镇人民代表大会工作条例第二十六条: …可以向本级人民代表大会提出辞职，由大会决定是否接受辞职
    law = extract(load(CORPORA / "chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt"))
    assert {(n.action, n.bearer.label) for n in law
            if n.source_citation == "第二十六条第一款" and n.action == "decide"} == {("decide", "大会")}


def test_a_report_handed_in_with_tijiao_goes_to_the_one_named_with_xiang():
    # 信访条例第三十九条: …应当就以下事项向本级人民政府定期提交信访情况分析报告：
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "县级以上人民政府信访工作机构应当就以下事项向本级人民政府定期提交信访情况分析报告："
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, [a.label for a in n.aux]) for n in norms] == [
        ("report", "县级以上人民政府信访工作机构", ["本级人民政府"])]


def test_a_verb_opening_a_listed_noun_phrase_is_no_duty():
    # …通知常务委员会组成人员和列席会议的部门及人员 (浙江议事规则第七条): they are told, nobody 列席 here;
    # and 通知/建议 start no name (事项通知常务委员会组成人员, 建议会议)
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert {n.action for n in rules if n.source_citation == "第七条第一款"} == {"preparation", "lead-time"}
    labels = {o.label for n in rules for o in (*n.objects, *([n.bearer] if n.bearer else []))}
    assert not {"建议会议", "事项通知常务委员会组成人员"} & labels


def test_a_sentence_opening_with_a_jing_noun_phrase_holds_no_duty_in_it():
    # 经主任会议决定提请常务委员会会议审议或者交由有关的专门委员会审议的质询案，…经主任会议同意，…
    # (浙江议事规则第三十九条): only the 同意 is a duty; the 决定 describes which 质询案
    rules = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    assert {(n.action, n.bearer.label) for n in rules if n.article == 39 and n.bearer} == {("approve", "主任会议")}
    # …由主席团先交有关专门委员会审议 (广东议事规则第二十五条): mid-sentence it is a duty, and 交 ends a name
    gd = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert ("deliberate", "有关专门委员会") in {(n.action, n.bearer.label) for n in gd if n.article == 25 and n.bearer}


def test_a_short_name_the_text_declares_is_a_name_where_it_is_used():
    # 人民政府、人民法院和人民检察院（以下简称“一府两院”）(北京…专项工作报告办法第一条): “一府两院”以及相关
    # 单位应当…协助、配合 (第八条); …“一府两院”负责人…到会 (第十一条)
    rules = extract(load(CORPORA / "beijing_zhuanxiang_gongzuo_baogao_banfa_2008.txt"))
    who = {(n.article, n.action, n.bearer.label) for n in rules if n.bearer}
    assert {(8, "assist", "“一府两院”"), (8, "assist", "相关单位"), (11, "attend", "“一府两院”负责人")} <= who
    # a declared short name never cuts a longer name it sits in (决策机关行政首长, 国务院法制机构)
    labels = {n.bearer.label for n in extract(load(CORPORA / "zhongda_xingzheng_juece_chengxu_zanxing_tiaoli_2019.txt"))
              if n.bearer}
    assert "决策机关行政首长" in labels


def test_whom_one_may_invite_to_take_part_is_read_beside_the_names_known():
    # 可以邀请人大代表、政协委员、政府参事和专家学者等参加督查组 (政府督查工作条例第八条第三款)
    rules = extract(load(CORPORA / "zhengfu_ducha_gongzuo_tiaoli_2020.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第八条第三款" and n.action == "participate"} == {
        "人大代表", "政协委员", "政府参事", "专家学者"}
    # 政府督查机构根据本级人民政府的决定或者本级人民政府行政首长…作出的指令，确定督查事项 (第十一条):
    # the names after 根据 say on what basis, not who does the 确定; the 决定 they make is theirs
    decided = {(n.verb, n.bearer.label) for n in rules if n.source_citation == "第十一条第一款"
               and n.action == "decide"}
    assert decided == {("确定", "政府督查机构"), ("决定", "本级人民政府")}


def test_a_congress_meeting_is_named_whole():
    # 主席团主持省人民代表大会会议 (广东议事规则第十一条): the 代表 of 人民代表大会 breaks no name
    rules = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert {(n.action, n.bearer.label, tuple(o.label for o in n.objects)) for n in rules
            if n.source_citation == "第十一条第一款"} == {("chair", "主席团", ("省人民代表大会会议",))}
    labels = {o.label for n in extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt")) for o in n.objects}
    assert "本级人民代表大会常务委员会会议" in labels and "大会会议" not in labels


def test_a_meeting_being_held_is_the_occasion_not_a_condition():
    # 常务委员会举行会议的时候，国务院…的负责人列席会议 (议事规则第十条第一款): they always attend
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    attending = {(n.bearer.label, n.condition) for n in rules
                 if n.source_citation == "第十条第一款" and n.action == "attend-nonvoting"}
    assert attending == {(who + "负责人", "") for who in ("国务院", "中央军事委员会", "国家监察委员会",
                                                       "最高人民法院", "最高人民检察院")}


@pytest.mark.parametrize("text, said", [
    ("常委会举行会议的时候，常委会组成人员应当按时出席。", "常委会举行会议的时候"),
    ("质询案以书面答复的，受质询机关的负责人应当签署。", "质询案以书面答复的"),
    # a name inside the phrase before the verb is no one acting apart from it: the phrase stays whole
    ("区政府组成人员必须坚决执行区政府的决定，如有不同意见可在区政府内部提出。",
     "区政府组成人员必须坚决执行区政府的决定，如有不同意见可在区政府内部"),
])
def test_who_opens_the_segment_of_a_verb_with_no_object_is_not_part_of_what_it_acts_on(text, said):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [n.object_text for n in norms if n.bearer is not None][-1] == said


def test_a_list_of_levels_of_government_before_a_name_is_part_of_it():
    # 由乡、民族乡、镇的人民政府提出 (村民委员会组织法第三条第二款);
    # 省、自治区、直辖市人民政府 (行政法规制定程序条例)
    norms = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert {(n.action, n.bearer.label) for n in norms if n.source_citation == "第三条第二款" and n.bearer} == {
        ("raise", "乡、民族乡、镇的人民政府"), ("approve", "村民会议"), ("approve", "县级人民政府")}
    labels = {n.bearer.label for n in extract(load(CORPORA / "xingzheng_fagui_zhiding_chengxu_tiaoli_2017.txt"))
              if n.bearer}
    assert "省、自治区、直辖市人民政府" in labels and "直辖市人民政府" not in labels


def test_a_segment_ending_in_de_shihou_is_the_condition_not_who_acts():
    # 专门委员会审议质询案的时候，提质询案的常务委员会组成人员可以出席会议 (议事规则第四十二条第三款)
    norms = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert {(n.action, n.bearer.label, n.condition) for n in norms
            if n.source_citation == "第四十二条第三款" and n.bearer} == {
        ("attend", "提质询案的常务委员会组成人员", "专门委员会审议质询案的时候")}


def test_the_name_after_xiang_before_any_verb_is_where_it_goes_not_who_acts():
    # 委员长会议可以向常务委员会提出属于常务委员会职权范围内的议案 (议事规则第十八条第一款)
    norms = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    raised = [n for n in norms if n.source_citation == "第十八条第一款" and n.action == "raise"]
    assert [n.bearer.label for n in raised] == ["委员长会议"]


def test_a_verb_right_after_bei_is_undergone_and_names_no_one_who_acts():
    # 村民选举委员会成员被提名为村民委员会成员候选人 (村民委员会组织法第十二条第三款): no one nominates here
    norms = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert not [n for n in norms if n.source_citation == "第十二条第三款" and n.action == "nominate"]


def test_a_congress_deputy_is_a_post_not_the_congress():
    # 并可以邀请有关的全国人民代表大会代表列席会议 (议事规则第十一条第一款);
    # 村民代表会议由村民委员会成员和村民代表组成 (村民委员会组织法第二十五条第一款)
    norms = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    attend = {n.bearer.label for n in norms if n.source_citation == "第十一条第一款" and n.bearer}
    assert "有关的全国人民代表大会代表" in attend and "全国人民代表大会" not in attend
    norms = extract(load(CORPORA / "cunweihui_zuzhifa_2018.txt"))
    assert {n.bearer.label for n in norms if n.source_citation == "第二十五条第一款" and n.action == "member"} == {
        "村民委员会成员", "村民代表"}


def test_the_head_of_a_delegation_or_group_is_a_post():
    # 团长召集并主持代表团全体会议，副团长协助团长工作 (广东省人民代表大会议事规则第九条第一款)
    norms = extract(load(CORPORA / "guangdong_renda_yishi_guize_2022.txt"))
    assert {(n.action, n.bearer.label) for n in norms if n.source_citation == "第九条第一款" and n.bearer} == {
        ("convene", "团长"), ("chair", "团长"), ("assist", "副团长")}


def test_who_a_paragraph_lead_names_acts_in_each_item_that_names_no_one():
    # 县级以上的地方各级人民代表大会常务委员会行使下列职权：…（十三）…决定…的个别任免 (地方组织法第五十条)
    norms = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    item = [n for n in norms if n.source_citation == "第五十条第一款第（十三）项" and n.action == "decide"]
    assert "地方各级人民代表大会常务委员会" in {n.bearer.label for n in item if n.bearer}


def test_a_lead_that_says_what_its_subject_is_before_the_list_names_who_acts_in_the_items():
    # 县级以上人民政府信访工作机构是本级人民政府负责信访工作的行政机构，履行下列职责：(二)承办…
    norms = extract(load(CORPORA / "xinfang_tiaoli_2005.txt"))
    assert {(n.source_citation, n.action, n.bearer.label) for n in norms
            if n.source_citation.startswith("第六条第二款第") and n.bearer} == {
        ("第六条第二款第（二）项", "undertake", "县级以上人民政府信访工作机构"),
        ("第六条第二款第（五）项", "raise", "县级以上人民政府信访工作机构")}


def test_the_names_after_dui_stay_what_the_verb_is_done_to_past_qita():
    # 对本级人民政府其他工作部门和…的信访工作进行指导: nobody here acts; 其他工作部门 least of all
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon(), {"指导": "asked"})
    assert ex.provision("对本级人民政府其他工作部门和下级人民政府信访工作机构的信访工作进行指导。",
                        "urn:x", "第一条", 1) == []
    # …and past 和其他 (对直接负责的主管人员和其他直接责任人员依法给予行政处分: the punished give nothing)
    ex = Extractor(load_lexicon(), {"给予": "asked"})
    assert ex.provision("对直接负责的主管人员和其他直接责任人员依法给予行政处分。", "urn:x", "第一条", 1) == []


def test_a_body_named_in_a_time_phrase_zai_qijian_acts_in_nothing():
    # 主席、副主席在本级人民代表大会闭会期间负责…: the 人民代表大会 only says when
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon(), {"负责": "asked"})
    norms = ex.provision("主席、副主席在本级人民代表大会闭会期间负责联系本级人民代表大会代表。", "urn:x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.bearer] == ["主席", "副主席"]


def test_roles_the_lexicon_lacks_get_stable_iris():
    a = extract(load(CORPORA / "guowuyuan_zuzhifa_2024.txt"))
    b = extract(load(CORPORA / "guowuyuan_zuzhifa_2024.txt"))
    premier = {n.bearer.iri for n in a if n.bearer and n.bearer.label == "总理"}
    assert len(premier) == 1 and premier == {n.bearer.iri for n in b if n.bearer and n.bearer.label == "总理"}
    assert "/id/role/r-" in premier.pop()


def test_other_quantities_are_read_with_their_phrase_value_and_range():
    norms = extract(load(CORPORA / "guowuyuan_zuzhifa_2024.txt"))
    found = {(n.source_citation, n.phrase): (float(n.value), n.low and float(n.low), n.unit, n.comparator)
             for n in norms if n.action == "quantity"}
    assert found[("第十三条第一款", "二至五人")] == (5.0, 2.0, "人", "range")
    assert found[("第十二条第一款", "五至十人")] == (10.0, 5.0, "人", "range")
    rules = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    said = {(n.source_citation, n.phrase, float(n.value), n.unit, n.comparator) for n in rules if n.value is not None}
    assert ("第七条第一款", "过半数出席，始得举行", 0.5, "ratio", ">") in said
    assert ("第九条第一款", "七日以前", 7.0, "日", "<=") in said
    assert ("第三十九条第一款", "十人以上", 10.0, "人", ">=") in said
    assert ("第四十四条第一款", "不超过十分钟", 10.0, "分钟", "<=") in said
    # numbers with 万 (选举法第十二条: 省、自治区每十五万人…，直辖市每二万五千人可以增加一名代表)
    law = extract(load(CORPORA / "xuanjufa_2020.txt"))
    counts = {(n.source_citation, n.phrase, float(n.value)) for n in law if n.action == "quantity"}
    assert {("第十二条第一款第（一）项", "十五万人", 150000.0), ("第十二条第一款第（一）项", "二万五千人", 25000.0)} <= counts
    # fines and ages, as ranges (上海市民兵预备役工作条例: 五千元以上二万元以下的罚款, 十八周岁至三十五周岁)
    militia = extract(load(CORPORA / "shanghai_minbing_yubeiyi_tiaoli_2007.txt"))
    ranges = {(n.phrase, float(n.value), float(n.low), n.unit) for n in militia if n.action == "quantity" and n.low}
    assert {("五千元以上二万元以下", 20000.0, 5000.0, "元"), ("十八周岁至三十五周岁", 35.0, 18.0, "周岁")} <= ranges


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with its circumstance and a modal word goes on about whom the one before was
    ("常委会举行会议的时候，常委会组成人员应当按时出席。因病或其他特殊原因不能出席的，应当会前以书面形式通过"
     "常委会办公厅向会议召集人请假。",
     [("attend", "常委会组成人员", (), ""),
      ("report", "常委会组成人员", ("会议召集人",), "因病或其他特殊原因不能出席的")]),
    # …not when the circumstance has someone of its own (代表对答复不满意的: the 代表 raises it)
    ("有关机关应当予以答复。代表对答复不满意的，可以提出意见。",
     [("reply", "有关机关", (), ""), ("raise", "代表", (), "代表对答复不满意的")]),
    # …nor when someone else is made to act (要求报告机关再次报告)
    ("主任会议可以决定开展满意度测评。因测评结果不满意的，可以要求报告机关再次报告。",
     [("decide", "主任会议", (), "")]),
])
def test_a_sentence_naming_no_one_after_its_circumstance_goes_on_about_the_one_before(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, tuple(a.label for a in n.aux), n.condition) for n in norms
            if n.bearer is not None] == expected


def test_a_bare_zucheng_renyuan_belongs_to_the_body_named_before_it():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision("国务院的组成人员和中央军事委员会的组成人员列席会议。", "x",
                                                "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [
        ("attend-nonvoting", "国务院的组成人员"), ("attend-nonvoting", "中央军事委员会的组成人员")]


@pytest.mark.parametrize("text, expected", [
    # agent nouns of procedure act (a 发言人 checks and signs the minutes of what they said)
    ("在常务委员会会议上的发言，由工作人员记录整理，经发言人审核签字后，编印会议简报并存档。",
     [("review", "发言人"), ("sign", "发言人")]),
    ("专门委员会审议的时候，可以邀请提案人列席会议、发表意见。", [("attend-nonvoting", "提案人")]),
    # a delegation is a body, so 各代表团 deliberates (not a 全体会议 cut out of 代表团全体会议)
    ("各代表团全体会议审议政府工作报告。", [("deliberate", "各代表团全体会议")]),
    ("议案由各代表团进行审议。", [("deliberate", "各代表团")]),
    # a name inside a clause that describes the next one does not act: the 主席团会议 decides
    ("举行秘密会议，由有各代表团团长参加的主席团会议决定。", [("decide", "主席团会议")]),
    ("由区长主持的常务会议决定。", [("decide", "常务会议")]),
    # 主任委员 is one post, not a 主任 and a 委员
    ("调查委员会由主任委员、副主任委员和委员组成。",
     [("member", "主任委员"), ("member", "副主任委员"), ("member", "委员")]),
    # whoever consents (经…后) does not go on to file the minutes
    ("在常委会会议上的发言，由工作人员记录，经发言人核对签字后，编印会议简报并存档。", [("sign", "发言人")]),
    # comma segments of nothing but names list the bearers of the verb after them…
    ("国务院的组成人员，中央军事委员会的组成人员，国家监察委员会主任，最高人民法院院长和最高人民检察院检察长，"
     "列席全国人民代表大会会议。",
     [("attend-nonvoting", "国务院的组成人员"), ("attend-nonvoting", "中央军事委员会的组成人员"),
      ("attend-nonvoting", "国家监察委员会主任"), ("attend-nonvoting", "最高人民法院院长"),
      ("attend-nonvoting", "最高人民检察院检察长")]),
    # who sent a thing to be deliberated (由主席团…交代表审议后) submits it, not whoever the
    # lexicon cannot name it was sent to
    ("罢免案由主席团交代表审议后，提请大会全体会议表决。", [("submit", "主席团")]),
    # 或者 joins names like 、 and 和: a deputy after it is the same body's, a head distributes over it
    ("全体会议和联组会议由常务委员会主任或者副主任主持。",
     [("chair", "常务委员会主任"), ("chair", "常务委员会副主任")]),
    ("主席团和专门委员会对议案进行审议的时候，国务院或者有关机关负责人应当到会。",
     [("attend", "国务院负责人"), ("attend", "有关机关负责人")]),
    # 由大会决定: the 大会 decides, not the ones who resign
    ("乡长、副乡长可以向本级人民代表大会提出辞职，由大会决定是否接受辞职。",
     [("raise", "乡长"), ("raise", "副乡长"), ("decide", "大会")]),
    # 在…中 names the pool chosen from, 在…上 the place: the one before 在 acts
    ("全国人民代表大会常务委员会可以分别在国务院副总理、中央军事委员会副主席中决定代理人选。",
     [("decide", "全国人民代表大会常务委员会")]),
    # the ones a designating verb names act in the next segment that names no one
    ("常务委员会分组会议由委员长会议确定若干名召集人，轮流主持会议。",
     [("decide", "委员长会议"), ("chair", "召集人")]),
    # 决定列席的其他人员: two verbs then 的 are one relative clause, no duty
    ("主任会议决定列席的其他人员。", []),
    # a verb after 的 and a modifier is a noun: the deputies are not appointing anyone
    ("常务委员会决定副省长、副县长的个别任免。", [("decide", "常务委员会")]),
    # 由…参加 frames who takes part, but not where 参加 and its object describe someone: the
    # 村民 who registered to vote elect, and no 本村登记 takes part in anything
    ("村民委员会主任，由本村登记参加选举的村民直接选举产生。", []),
    # a name and a word of its own before 的 qualify a noun (主席团规定的时限, 学院发展的…经费)
    ("代表十人以上联名，可以在主席团规定的时限内提出议案。", [("raise", "代表十人以上")]),
])
def test_who_acts_among_procedural_names(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms if n.bearer is not None] == expected


def test_after_the_one_a_thing_is_sent_to_acts_the_sender_submits_it():
    # 由主席团交各代表团审议后，提请大会全体会议表决 (全国人大议事规则第四十四条第一款)
    norms = extract(load(CORPORA / "quanguo_renda_yishi_guize_2021.txt"))
    acts = {(n.action, n.bearer.label) for n in norms if n.source_citation == "第四十四条第一款" and n.bearer}
    assert ("deliberate", "各代表团") in acts and ("submit", "主席团") in acts
    assert ("submit", "各代表团") not in acts


def test_who_must_act_by_a_deadline_is_the_subject_before_it():
    # a deadline (应当在…前) is no condition hiding the subject before it, and a name between 将 and
    # the verb is in what is put forward (the 主任会议 decided the date; the office gives notice)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "常务委员会办事机构应当在会议举行的七日前，将主任会议决定的开会日期通知常务委员会组成人员。"
    norms = Extractor(load_lexicon(), {"通知": "asked"}, aux=True).provision(text, "x", "第一条", 1)
    assert [(n.bearer.label, [a.label for a in n.aux], n.condition) for n in norms if n.action == "asked"] == [
        ("常务委员会办事机构", ["常务委员会组成人员"], "在会议举行的七日前")]


def test_a_list_qualified_by_bushi_de_attends_under_that_condition_and_deputies_share_the_body():
    # 全国人大常委会议事规则第十条第二款: 不是…的 qualifies every name of the comma list, and a deputy
    # or member right after a post of a body (主任委员、副主任委员、委员) is that body's
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("不是常务委员会组成人员的全国人民代表大会专门委员会主任委员、副主任委员、委员，常务委员会副秘书长，"
            "工作委员会主任、副主任，有关部门负责人，列席会议。")
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, n.condition) for n in norms] == [
        ("attend-nonvoting", name, "不是常务委员会组成人员的") for name in (
            "全国人民代表大会专门委员会主任委员", "全国人民代表大会专门委员会副主任委员",
            "全国人民代表大会专门委员会委员", "常务委员会副秘书长", "工作委员会主任", "工作委员会副主任",
            "有关部门负责人")]


def test_a_post_of_its_own_after_a_bodys_post_keeps_its_own_name():
    # 国务院组织法: 各部部长、各委员会主任、审计长、秘书长 — the 审计长 is no committee's
    from kg.lexicon import load_lexicon
    mentions = load_lexicon().mentions("各部部长、各委员会主任、审计长、秘书长")
    assert [m.entry.pref for m in mentions][-2:] == ["审计长", "秘书长"]


def test_what_is_decided_after_jing_is_the_next_segment_opening_with_a_modal_word():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "常务委员会会议公开举行。必要时，经委员长会议决定，可以暂不公开有关议程。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, n.object_text, n.condition) for n in norms] == [
        ("decide", "委员长会议", "可以暂不公开有关议程", "必要时")]


def test_names_after_dui_are_what_is_acted_on_not_who_acts():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "县人民政府工作部门应当对受委托的乡镇人民政府及其执法人员加强业务监督。"
    norms = Extractor(load_lexicon(), {"监督": "asked"}).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("asked", "县人民政府工作部门")]
    # a name before 对 acts; every name after it in the segment is whom it is done to, even one
    # the marker's own list does not reach (成绩显著的…和调解委员) and one right before 应当
    text = "各级人民政府对成绩显著的人民调解委员会和调解委员应当予以表彰和奖励。"
    norms = Extractor(load_lexicon(), {"表彰": "asked"}).provision(text, "x", "第一条", 1)
    assert {n.bearer.label for n in norms} == {"各级人民政府"}
    text = "主席团常务主席可以对属于主席团职权范围内的事项向主席团提出建议。"
    assert {n.bearer.label for n in Extractor(load_lexicon(), {"提出建议": "asked"}).provision(
        text, "x", "第一条", 1)} == {"主席团常务主席"}


@pytest.mark.parametrize("text, expected", [
    # who the opening circumstance is about acts, when a modal word follows and no one is named
    ("全国人民代表大会常务委员会接受全国人民代表大会常务委员会委员辞职的，应当向全国人民代表大会下次会议报告。",
     [("report", "全国人民代表大会常务委员会")]),
    # 审议意见 is a noun, no deliberation
    ("有关机关应当在审议意见确定的时限内向常务委员会提出研究处理情况的报告。", [("report", "有关机关")]),
    # what 将 puts forward ends at the verb that puts it: the meeting it is put to deliberates
    ("主任会议认为必要的，可以将报告机关对审议意见研究处理情况的报告提请常委会会议审议。",
     [("submit", "主任会议"), ("deliberate", "常委会会议")]),
])
def test_who_a_circumstance_is_about_and_what_is_put_forward(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == expected


def test_the_subject_of_a_circumstance_after_a_reference_to_the_paragraph_before_acts():
    # 山东乡镇条例第八条第二款: 前款规定的…工作部门…的，应当对受委托的乡镇人民政府…加强业务监督 — 受委托
    # makes no one act; the 乡镇人民政府 is overseen
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("前款规定的县（市、区）人民政府工作部门依法实行委托执法的，应当对受委托的乡镇人民政府及其执法人员"
            "加强业务监督、指导和培训，提高乡镇人民政府执法水平。")
    norms = Extractor(load_lexicon(), {"监督": "asked"}).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("asked", "县（市、区）人民政府工作部门")]


def test_the_ones_each_item_lists_do_what_the_lead_says_the_listed_ones_do():
    # 浙江省人大常委会议事规则第十条: 常务委员会举行会议时，下列人员列席会议：（一）…（二）…（六）
    norms = extract(load(CORPORA / "zhejiang_renda_changweihui_yishi_guize_2020.txt"))
    attend = [(n.source_citation, n.bearer.label, n.condition) for n in norms
              if n.article == 10 and n.action == "attend-nonvoting"]
    assert ("第十条第一款第（一）项", "省人民检察院负责人", "") in attend
    # a head after a list of bodies is each body's; 不是…的 is the condition
    assert ("第十条第一款第（二）项", "专门委员会成员", "不是常务委员会组成人员的") in attend
    assert ("第十条第一款第（三）项", "派驻常务委员会机关监察机构负责人", "不是常务委员会组成人员的") in attend
    # 主任会议决定列席的其他人员: the 主任会议 decides, it is not listed as attending
    assert not any(label == "主任会议" for _, label, _ in attend)
    item = next(n for n in norms if n.source_citation == "第十条第一款第（四）项")
    assert item.quote == item.provision_text == "省人民政府有关部门的主要负责人；"


@pytest.mark.parametrize("text, expected", [
    # a span of days before something: notice (通知) or something handed in (提交, 提供)
    ("常务委员会办事机构应当在会议举行的七日前，将开会日期通知常务委员会组成人员，并在五日前提供有关会议材料。",
     [("preparation", 7), ("lead-time", 5)]),
    ("提请常务委员会会议审议的议案，应当在会议召开十日前提交常务委员会。", [("lead-time", 10)]),
    # 每两个月至少举行一次: a frequency
    ("常务委员会会议每两个月至少举行一次。", [("frequency", 0.5)]),
    # whatever is done between the period and the count (人民调解委员会组织条例第三条), not an ordinal
    ("委员由群众选举产生，每三年改选一次，可以连选连任。", [("frequency", 1 / 3)]),
    ("民主评议每年不得少于一次。", [("frequency", 1)]),
    ("每年的第一次会议由主任召集。", []),
])
def test_a_quantity_is_named_by_what_it_measures(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, float(n.value)) for n in norms if n.value is not None] == expected


def test_a_duty_towards_someone_said_again_in_the_provision_goes_to_the_same_ones():
    # 浙江省人大常委会议事规则第二十六条第一款: the deputies report to the same meeting
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("省人民政府、省监察委员会应当由省长、主任向常务委员会会议报告工作。因特殊原因不能到会的，"
            "可以书面委托副省长、副主任报告。")
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert {(n.bearer.label, tuple(a.label for a in n.aux)) for n in norms if n.action == "report"} >= {
        ("副省长", ("常务委员会会议",)), ("副主任", ("常务委员会会议",))}


def test_a_lead_naming_whose_tasks_the_items_are_makes_it_who_acts_in_each():
    # 居民委员会组织法第三条: 居民委员会的任务：…（五）协助人民政府或者它的派出机关做好…工作
    norms = extract(load(CORPORA / "juweihui_zuzhifa_2018.txt"))
    item = [(n.action, n.bearer.label, [a.label for a in n.aux]) for n in norms
            if n.source_citation == "第三条第（五）项"]
    assert item and all(bearer == "居民委员会" for _, bearer, _ in item)
    assert ("assist", "居民委员会") in {(a, b) for a, b, _ in item}


def test_after_x_approves_what_was_sent_the_sender_goes_on_without_a_comma():
    # 行政法规制定程序条例第九条 style: …拟订…计划，报本部门、本级人民政府批准后向社会公布
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "国务院部门法制机构应当拟订本部门年度规章制定工作计划，报本部门、本级人民政府批准后向社会公布。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [
        ("draft", "国务院部门法制机构"), ("approve", "本部门"), ("approve", "本级人民政府"),
        ("publish", "国务院部门法制机构")]


def test_under_a_leadership_the_lexicon_cannot_name_no_one_leads():
    # 地方组织法第五条: …遵循在中央的统一领导下、充分发挥地方的主动性、积极性的原则
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "地方各级人民代表大会和地方各级人民政府遵循在中央的统一领导下、充分发挥地方的主动性、积极性的原则。"
    assert [n for n in Extractor(load_lexicon()).provision(text, "x", "第一条", 1) if n.action == "lead"] == []


def test_a_clause_opening_with_support_verbs_names_who_does_its_next_verb():
    """支持、保障乡镇人民政府…进行指挥调度: the 乡镇人民政府 directs; the clause opening with verbs
    made its name an object, and the norm was lost."""
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("县人民政府及其工作部门应当建立行政执法协调机制，支持、保障乡镇人民政府对辖区内的行政执法工作"
            "进行指挥调度和综合协调。")
    norms = Extractor(load_lexicon(), {"指挥": "asked"}).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("asked", "乡镇人民政府")]
    # …while who supports is still the one before the support verb
    norms = Extractor(load_lexicon(), {"支持": "asked"}).provision(
        "县人民政府应当建立协调机制，支持乡镇人民政府开展工作。", "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("asked", "县人民政府")]


def test_groups_named_by_their_count_propose_and_the_count_is_still_read():
    # 全国人民代表大会议事规则第四十四条
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "主席团、三个以上的代表团或者十分之一以上的代表，可以提出罢免案。"
    norms = Extractor(load_lexicon(), {"提出": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.bearer] == ["主席团", "三个以上的代表团", "十分之一以上的代表"]
    assert [n.bearer.name for n in norms if n.bearer] == ["主席团", "代表团", "代表"]
    assert [n.action for n in norms if n.bearer is None] == ["quantity"]


def test_two_levels_joined_by_huozhe_are_two_bodies_and_a_listed_class_stays_one():
    # 村民委员会组织法第十七条第二款: 由乡级或者县级人民政府负责调查并依法处理 (either one's duty)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "对以不正当手段当选的，由乡级或者县级人民政府负责调查并依法处理。"
    norms = Extractor(load_lexicon(), {"调查": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.action == "asked"] == ["乡级人民政府", "县级人民政府"]
    text = "省、自治区、直辖市人民政府应当调查。"
    norms = Extractor(load_lexicon(), {"调查": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.action == "asked"] == ["省、自治区、直辖市人民政府"]
    # 上海市居民委员会工作条例第三十三条: 乡镇 is one level, so 区或者乡镇人民政府 is two bodies
    text = "办公用房由区或者乡镇人民政府统筹保障。"
    norms = Extractor(load_lexicon(), {"保障": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.action == "asked"] == ["区人民政府", "乡镇人民政府"]


def test_levels_listed_before_a_name_the_lexicon_knows_are_part_of_it():
    # 上海市居民委员会工作条例第二十七条: 区人民政府 is a known name, 市和 still belongs to it
    from kg.lexicon import load_lexicon
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("市和区人民政府应当建立准入管理机制")] == ["市和区人民政府"]
    assert [m.surface for m in lex.mentions("本市的区人民政府")] == ["区人民政府"]


def test_a_verb_opening_its_segment_goes_on_with_the_subject_not_with_the_objects_before():
    # 行政学院工作条例第四十九条第二款: 行政学院 is what the 人民政府 attends to (重视), not who 保障s
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "设区的市级以上人民政府及其有关部门应当重视行政学院教学设施建设，保障经费投入。"
    norms = Extractor(load_lexicon(), {"保障": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms] == ["设区的市级以上人民政府", "有关部门"]
    # a subject written before the comma with no verb of its own still acts
    text = "国务院组成人员、中央军事委员会组成人员，列席会议。"
    norms = Extractor(load_lexicon(), {"列席": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms] == ["国务院组成人员", "中央军事委员会组成人员"]


def test_the_circumstance_a_list_lead_opens_with_holds_in_each_item():
    # 重庆市乡镇人民代表大会工作条例第三十二条: 乡、民族乡、镇人民代表大会闭会期间，主席团的职责是：（三）…
    law = extract(load(CORPORA / "chongqing_xiangzhen_renda_gongzuo_tiaoli_2016.txt"))
    assert {(n.action, n.bearer.label, n.condition) for n in law
            if n.source_citation == "第三十二条第（三）项"} == {
        ("examine", "主席团", "乡、民族乡、镇人民代表大会闭会期间"),
        ("report", "主席团", "乡、民族乡、镇人民代表大会闭会期间")}


def test_whom_one_informs_may_be_named_with_a_word_saying_which():
    # 上海市居民委员会工作条例第二十条第四款: …应当告知相关的居民委员会
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "业主委员会作出的决定，应当告知相关的居民委员会，并认真听取居民委员会的建议。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.bearer.label, [a.label for a in n.aux]) for n in norms if n.action == "inform"] == [
        ("业主委员会", ["居民委员会"])]


def test_the_one_set_up_acts_though_words_saying_where_precede_the_pivot():
    # 行政学院工作条例第三十八条第二款: 行政学院各班次设专职班主任，承担…工作; 建设 is no pivot
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    ex = Extractor(load_lexicon(), {"承担": "asked"})
    text = "行政学院各班次设专职班主任，承担学员的思想政治教育、学习管理等工作。"
    assert [n.bearer.label for n in ex.provision(text, "x", "第一条", 1)] == ["专职班主任"]
    text = "区政府加强队伍建设区长，承担工作。"
    assert [n.bearer.label for n in ex.provision(text, "x", "第一条", 1)] == ["区政府", "区长"]


def test_what_was_reached_under_someone_is_no_duty_of_theirs_nor_of_who_acts_on_it():
    # 人民调解委员会组织条例第十条: 基层人民政府对于人民调解委员会主持下达成的调解协议，…应当予以支持
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    ex = Extractor(load_lexicon())
    text = "基层人民政府对于人民调解委员会主持下达成的调解协议，应当予以支持。"
    assert [n.action for n in ex.provision(text, "x", "第一条", 1)] == []
    text = "基层人民政府对于人民调解委员会主持下达成的调解协议，应当审查。"
    assert [(n.action, n.bearer.label) for n in ex.provision(text, "x", "第一条", 1)] == [
        ("examine", "基层人民政府")]
    # 在区长主持下研究决定: 主持 followed by a verb and no 的 still chairs
    assert ("chair", "区长") in [(n.action, n.bearer.label)
                                for n in ex.provision("在区长主持下研究决定。", "x", "第一条", 1)]


def test_a_marker_word_said_as_a_noun_after_de_marks_no_one():
    # 上海市居民委员会工作条例第三十五条: 在居民委员会的组织安排和监督下 (安排 is a noun here, as in
    # 根据主席团的安排): the 居民委员会 supervises
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "鼓励居民区引入专业社会组织，在居民委员会的组织安排和监督下，提供专业服务。"
    norms = Extractor(load_lexicon(), {"监督": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms] == ["居民委员会"]


def test_a_verb_opening_a_noun_is_no_duty():
    # 山东省乡镇人民政府工作条例第七条: 建立行政执法协调机制 names a mechanism; the 协调 of the
    # sentence is the 乡镇人民政府's (支持、保障乡镇人民政府对…进行…综合协调)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("县（市、区）人民政府应当建立行政执法协调机制，支持、保障乡镇人民政府对辖区内的行政执法工作"
            "进行指挥调度和综合协调。")
    norms = Extractor(load_lexicon(), {"协调": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms] == ["乡镇人民政府"]


def test_the_parties_to_a_dispute_are_named():
    # 人民调解委员会组织条例第九条: 当事人 is who performs, not the 调解委员会 named before
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "人民调解委员会主持下达成的调解协议，当事人应当履行。"
    norms = Extractor(load_lexicon(), {"履行": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.action == "asked"] == ["当事人"]


def test_the_day_of_an_election_is_no_election():
    # 上海市村民委员会选举办法第十六条: 选举日 is a day; the 委托人 elect no one there
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "委托人或者受委托人应当在选举日五日前到村民选举委员会办理委托投票手续。"
    norms = Extractor(load_lexicon(), {"选举": "asked"}).provision(text, "x", "第一条", 1)
    assert [n for n in norms if n.action == "asked"] == []


def test_a_name_qualifying_a_noun_with_a_word_and_de_does_not_act():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "设区的市级以上人民政府应当保障学院发展的基本建设经费投入。"
    norms = Extractor(load_lexicon(), {"投入": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.bearer] == ["设区的市级以上人民政府"]


def test_with_xiang_before_the_verb_the_names_after_it_are_what_is_reported():
    # 全国人大常委会议事规则第十五条第二款: the 委员长 is reported to; the 组成人员 are reported on
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "常务委员会办事机构应当向委员长报告常务委员会组成人员出席会议的情况和缺席的原因。"
    [n] = [n for n in Extractor(load_lexicon()).provision(text, "x", "第一条", 1) if n.action == "report"]
    assert [a.label for a in n.aux] == ["委员长"]
    assert n.object_text == "常务委员会组成人员出席会议的情况和缺席的原因"


def test_a_duty_towards_someone_asked_on_demand_is_read_though_who_bears_it_is_unnamed():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "村民可以向乡、镇人民政府提出申诉。"
    norms = Extractor(load_lexicon(), {"申诉": "asked"}, aux=True).provision(text, "x", "第一条", 1)
    assert [(n.bearer, [a.label for a in n.aux]) for n in norms if n.action == "asked"] == [
        (None, ["乡、镇人民政府"])]
    # stored norms (no question's verb) still name who bears them
    assert Extractor(load_lexicon(), {"申诉": "asked"}).provision(text, "x", "第一条", 1) == []


def test_after_what_a_body_is_made_of_the_body_goes_on_not_its_members():
    # 人民调解委员会组织条例第三条: the 委员 make up the committee; the committee 设主任
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "人民调解委员会由委员三至九人组成，设主任一人，必要时可以设副主任。"
    norms = Extractor(load_lexicon(), {"设": "asked"}).provision(text, "x", "第一条", 1)
    assert {(n.action, n.bearer.label) for n in norms if n.bearer} == {
        ("member", "委员"), ("asked", "人民调解委员会")}


@pytest.mark.parametrize("text, bearer", [
    # 基金会管理条例第十五条第二款 (with 其), 公安机关组织管理条例第十七条第一款 (without)
    ("基金会修改章程，应当征得其业务主管单位的同意，并报登记管理机关核准。", "业务主管单位"),
    ("县级以上地方人民政府公安机关正职领导职务的提名，应当事先征得上一级公安机关的同意。", "上一级公安机关"),
])
def test_the_consent_sought_of_someone_is_theirs_to_give(text, bearer):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon(), {"同意": "asked"}).provision(text, "x", "第一条", 1)
    assert [n.bearer.label for n in norms if n.action == "asked"] == [bearer]


@pytest.mark.parametrize("lead, item, expected", [
    # 山东省乡镇人民代表大会工作若干规定第二十九条: the 主席团 does each item, before the session
    ("乡镇人民代表大会主席团在决定召集本级人民代表大会会议前，应做下列筹备工作：", "确定会议召开的日期；",
     [("decide", "乡镇人民代表大会主席团", "在决定召集本级人民代表大会会议前")]),
    ("乡镇人民代表大会主席团在决定召集本级人民代表大会会议前，应做下列筹备工作：",
     "批准乡镇人民代表大会代表资格审查委员会的审查报告；",
     [("approve", "乡镇人民代表大会主席团", "在决定召集本级人民代表大会会议前")]),
    # …but the items after 下列行为 say what is forbidden, not what the lead's name does
    ("区政府办公室不得有下列行为：", "批准会议纪要；", []),
])
def test_the_name_opening_a_lead_that_lists_its_work_does_each_item(lead, item, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(item, "x", "第一条第（一）项", 1, lead)
    assert [(n.action, n.bearer.label, n.condition) for n in norms if n.bearer] == expected


def test_a_verb_before_a_meeting_is_no_part_of_the_meetings_name():
    # 山东省乡镇人民代表大会工作若干规定第二十九条第（二）项: 列席会议人员名单草案 names no meeting
    # that could put forward anything
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "主席团拟定会议议程草案、列席会议人员名单草案，提出议案审查委员会名单草案。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert {(n.action, n.bearer.label) for n in norms if n.bearer} == {("draft", "主席团"), ("raise", "主席团")}


@pytest.mark.parametrize("text", [
    "区长负责召集并主持区政府常务会议。",
    # 浙江省街道人大工作条例第八条: 主持|人大街道工委会议 holds no 主持人
    "人大工委主任负责召集并主持人大工委会议。",
])
def test_what_one_is_responsible_for_convening_is_the_meeting_not_someone_it_goes_to(text):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert {(n.action, bool(n.aux)) for n in norms if n.bearer} == {
        ("responsible", False), ("convene", False), ("chair", False)}
    assert {n.object_text for n in norms} == {text[text.index("主持") + 2:-1]}


def test_under_the_leadership_of_two_bodies_both_lead_and_the_subject_reports():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "区政府办公室应当在区长和副区长的领导下开展工作，并向区长报告工作。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, n.object_text, [a.label for a in n.aux]) for n in norms] == [
        ("lead", "区长", "区政府办公室", []), ("lead", "副区长", "区政府办公室", []),
        ("report", "区政府办公室", "工作", ["区长"])]


def test_the_name_a_relative_clause_describes_is_the_subject_and_its_short_name_names_it():
    # 浙江省街道人大工作条例第五条: the 工作委员会 set up in the 街道 (人大街道工委) works under both
    # bodies and reports; the 常委会 that set it up is no subject of the sentence
    from kg.model import Metadata
    from kg.segment import segment
    text = ("浙江省街道人大工作条例\n第一条 县级人民代表大会常务委员会在街道设立的工作委员会（以下简称人大街道工委）"
            "应当在县级人民代表大会常务委员会和中国共产党街道工作委员会的领导下开展工作，"
            "并向县级人民代表大会常务委员会报告工作。\n")
    norms = extract(segment(text, Metadata(id="jiedao", title="浙江省街道人大工作条例")))
    assert [(n.action, n.bearer.name, [o.name for o in n.objects], [a.name for a in n.aux]) for n in norms] == [
        ("lead", "县级人民代表大会常务委员会", ["人大街道工委"], []),
        ("lead", "中国共产党街道工作委员会", ["人大街道工委"], []),
        ("report", "人大街道工委", [], ["县级人民代表大会常务委员会"])]


@pytest.mark.parametrize("text, expected", [
    # 浙江省人大议事规则第七十二条: the 省人民代表大会公告 is a document; the 主席团 alone publishes
    ("省人民代表大会通过的地方性法规，由主席团发布省人民代表大会公告予以公布。", [("publish", "主席团")]),
    # …第四十二条: 政党 and 人民团体 are bodies
    ("本省出席全国人民代表大会代表的候选人，由各政党、各人民团体联合或者单独提名。",
     [("nominate", "各政党"), ("nominate", "各人民团体")]),
])
def test_announcements_are_documents_and_parties_and_peoples_organisations_are_bodies(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms if n.bearer] == expected


def test_a_segment_naming_a_meeting_before_its_minutes_are_acted_on_is_the_case_the_norm_is_for():
    # 第五十三条第一款: the minutes of a 专题会议 held on the 区长's behalf go to him to finalise
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "区政府办公室主任受委托召开的区政府专题会议，会议纪要须经区长审定。"
    [n] = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert (n.action, n.bearer.label, n.condition, n.object_text) == (
        "finalise", "区长", "区政府办公室主任受委托召开的区政府专题会议", "会议纪要")
    assert [o.label for o in n.objects] == ["区政府专题会议", "会议纪要"]


def test_those_on_whose_proposal_a_meeting_is_called_do_not_call_it():
    # 山东省乡镇人大工作若干规定第四条第二款: the deputies propose; who convenes is left unsaid
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "经过五分之一以上的代表提议，可以临时召集乡镇人民代表大会会议。"
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms if n.bearer] == [("propose", "五分之一以上的代表")]


def test_a_verb_inside_the_phrase_that_is_the_subject_of_another_is_no_duty():
    # 人民调解委员会组织条例第二条第二款: who guides the committees is 第一款's; here the 司法助理员
    # is in charge of that guidance's daily work
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "基层人民政府及其派出机关指导人民调解委员会的日常工作由司法助理员负责。"
    norms = Extractor(load_lexicon(), {"指导": "asked"}).provision(text, "x", "第一条", 1)
    assert [n for n in norms if n.action == "asked"] == []


def test_acts_listed_after_a_word_that_takes_acts_are_each_done():
    # 信访条例第四十七条第二款: 由公安机关予以警告、训诫或者制止 (训诫 after 、 is no noun in a list)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "由公安机关予以警告、训诫或者制止。"
    norms = Extractor(load_lexicon(), {"训诫": "asked"}).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("asked", "公安机关")]


@pytest.mark.parametrize("text, expected", [
    # 重庆市人大常委会议事规则第二十二条: the committee reviews and reports back to no one named
    ("常委会组成人员五人以上联名提出的议案，先交有关专门委员会审议，提出报告。", []),
    # …but 向X提出…报告 is a report to X
    ("有关专门委员会应当向常务委员会提出审议结果的报告。", [("report", "有关专门委员会", ["常务委员会"])]),
])
def test_a_report_put_forward_is_a_duty_towards_someone_only_where_it_names_whom(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, [a.label for a in n.aux]) for n in norms if n.action == "report"] == expected


def test_a_body_named_by_the_documents_it_deals_with_is_one_name():
    # 浙江省人大议事规则第三十八条: 由计划预算审查委员会负责提出…审查结果报告
    from kg.lexicon import load_lexicon
    lex = load_lexicon()
    assert [(m.surface, m.entry.kind) for m in lex.mentions("由计划预算审查委员会负责提出")] == [
        ("计划预算审查委员会", "bodies")]


def test_the_first_provision_a_fresh_extractor_reads_may_hold_an_open_frame():
    # 浙江省实施代表法办法第三十二条: an open frame (邀请…列席) asks whether a verb stands between
    # before any provision was read; it used to fail on the masks of none (and to use the last
    # provision's where one had been read)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = ("县级以上的地方各级人民代表大会常务委员会应当健全联系代表制度，通过邀请代表列席会议和参加有关活动、"
            "常务委员会组成人员联系代表、常务委员会主任或者副主任接待代表等形式，加强与本级人民代表大会代表的联系。")
    norms = Extractor(load_lexicon()).provision(text, "x", "第三十二条", 32)
    # the ways of keeping in touch (通过…等形式) are no one's duty to attend
    assert [(n.action, n.bearer) for n in norms] == []


def test_households_are_a_unit_of_count():
    # 河南省实施城市居委会组织法办法第六条: 一般在100户至700户的范围内设立
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    text = "居民委员会一般在100户至700户的范围内设立。"
    [n] = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert (n.action, n.value, n.unit) == ("quantity", 700, "户")


@pytest.mark.parametrize("text, expected", [
    # 浙江省实施代表法办法第四十六条第二款: a bare 代表 opening the clause is who asks for leave
    ("代表在本级人民代表大会会议期间，因特殊原因不能出席有关会议的，应当向大会秘书处或者其所在的代表团请假。",
     [("report", "代表", ["大会秘书处", "代表团"])]),
    # …第四十三条: the 代表 who is not satisfied does not answer; the bodies listed after 由 do
    ("代表对答复不满意的，可以提出意见，由原办理机关、组织在一个月内重新办理答复。", []),
])
def test_a_bare_deputy_opening_a_clause_acts_and_bodies_listed_after_the_marker_are_not_the_subject(text, expected):
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon
    norms = Extractor(load_lexicon()).provision(text, "x", "第一条", 1)
    assert [(n.action, n.bearer.label, [a.label for a in n.aux]) for n in norms
            if n.action in ("report", "reply")] == expected


def test_a_segment_opening_with_its_own_subject_does_not_take_the_bearers_after_you_before_it():
    # 民兵预备役人员执行战备执勤任务，由上海警备区、区县人民武装部或者预备役部队组织实施，政府有关
    # 部门予以协助 (上海市民兵预备役工作条例第二十条第一款): only the 有关部门 assist
    norms = extract(load(CORPORA / "shanghai_minbing_yubeiyi_tiaoli_2007.txt"))
    assert {n.bearer.label for n in norms
            if n.source_citation == "第二十条第一款" and n.action == "assist" and n.bearer} == {"政府有关部门"}
    # …分别由省长、副省长，自治区主席、副主席…组成: names run over commas stay one list
    difang = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    members = {n.bearer.label for n in difang if n.source_citation == "第七十八条第一款"
               and n.action == "member" and n.bearer and "设区的市" in n.object_text}
    assert {"省长", "副省长", "自治区主席", "市长", "州长", "秘书长"} <= members


def test_a_list_of_levels_after_another_name_and_huozhe_belongs_to_the_name_after_it():
    # 并报上海警备区或者区、县人民武装部批准 (上海市民兵预备役工作条例第九条第二款); 人民武装部,
    # 警备区 and 部队 are names of bodies
    norms = extract(load(CORPORA / "shanghai_minbing_yubeiyi_tiaoli_2007.txt"))
    assert {n.bearer.label for n in norms
            if n.source_citation == "第九条第二款" and n.action == "approve" and n.bearer} == {
        "上海警备区", "区、县人民武装部"}


def test_a_segment_naming_who_acts_after_you_then_by_when_is_no_condition():
    # 由区长于会议召开前，签发…: 区长 signs; the segment is not a circumstance
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon()).provision("会议纪要由区长于会议召开前，签发。", "urn:x", "第一条", 1)
    assert [(n.action, n.bearer.label, n.condition) for n in norms if n.bearer] == [("issue", "区长", "")]


def test_a_marker_word_the_question_asks_as_its_verb_is_read_as_that_verb():
    # 由人民武装部或者预备役部队于训练开始三十日前，通知参训人员所在单位 (上海市民兵预备役工作条例
    # 第十六条第二款): asked who 通知, the 通知 is the verb, not the word before whom it names
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon(), {"通知": "asked"}).provision(
        "训练人员和时间，由人民武装部或者预备役部队于训练开始三十日前，通知参训人员所在单位。",
        "urn:x", "第一条", 1)
    assert [(n.bearer.label, n.object_text) for n in norms if n.action == "asked" and n.bearer] == [
        ("人民武装部", "参训人员所在单位"), ("预备役部队", "参训人员所在单位")]


def test_who_elects_is_read_between_you_and_xuanju_chansheng_whatever_they_are_called():
    # 居民委员会主任、副主任和委员，由本居住地区全体有选举权的居民或者由每户派代表选举产生；根据居民
    # 意见，也可以由每个居民小组推选代表2至3人选举产生 (河南省实施居委会组织法办法第八条第一款)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    text = ("居民委员会主任、副主任和委员，由本居住地区全体有选举权的居民或者由每户派代表选举产生；"
            "根据居民意见，也可以由每个居民小组推选代表2至3人选举产生。")
    norms = Extractor(load_lexicon(), {"选举": "asked", "推选": "asked"}).provision(text, "urn:x", "第八条", 8)
    assert [(n.bearer.label, n.condition) for n in norms if n.action == "asked" and n.bearer] == [
        ("本居住地区全体有选举权的居民", ""), ("每户派代表", ""), ("每个居民小组推选代表", "根据居民意见")]
    # …and a word saying how is no part of who: 由村民直接选举产生
    direct = Extractor(load_lexicon(), {"选举": "asked"}).provision(
        "村民委员会主任、副主任和委员，由村民直接选举产生。", "urn:x", "第十一条", 11)
    assert [n.bearer.label for n in direct if n.bearer] == ["村民"]


def test_an_annotation_read_as_extracted_scores_exactly_against_itself():
    r = norm_eval.evaluate(norm_eval.as_extracted("test", "seed"), "test")
    assert (r["precision"], r["recall"], r["extracted"]) == (1.0, 1.0, r["gold"])


def test_a_passive_marker_and_de_before_a_verb_that_ends_the_segment_name_who_does_it():
    # 乡、民族乡、镇的选举委员会受不设区的市、市辖区、县、自治县的人民代表大会常务委员会的领导 (选举法第九条)
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon(), {"领导": "asked"})
    norms = ex.provision("乡、民族乡、镇的选举委员会受不设区的市、市辖区、县、自治县的人民代表大会常务委员会的领导。",
                         "urn:x", "第一条", 1)
    assert [(n.bearer.label, n.object_text) for n in norms if n.bearer] == [
        ("不设区的市、市辖区、县、自治县的人民代表大会常务委员会", "乡、民族乡、镇的选举委员会")]
    # …not where 受 is part of a word (接受)
    assert ex.provision("信访人接受街道办事处的领导。", "urn:x", "第一条", 1) == []


def test_a_verb_with_its_result_after_jiang_disposes_of_the_thing():
    # 投票站的选举工作人员应当立即将投票箱集中到选举会场 (上海市村民委员会选举办法第十八条): 集中到 is what they do
    # to the 投票箱, not a verb inside what is put forward; 选举 names the 工作人员 by their work
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon(), {"集中": "asked"})
    norms = ex.provision("投票站的选举工作人员应当立即将投票箱集中到选举会场。", "urn:x", "第一条", 1)
    assert [(n.bearer.label, n.object_text) for n in norms if n.bearer] == [("选举工作人员", "投票箱")]


def test_amounts_in_yi_are_read_and_a_number_that_cannot_be_written_out_is_no_fact():
    # 亿 came with the fines (保险法, 商业银行法: 注册资本最低限额为人民币二亿元); 零分之一 divides by zero
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon()).provision("处十亿元以上二十亿元以下的罚款；零分之一以上。", "urn:x", "第一条", 1)
    assert [(n.phrase, n.value, n.low, n.unit) for n in norms] == [
        ("十亿元以上二十亿元以下", 2_000_000_000, 1_000_000_000, "元")]


def test_who_proposes_under_gen_ju_proposes_and_the_one_the_lead_names_decides():
    # 北京市人大常委会任免条例第六条: 市人大常委会任免本市国家行政机关下列人员：（一）…根据市长的提请，在市长缺位时
    # 根据市人大常委会主任会议的提请，决定个别副市长的任免 — the 市长 submits, the 常委会 decides
    norms = extract(load(CORPORA / "beijing_renmian_tiaoli_2023.txt"))
    got = sorted((n.action, n.bearer.label, n.condition, tuple(a.label for a in n.aux)) for n in norms
                 if n.source_citation == "第六条第（一）项")
    assert got == [
        ("decide", "市人大常委会", "在市人民代表大会闭会期间", ()),
        ("submit", "市人大常委会主任会议", "在市人民代表大会闭会期间，在市长缺位时", ("市人大常委会",)),
        ("submit", "市长", "在市人民代表大会闭会期间", ("市人大常委会",))]


def test_a_subject_before_its_recess_and_a_nomination_still_decides():
    # 全国人大组织法第三十一条: 常务委员会在全国人民代表大会闭会期间，根据国务院总理的提名，可以决定…任免
    norms = extract(load(CORPORA / "quanguo_renda_zuzhifa_2021.txt"))
    got = {(n.action, n.bearer.label, n.object_text) for n in norms if n.source_citation == "第三十一条第一款"}
    assert ("decide", "常务委员会", "国务院其他组成人员的任免") in got
    assert ("nominate", "国务院总理", "国务院其他组成人员的任免") in got
    assert not any(b in {"国务院总理", "中央军事委员会主席"} for a, b, _ in got if a == "decide")


def test_the_names_a_verb_lists_up_to_a_comma_do_not_do_the_next_verb():
    # 根据…的提请，任免市人民检察院和市人民检察院各分院的副检察长、检察委员会委员、检察员，任免北京铁路运输检察院
    # 检察长…: the 常委会 appoints both; the bodies only say whose 副检察长, and are no object
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon()).provision(
        "根据市人民检察院检察长的提请，任免市人民检察院和市人民检察院各分院的副检察长、检察委员会委员、检察员，"
        "任免北京铁路运输检察院检察长。", "urn:x", "第一条", 1, "市人大常委会任免本市国家检察机关下列人员：")
    assert [(n.action, n.bearer.label, [o.label for o in n.objects]) for n in norms] == [
        ("appoint", "市人大常委会", []), ("appoint", "市人大常委会", []),
        ("submit", "市人民检察院检察长", [])]
    # …but the ones convened to discuss (召集村民会议进行讨论，决定…) decide
    norms = Extractor(load_lexicon()).provision(
        "村民委员会应当召集村民会议进行讨论，决定是否接受其辞职。", "urn:x", "第一条", 1)
    assert ("decide", "村民会议") in [(n.action, n.bearer.label) for n in norms]


def test_names_before_wei_and_a_bodys_members_are_its_members():
    # 乡镇人民代表大会主席、副主席为主席团的成员 (山东乡镇人大若干规定第八条第三款); not 不能作为…的成员
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon())
    norms = ex.provision("乡镇人民代表大会主席、副主席为主席团的成员。", "urn:x", "第一条", 1)
    assert [(n.action, n.bearer.label, [o.label for o in n.objects]) for n in norms] == [
        ("member", "乡镇人民代表大会主席", ["主席团"]), ("member", "乡镇人民代表大会副主席", ["主席团"])]
    assert ex.provision("与调查的问题有利害关系的常委会组成人员，不能作为该特定调查委员会的成员。",
                        "urn:x", "第一条", 1) == []


def test_a_head_count_in_an_open_frame_names_no_one():
    # 主席团一般由七人至十一人组成 (山东乡镇人大若干规定第八条第二款): 七人 is a count, not a member
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon()).provision("主席团一般由七人至十一人组成。", "urn:x", "第一条", 1)
    assert [(n.action, n.bearer, n.value, n.low) for n in norms] == [("quantity", None, 11, 7)]


def test_agent_nouns_of_appointment_and_counting_are_parties():
    # 提请人或者其委托的人员应当到会说明情况 (北京市人大常委会任免条例第十四条); 并由监票人签字 (选举法第四十三条);
    # but 可以依法向常务委员会提请人事任免案 holds no 提请人, and 三名以上监票人 no 以上监票人
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    lex = load_lexicon()
    ex = Extractor(lex)
    norms = ex.provision("市人大常委会会议审议任免案的时候，提请人应当到会说明情况。", "urn:x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("attend", "提请人")]
    norms = ex.provision("省监察委员会可以依法向常务委员会提请人事任免案。", "urn:x", "第一条", 1)
    assert [(n.action, n.bearer.label) for n in norms] == [("submit", "省监察委员会")]
    assert [m.surface for m in lex.mentions("每个流动票箱应当有三名以上监票人。")] == ["监票人"]


def test_a_deadline_from_a_notice_leaves_the_subject_who_acts():
    # 规章的制定机关应当自接到本条例…规定的通知之日起30日内，将处理情况报国务院法制机构 (法规规章备案条例
    # 第十七条): 自…之日起…内 says by when, as 在…前 does; 通知 there is the notice, no marker; and
    # 规章的 only says whose 制定机关
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon(), {"报": "asked"})
    norms = ex.provision("规章的制定机关应当自接到本条例第十四条规定的通知之日起30日内，将处理情况报国务院法制机构。",
                         "urn:x", "第一条", 1)
    assert [(n.action, n.bearer.label, n.object_text) for n in norms if n.bearer] == [
        ("asked", "制定机关", "处理情况")]


def test_what_dui_opens_runs_on_past_commas_through_names_to_the_noun_they_qualify():
    # 地方组织法第三十一条第二款 (and the 乡镇人大 texts after it): the motion is for every post the list
    # names, its 罢免案 after the last comma; the list stopped at the first comma before
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    norms = Extractor(load_lexicon()).provision(
        "主席团或者五分之一以上代表联名，可以提出对人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长的罢免案，"
        "由主席团提请大会审议。", "urn:x", "第一条", 1)
    assert [(n.bearer.label, n.object_text) for n in norms if n.action == "raise"] == [
        ("主席团", "对人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长的罢免案"),
        ("五分之一以上代表", "对人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长的罢免案")]


def test_words_listed_with_a_known_name_are_names_though_no_suffix_says_so():
    # 国家机关、社会团体、企业事业组织、公民认为…的，可以向国务院书面提出审查建议 (法规规章备案条例第九条)
    rules = extract(load(CORPORA / "fagui_guizhang_beian_tiaoli_2001.txt"))
    assert {"国家机关", "社会团体", "企业事业组织", "公民"} <= {
        n.bearer.label for n in rules if n.source_citation == "第九条第一款" and n.action == "raise"}
    # 代表候选人由各选区选民和各政党、各人民团体提名推荐 (选举法第三十二条第一款)
    rules = extract(load(CORPORA / "xuanjufa_2020.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第三十二条第一款"
            and n.action == "nominate"} == {"各选区选民", "各政党", "各人民团体"}
    # 向原选区选民或者原选举单位报告履职情况: both are told (地方组织法第四十三条第四款)
    rules = extract(load(CORPORA / "difang_renda_zhengfu_zuzhifa_2022.txt"))
    assert {tuple(sorted(a.label for a in n.aux)) for n in rules if n.source_citation == "第四十三条第四款"
            and n.action == "report"} == {tuple(sorted(("原选区选民", "原选举单位")))}


def test_a_group_named_before_its_count_keeps_the_nouns_that_say_which_group():
    # 由有选举权的居民10人以上联合提名或者由户代表5人以上联合提名 (河南居委会实施办法第九条第二款):
    # the 户代表, not any 代表
    rules = extract(load(CORPORA / "henan_juweihui_shishi_banfa_2020.txt"))
    assert {(n.bearer.label, n.bearer.name) for n in rules if n.source_citation == "第九条第二款"
            and n.action == "nominate"} == {("居民10人以上", "居民"), ("户代表5人以上", "户代表")}


def test_the_level_words_benji_and_xiaji_before_one_name_name_the_body_at_each_level():
    # 代表在本级或者下级人民代表大会常务委员会和乡、民族乡、镇的人民代表大会主席团协助下 (浙江代表法实施办法
    # 第十八条第一款): the 本级 常委会 assists too
    rules = extract(load(CORPORA / "zhejiang_daibiaofa_shishi_banfa_2016.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第十八条第一款" and n.action == "assist"} \
        == {"本级人民代表大会常务委员会", "下级人民代表大会常务委员会", "乡、民族乡、镇的人民代表大会主席团"}


def test_the_object_of_a_verb_stops_where_bing_opens_a_second_predicate():
    # 由主办单位统一答复代表并说明协办单位意见 (河南代表建议办理办法第十八条第一款): the 代表 are replied to
    rules = extract(load(CORPORA / "henan_daibiao_jianyi_banli_banfa_2017.txt"))
    assert {(n.bearer.label, n.object_text) for n in rules if n.source_citation == "第十八条第一款"
            and n.action == "reply"} == {("主办单位", "代表")}


def test_names_the_verb_before_takes_and_then_huozhe_are_its_object_not_the_next_verbs_subject():
    # 浙江代表法实施办法第十六条, read with 组织 as a question's own verb: …主席、副主席根据主席团的安排，
    # 组织本级人民代表大会代表或者受委托组织上一级人民代表大会代表开展闭会期间的活动
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    text = ("县级以上的地方各级人民代表大会常务委员会或者乡、民族乡、镇的人民代表大会主席、副主席根据主席团的安排，"
            "组织本级人民代表大会代表或者受委托组织上一级人民代表大会代表开展闭会期间的活动。")
    norms = Extractor(load_lexicon(), verbs={"组织": "asked"}).provision(text, "urn:x", "第十六条", 16, "")
    assert "本级人民代表大会代表" not in {n.bearer.label for n in norms if n.bearer}
    assert {n.bearer.label for n in norms if n.bearer and "上一级" in n.object_text} == {
        "地方各级人民代表大会常务委员会", "乡、民族乡、镇的人民代表大会主席", "乡、民族乡、镇的人民代表大会副主席"}


def test_a_marker_verb_right_before_de_is_no_marker():
    # 财经委员会依照本条例的规定对市财政部门提交的市级预算草案主要内容进行初步审查 (北京市预算监督条例
    # 第十条第一款): 提交的 says what was submitted; the 财经委员会 examines
    rules = extract(load(CORPORA / "beijing_yusuan_jiandu_tiaoli.txt"))
    assert {(n.action, n.bearer.label) for n in rules if n.source_citation == "第十条第一款" and n.bearer} \
        == {("examine", "财经委员会")}


def test_what_a_body_decides_in_a_genju_frame_is_its_decision():
    # 财经委员会或者…有关机构根据主任会议的决定，对预算执行中的重大问题进行调查 (北京市预算监督条例
    # 第十九条第一款): the 主任会议 decides; the ones who investigate act on it
    rules = extract(load(CORPORA / "beijing_yusuan_jiandu_tiaoli.txt"))
    assert ("主任会议", ("市人民代表大会", "财经委员会")) in {
        (n.bearer.label, tuple(sorted(a.label for a in n.aux))) for n in rules
        if n.source_citation == "第十九条第一款" and n.action == "decide" and n.bearer}


def _shanghai_budget_norms(citation: str) -> set[tuple]:
    rules = extract(load(CORPORA / "shanghai_yusuan_shencha_jiandu_tiaoli_2021.txt"))
    return {(n.action, n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
            if n.source_citation == citation and n.bearer}


def test_a_marker_inside_a_declared_short_name_ends_no_list_after_xiang():
    # 向本级人大财经委、人大常委会预算工委书面报告 (上海市预算审查监督条例第五十条第四款): the 经 of
    # 财经委 is part of the name, so the report goes to both bodies
    assert ("report", "市、区政府财政部门", ("人大财经委", "人大常委会预算工委")) in \
        _shanghai_budget_norms("第五十条第四款")


def test_a_marker_inside_the_opening_circumstance_is_not_the_verbs():
    # 市、区政府相关部门在预算执行中对重大投资项目资金安排进行调整的，应当及时向…报告 (第十五条第二款):
    # the 安排 of 资金安排 says nothing of who reports; the departments do
    assert _shanghai_budget_norms("第十五条第二款") >= {
        ("report", "市、区政府相关部门", ("人大财经委", "人大常委会预算工委"))}
    assert not {n for n in _shanghai_budget_norms("第十五条第二款") if n[1] == "人大常委会预算工委"}
    # 市、区政府财政部门在安排下一年度预算时，应当…重点审核 (第六十条第一款)
    assert ("review", "市、区政府财政部门", ()) in _shanghai_budget_norms("第六十条第一款")


def test_a_verb_before_de_after_a_modal_word_makes_no_relative_clause_of_the_subject():
    # 市、区政府财政部门应当在本级人大常委会举行会议听取和审议…报告的三十日前，向…提交…报告
    # (第三十五条第二款): the 审议 is the committee's, inside the deadline; the department submits
    assert _shanghai_budget_norms("第三十五条第二款") >= {
        ("report", "市、区政府财政部门", ("人大财经委", "人大常委会预算工委")),
        ("report", "乡、镇政府财政部门", ("乡、镇人大主席团",))}


def test_levels_before_a_declared_short_name_leave_it_the_subject():
    # 市、区人大常委会预算工委应当根据…的要求，…，确定跟踪监督的突出问题和责任部门，组织开展跟踪监督，并向本级
    # 人大常委会提出调研报告 (上海市预算审查监督条例第五十八条第二款): the 预算工委 decides and reports;
    # the 责任部门 it designates are two segments before the report, so they do not report
    assert {("decide", "人大常委会预算工委", ()),
            ("report", "人大常委会预算工委", ("本级人大常委会",))} <= _shanghai_budget_norms("第五十八条第二款")
    assert not {n for n in _shanghai_budget_norms("第五十八条第二款") if n[1] == "责任部门"}


def test_a_body_set_up_by_a_meeting_each_term_acts_past_the_commas_after_it():
    # 每届市、区人民代表大会第一次会议设立…预算审查委员会，根据…审议意见，结合初步审查意见，向大会主席团提出…
    # 报告 (第三十一条第二款): 每届 opens the subject; the 的 of 审议意见 past a comma opens no relative clause;
    # 审查意见 is a noun, so no 审查 stands between
    assert ("report", "预算审查委员会", ("大会主席团",)) in _shanghai_budget_norms("第三十一条第二款")
    # …对预算草案提出审查意见 (第三十一条第三款): no one examines 意见
    assert {n[0] for n in _shanghai_budget_norms("第三十一条第三款")} == {"raise"}


def test_a_clause_naming_its_subject_before_an_unread_verb_carries_it_past_the_semicolon():
    # 居民委员会应当指导和监督业主委员会…；对…存在的问题，可以报告街道办事处或者乡镇人民政府、房屋行政管理部门
    # (上海市居民委员会工作条例第二十一条第一款): 指导和监督 is no verb the grammar reads, yet the 居民委员会
    # it opens with is who reports after the ；
    rules = extract(load(CORPORA / "shanghai_juweihui_gongzuo_tiaoli_2020.txt"))
    assert ("居民委员会", ("街道办事处", "乡镇人民政府", "房屋行政管理部门")) in {
        (n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
        if n.source_citation == "第二十一条第一款" and n.action == "report" and n.bearer}


def test_a_declared_short_name_before_a_verb_is_no_part_of_a_documents_name():
    # 市、区人大常委会监督本级总预算的执行；审查和批准本级预算的调整方案；审查和批准本级决算 (上海市预算审查监督
    # 条例第四条第二款): 人大常委会 is the short name 第四条第一款 declares, 监督 a verb after it, so no
    # document is called 市、区人大常委会监督本级总预算; the 常委会 examines and approves
    assert {("examine", "人大常委会", ()), ("approve", "人大常委会", ())} <= _shanghai_budget_norms("第四条第二款")
    # …and a short name inside another's declaration (以下简称人大常委会预算工委) is that declaration's:
    # the 预算工作委员会 assists, not the 常委会
    rules = extract(load(CORPORA / "shanghai_yusuan_shencha_jiandu_tiaoli_2021.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第六条第一款" and n.action == "assist"
            and n.object_text.startswith("承担") and n.bearer} == {"市、区人大常委会预算工作委员会"}


def test_groups_set_up_for_a_task_are_bodies_named_by_their_work():
    # 执法检查结束后，执法检查组应当提出执法检查报告 (浙江省人大常委会监督条例第三十一条第一款); 执法检查组组长
    # 向常务委员会会议作执法检查报告 (北京市执法检查办法第十三条第一款); 由选举领导小组主持 (河南省实施居委会
    # 组织法办法第九条第一款): the group is named with the work it does, and so is its head
    def actors(name, citation, action):
        return {n.bearer.label for n in extract(load(CORPORA / name))
                if n.source_citation == citation and n.action == action and n.bearer}
    assert actors("zhejiang_changweihui_jiandu_tiaoli_2008.txt", "第三十一条第一款", "raise") == {"执法检查组"}
    assert "执法检查组组长" in actors("beijing_zhifa_jiancha_banfa.txt", "第十三条第一款", "report")
    assert actors("henan_juweihui_shishi_banfa_2020.txt", "第九条第一款", "chair") == {"选举领导小组"}


def test_who_a_sender_word_names_before_a_verb_it_does_then_goes_on_to_act():
    # 有关专门委员会、常务委员会工作机构…提出下一年度监督议题的建议，由常务委员会办事机构综合协调后，提出监督工作
    # 计划的建议，提请主任会议讨论通过 (浙江省人大常委会监督条例第十条第一款): the 办事机构 proposes the plan
    rules = extract(load(CORPORA / "zhejiang_changweihui_jiandu_tiaoli_2008.txt"))
    assert {(n.action, n.bearer.label) for n in rules if n.source_citation == "第十条第一款" and n.bearer
            and n.object_text.startswith(("监督工作计划", "讨论通过"))} == {
        ("raise", "常务委员会办事机构"), ("submit", "常务委员会办事机构")}


def test_nouns_right_before_the_name_a_verb_takes_are_part_of_its_object():
    # 主任会议也可以根据需要临时确定监督议题 (浙江省人大常委会监督条例第十条第二款): the 议题 are 监督议题;
    # 对代表议案进行审议 is of 代表议案 (上海市人大关于代表议案的规定第十六条第一款); but 列席下级人民代表大会会议
    # keeps its verb out of the meeting's name
    def objects(name, citation, action):
        return {n.object_text for n in extract(load(CORPORA / name))
                if n.source_citation == citation and n.action == action}
    assert objects("zhejiang_changweihui_jiandu_tiaoli_2008.txt", "第十条第二款", "decide") == {"监督议题"}
    assert "代表议案" in objects("shanghai_daibiao_yian_guiding.txt", "第十六条第一款", "deliberate")
    assert not any(o.startswith("列席") for o in objects(
        "zhejiang_daibiaofa_shishi_banfa_2016.txt", "第二十五条第一款", "attend-nonvoting"))


def test_youquan_grants_a_permission_not_a_duty():
    # 在专门委员会会议上答复的，提质询案的常务委员会组成人员有权列席会议 (监督法第三十六条第二款): they may
    # attend; nothing obliges them to
    rules = extract(load(CORPORA / "jiandu_fa_2006.txt"))
    assert {(n.bearer.label, n.modality) for n in rules if n.source_citation == "第三十六条第二款"
            and n.action == "attend-nonvoting" and n.bearer} == {("提质询案的常务委员会组成人员", "permission")}


def test_an_approval_received_is_granted_by_whom_the_request_went_to():
    # 市和区、县人民代表大会代表应当向代表团团长书面请假并得到批准，乡、民族乡、镇人民代表大会代表应当向人民代表
    # 大会主席或者副主席书面请假并得到批准 (北京市实施代表法办法第七条第一款): the 团长 approves the first
    # request, the 主席 or 副主席 the second; no deputy approves their own
    rules = extract(load(CORPORA / "beijing_daibiaofa_shishi_banfa_2014.txt"))
    assert {(n.bearer.label, tuple(a.label for a in n.aux)) for n in rules
            if n.source_citation == "第七条第一款" and n.action == "approve" and n.bearer} == {
        ("代表团团长", ("市和区、县人民代表大会代表",)),
        ("人民代表大会主席", ("乡、民族乡、镇人民代表大会代表",)),
        ("人民代表大会副主席", ("乡、民族乡、镇人民代表大会代表",))}


def test_what_a_body_decides_in_an_anzhao_frame_is_its_decision():
    # 质询案按照主席团的决定，由受质询机关的负责人…口头答复，或者由受质询机关书面答复 (北京市实施代表法办法
    # 第十二条第三款): as with 根据…的决定, the 主席团 decides how it is answered
    rules = extract(load(CORPORA / "beijing_daibiaofa_shishi_banfa_2014.txt"))
    assert ("decide", "主席团") in {(n.action, n.bearer.label) for n in rules
                                   if n.source_citation == "第十二条第三款" and n.bearer}


def test_xuke_is_an_approval():
    # 非经本级人民代表大会主席团许可，在本级人民代表大会闭会期间，非经本级人民代表大会常务委员会许可，不受逮捕
    # 或者刑事审判 (北京市实施代表法办法第二十六条第一款)
    rules = extract(load(CORPORA / "beijing_daibiaofa_shishi_banfa_2014.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第二十六条第一款" and n.action == "approve"
            and n.bearer} == {"本级人民代表大会主席团", "本级人民代表大会常务委员会"}


def test_a_body_described_and_given_a_short_name_is_named_by_it():
    # 县级以上人民代表大会常务委员会确定的负责规范性文件备案审查工作的机构（以下简称备案审查工作机构）
    # (山东省备案审查规定第八条第一款): the description heads on 机构 as the short name does, so the short name
    # is a body's; read without it, only its tail 工作机构 was a name
    rules = extract(load(CORPORA / "shandong_beian_shencha_guiding_2017.txt"))
    assert {n.bearer.label for n in rules if n.source_citation == "第八条第三款" and n.bearer} == {
        "备案审查工作机构", "人民代表大会有关专门委员会", "常务委员会有关工作机构"}


def test_an_event_a_time_is_counted_from_is_no_duty():
    # 制定机关应当自书面告知备案审查工作机构之日起三十日内修改或者废止 (山东省备案审查规定第十九条第二款):
    # the 告知 is the first paragraph's duty, here only when the thirty days start; and 村民选举委员会履行职责
    # 的期限，自组成之日起至…之日止 (上海市村委会选举办法第八条第二款) says nothing of who the members are
    beian = extract(load(CORPORA / "shandong_beian_shencha_guiding_2017.txt"))
    assert [(n.source_citation, [a.label for a in n.aux]) for n in beian
            if n.action == "inform" and n.article == 19] == [
        ("第十九条第一款", ["备案审查工作机构"])]
    xuanju = extract(load(CORPORA / "shanghai_cunweihui_xuanju_banfa_2020.txt"))
    assert [n for n in xuanju if n.source_citation == "第八条第二款" and n.action == "member"] == []


def test_pifu_is_an_approval():
    # 市财政部门应当自批准之日起30日内批复市级预算单位的部门预算 (北京市预算监督条例第十六条第一款); the 批准
    # inside the time is the 人民代表大会's, said before it
    rules = extract(load(CORPORA / "beijing_yusuan_jiandu_tiaoli.txt"))
    assert [(n.bearer.label, n.object_text) for n in rules
            if n.source_citation in ("第十六条第一款", "第三十三条第一款") and n.action == "approve"] == [
        ("市财政部门", "市级预算单位的部门预算"), ("市财政部门", "市级各预算单位的部门决算")]


def test_a_verb_the_preposition_dui_takes_is_a_noun():
    # 省人大常委会…对承办代表建议、批评和意见工作成绩显著的单位、个人予以表彰 (河南省代表建议办理办法第六条
    # 第一款): the 常委会 commends; it does not 承办. But 经发言人核对签字后 (全国人大常委会议事规则第四十四条第二款):
    # the 对 of 核对 takes nothing, and the 发言人 signs
    henan = extract(load(CORPORA / "henan_daibiao_jianyi_banli_banfa_2017.txt"))
    assert [n for n in henan if n.source_citation == "第六条第一款" and n.action == "undertake"] == []
    quanguo = extract(load(CORPORA / "quanguo_renda_changweihui_yishi_guize_2022.txt"))
    assert [n.bearer.label for n in quanguo if n.source_citation == "第四十四条第二款" and n.action == "sign"] == [
        "发言人"]


def test_peoples_organisations_and_the_one_someone_belongs_to_are_named_bodies():
    # 浙江省工会劳动法律监督条例: 地方总工会负责组织…工会劳动法律监督 (第四条) names a trade union as
    # the one who acts, though no curated term lists it; and the 工会 that opens a document's name
    # (用人单位应当自收到工会劳动法律监督意见书之日起…作出书面答复, 第二十二条) is no one who answers
    norms = extract(load(CORPORA / "zhejiang_gonghui_laodong_jiandu_tiaoli_2016.txt"))
    assert {n.bearer.label for n in norms if n.source_citation == "第四条第一款" and n.action == "responsible"} == {
        "地方总工会"}
    assert [(n.bearer.label, [o.label for o in n.objects]) for n in norms
            if n.source_citation == "第二十二条第一款" and n.action == "reply"] == [("用人单位", ["工会劳动法律监督意见书"])]
    # 代表所在单位接到通知的，应当…给予批准 (北京市实施代表法办法第二十七条): the deputy's own employer approves
    norms = extract(load(CORPORA / "beijing_daibiaofa_shishi_banfa_2014.txt"))
    assert "代表所在单位" in {n.bearer.label for n in norms
                           if n.source_citation == "第二十七条第一款" and n.action == "approve" and n.bearer}


def test_a_name_after_another_and_de_is_whom_a_thing_goes_to_named_with_its_owner():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon())
    said = [(n.action, n.bearer.label, [a.label for a in n.aux], n.object_text)
            for n in ex.provision("区政府应当将处理结果书面告知当事人的代理人。", "x", "第一条", 1)]
    assert said == [("inform", "区政府", ["当事人的代理人"], "处理结果书面")]


def test_applying_to_a_body_sends_the_thing_to_it():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon())
    said = [(n.action, n.bearer.label, [a.label for a in n.aux], n.object_text)
            for n in ex.provision("基层工会或者上级工会可以向人民法院申请支付令。", "x", "第一条", 1)]
    assert said == [("submit", "基层工会", ["人民法院"], "支付令"), ("submit", "上级工会", ["人民法院"], "支付令")]


def test_a_level_or_a_list_of_levels_gives_the_first_the_head_the_list_shares():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon())
    said = [(n.action, n.bearer.label)
            for n in ex.provision("该事项由市或者区、县人民政府批准。", "x", "第一条", 1)]
    # 市人民政府, or 区、县人民政府 — no 市、县人民政府
    assert said == [("approve", "市人民政府"), ("approve", "区、县人民政府")]


def test_the_consent_of_each_of_a_list_of_names_is_theirs_to_give():
    from kg.extract import Extractor
    from kg.lexicon import load_lexicon

    ex = Extractor(load_lexicon())
    said = [(n.action, n.bearer.label)
            for n in ex.provision("变更工作岗位，应当征得区政府和上一级工会的同意。", "x", "第一条", 1)]
    assert said == [("approve", "区政府"), ("approve", "上一级工会")]
