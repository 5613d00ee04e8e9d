"""The lexicon is data: labels, hierarchy, and the jieba dictionary generated from it."""

import jieba
import pytest

from kg.lexicon import load_lexicon


def test_alt_labels_resolve_to_one_concept():
    lex = load_lexicon()
    assert lex.by_label["常务会"] is lex.by_label["常务会议"]
    assert lex.by_label["区长办公会"].pref == "区长办公会议"
    assert lex.by_label["办公室主任"].pref == "区政府办公室主任"


def test_hierarchy_first_and_in_charge_deputies_are_deputies():
    lex = load_lexicon()
    deputy = lex.by_label["副区长"].iri
    assert deputy in lex.ancestors(lex.by_label["第一副区长"].iri)
    assert deputy in lex.ancestors(lex.by_label["分管副区长"].iri)


def test_longest_match_prefers_the_seal_over_the_post():
    lex = load_lexicon()
    assert [m.entry.pref for m in lex.mentions("使用区长印章")] == ["区长印章"]


def test_jieba_dictionary_is_generated_from_the_lexicon(tmp_path):
    lex = load_lexicon()
    words = lex.jieba_words()
    for entry in lex.entries.values():
        for label in entry.labels:
            assert label.replace("（", "(").replace("）", ")") in words or label in words
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(lex.write_jieba_dict(tmp_path / "user.dict")))
    assert "区长办公会议" in tokenizer.lcut("区长办公会议由区长召集")


def test_a_common_noun_after_a_body_found_by_its_suffix_is_part_of_that_bodys_name():
    # 国务院 is no lexicon entry here (a body by its suffix); 部门 alone is a common noun
    lex = load_lexicon()
    assert [(m.surface, m.entry.kind) for m in lex.mentions("部门规章由国务院部门组织起草")] == [
        ("部门规章", "document-types"), ("国务院部门", "bodies")]


def test_a_bracketed_list_of_levels_belongs_to_the_name_it_precedes():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("县（市、区）人民政府应当")] == ["县（市、区）人民政府"]


def test_a_listed_level_of_government_and_a_word_holding_a_stop_character_stay_in_the_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("由乡、民族乡、镇的人民政府提出")] == ["乡、民族乡、镇的人民政府"]
    assert [m.surface for m in lex.mentions("省、自治区、直辖市人民政府应当")] == ["省、自治区、直辖市人民政府"]
    assert [m.surface for m in lex.mentions("由财政经济委员会进行初步审查")] == ["财政经济委员会"]


def test_a_list_of_levels_led_by_ge_or_a_single_level_with_de_belongs_to_the_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("时候，各省、自治区、直辖市和其他有关地方的人民代表大会常务委员会主任列席")] \
        == ["各省、自治区、直辖市和其他有关地方的人民代表大会常务委员会主任"]
    assert [m.surface for m in lex.mentions("（五）设区的市的人民代表大会常务委员会主任")] == [
        "设区的市的人民代表大会常务委员会主任"]
    # a level ending a word (本市) is not listed: the name starts after 的, as before
    assert [m.surface for m in lex.mentions("本市的人民政府应当")] == ["人民政府"]


def test_a_body_may_be_named_by_what_it_is_charged_with():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("不符合要求的，负责合法性审查的部门可以退回")] == ["负责合法性审查的部门"]
    assert [m.surface for m in lex.mentions("决策机关应当确定承担评估具体工作的单位")] == [
        "决策机关", "承担评估具体工作的单位"]
    # after a name the lead is that name's verb; a meeting or a post is never named so
    assert [m.surface for m in lex.mentions("工作机构负责联系辖区内的人民代表大会代表")] == [
        "工作机构", "人民代表大会代表"]
    assert "负责召集下一次的本级人民代表大会会议" not in {
        m.surface for m in lex.mentions("并负责召集下一次的本级人民代表大会会议")}


def test_a_jurisdiction_standing_before_a_known_name_is_part_of_it():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("可以邀请全国人大代表、市人大代表列席会议")] == [
        "全国人大代表", "市人大代表"]
    assert [m.surface for m in lex.mentions("邀请人大代表列席")] == ["人大代表"]


def test_changweihui_is_a_bodys_name_so_a_deputy_after_its_post_is_its_deputy():
    lex = load_lexicon()
    assert [m.entry.pref for m in lex.mentions("邀请区县人大常委会主任或副主任列席会议")] == [
        "区县人大常委会主任", "区县人大常委会副主任"]


def test_the_head_of_a_department_listed_after_one_with_its_owner_is_that_owners():
    lex = load_lexicon()
    assert [(m.surface, m.entry.pref) for m in lex.mentions("常委会工作机构和办事机构负责人列席")] == [
        ("常委会工作机构", "常委会工作机构"), ("办事机构负责人", "常委会办事机构负责人")]


def test_a_bare_department_word_joined_to_a_modified_one_shares_its_modifier():
    lex = load_lexicon()
    assert [(m.surface, m.entry.pref) for m in lex.mentions("可以通知有关部门或单位的负责人列席会议")
            if m.entry.kind == "bodies"] == [("有关部门", "有关部门"), ("单位", "有关单位")]


def test_a_clause_opening_with_a_verb_and_closed_by_de_names_which_ones():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("提质询案的常委会组成人员有权列席会议")
            if m.entry.kind == "role"] == ["提质询案的常委会组成人员"]
    assert [m.surface for m in lex.mentions("由作出该督查结论的人民政府复核")] == ["作出该督查结论的人民政府"]
    # 有关 (with or without 的) stays with the name, as in 有关部门; a count, a clause with its own
    # subject or a whole sentence names no subset
    assert [m.surface for m in lex.mentions("或者交由有关的专门委员会审议")] == ["有关的专门委员会"]
    assert [(m.surface, m.entry.pref) for m in lex.mentions("有三分之一以上的村民代表提议")] == [
        ("三分之一以上的村民代表", "村民代表")]   # the count is said with the group, which it is
    assert [m.surface for m in lex.mentions("省人民代表大会选举产生的省人民代表大会常务委员会主任")] == [
        "省人民代表大会", "省人民代表大会常务委员会主任"]


def test_a_body_set_up_by_another_is_named_by_its_founder():
    lex = load_lexicon()
    found = lex.mentions("国家行政学院和省、自治区、直辖市人民政府设立的行政学院可以举办师资培训班")
    assert [m.surface for m in found] == ["国家行政学院", "省、自治区、直辖市人民政府设立的行政学院"]
    assert [m.surface for m in lex.mentions("由县级以上地方人民政府组建的抢险救灾指挥机构统一指挥")] == [
        "县级以上地方人民政府组建的抢险救灾指挥机构"]
    # a post is no body one sets up; a verb that founds nothing leaves two names
    assert [m.surface for m in lex.mentions("区政府指定的区长")] == ["区政府", "区长"]


def test_a_body_named_by_where_it_is_keeps_the_place_in_its_name():
    # 农村土地承包经营纠纷调解仲裁法第二十一、二十六条; 征兵工作条例第三十一条
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("应当向纠纷涉及的土地所在地的农村土地承包仲裁委员会递交仲裁申请书")] == [
        "纠纷涉及的土地所在地的农村土地承包仲裁委员会", "申请"]
    assert [m.surface for m in lex.mentions("提交被申请人住所地或者财产所在地的基层人民法院")] == [
        "被申请人住所地或者财产所在地的基层人民法院"]
    # the pronoun says whose place; a verb before the place word is no part of the name
    assert [m.surface for m in lex.mentions("并通知其户籍所在地的户口登记机关")] == ["户籍所在地的户口登记机关"]
    assert [m.surface for m in lex.mentions("不参加所在地的居民委员会")] == ["居民委员会"]


def test_departments_named_by_what_they_manage_are_names():
    # 主管/管理/组织 are verbs that break names, but not inside 主管部门, 管理部门, 组织人事部门
    lex = load_lexicon()
    for text, name in [("由有关主管部门负责", "有关主管部门"), ("国务院交通主管部门", "国务院交通主管部门"),
                       ("由工业产品生产许可证主管部门负责", "工业产品生产许可证主管部门"),
                       ("协助房屋行政管理部门做好", "房屋行政管理部门"), ("同组织人事部门加强联系", "组织人事部门"),
                       ("由街道办事处提出", "街道办事处")]:
        assert [m.surface for m in lex.mentions(text)] == [name], text


def test_a_body_named_by_what_it_may_do_is_one_name():
    # 信访条例第三十二条第二款: 有权处理的行政机关…应当督促…; 负责审批的部门 at a sentence's start
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("有权处理的行政机关应当督促有关机关执行")] == [
        "有权处理的行政机关", "有关机关"]
    assert [m.surface for m in lex.mentions("负责审批的部门应当告知")] == ["负责审批的部门"]


def test_a_bare_group_word_listed_after_a_name_is_a_party():
    # 地方组织法第二十六条: …由本级人民代表大会主席团或者代表依照本法规定联合提名
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("由本级人民代表大会主席团或者代表依照本法规定联合提名")][:2] == [
        "本级人民代表大会主席团", "代表"]
    assert [m.surface for m in lex.mentions("主席团或者代表团提出")] == ["主席团", "代表团"]
    assert "代表" not in [m.surface for m in lex.mentions("由代表团全体会议、代表小组会议审议")]


def test_the_assembly_is_a_name_but_not_inside_a_meeting():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("由大会决定是否接受辞职")] == ["大会"]
    assert [m.surface for m in lex.mentions("研究重大会议事项")] == ["重大会议"]
    assert [m.surface for m in lex.mentions("全国人民代表大会议事规则")] == ["全国人民代表大会"]


def test_a_clause_describing_the_others_is_part_of_their_name():
    # 重大行政决策程序暂行条例第三十八条: …对决策机关行政首长、负有责任的其他领导人员…依法追究责任
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("对决策机关行政首长、负有责任的其他领导人员依法追究责任")] == [
        "决策机关行政首长", "负有责任的其他领导人员"]
    assert [m.surface for m in lex.mentions("区政府的其他领导同志")] == ["区政府"]


def test_a_bare_body_word_listed_with_a_named_body_is_a_name():
    # 上海市居民委员会工作条例第二十三条: 向政府或者有关部门报告; a bare 机关 after a verb is not one
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("协商结果应当及时向政府或者有关部门报告")] == ["政府", "有关部门"]
    assert [m.surface for m in lex.mentions("由部门或者单位负责")] == []
    assert "机关" not in [m.surface for m in lex.mentions("处分由任免机关或者监察机关决定")]


def test_a_level_written_with_de_stays_in_the_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("设区的市级以上地方人民政府应当监督")] == ["设区的市级以上地方人民政府"]


def test_a_bare_department_listed_after_one_named_with_its_owner_is_that_owners():
    lex = load_lexicon()
    found = lex.mentions("由县级人民政府农业部门、财政部门负责组织")
    assert [(m.surface, m.entry.pref) for m in found] == [
        ("县级人民政府农业部门", "县级人民政府农业部门"), ("财政部门", "县级人民政府财政部门")]
    # bodies of their own in a list are not departments of the first (本级人民政府、监察委员会)
    found = lex.mentions("本级人民政府、监察委员会、人民法院")
    assert [m.entry.pref for m in found] == ["本级人民政府", "监察委员会", "人民法院"]


def test_a_meeting_of_representatives_is_one_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("村民代表会议由村民委员会成员和村民代表组成")][:1] == ["村民代表会议"]


def test_the_work_a_body_does_may_name_it():
    # 审计机关, 执法部门: a verb right before a suffix that needs words names the body; 受质询机关 keeps 受
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("审计机关按照规定对重大行政决策进行监督")] == ["审计机关"]
    assert [m.surface for m in lex.mentions("由执法部门负责")] == ["执法部门"]
    assert [m.surface for m in lex.mentions("由受质询机关的负责人签署")] == ["受质询机关", "负责人"]
    assert [m.surface for m in lex.mentions("列入会议议程")] == []
    # …and a committee: 选举委员会 (选举 is tagged a verb), but 报告 after a modal word is the verb
    assert [m.surface for m in lex.mentions("经选举委员会确认，不列入选民名单")] == ["选举委员会"]
    assert [m.surface for m in lex.mentions("应当报告委员会")] == ["委员会"]
    # …never a government: 向区政府反映政府工作 names the 区政府 alone
    assert [m.surface for m in lex.mentions("及时向区政府反映政府工作")] == ["区政府"]


def test_a_word_that_ends_as_a_name_ends_is_no_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("县人民政府应当合理规划乡村产业布局")] == ["县人民政府"]


def test_a_body_and_its_own_departments_name_them_as_the_bodys():
    lex = load_lexicon()
    found = lex.mentions("县（市、区）人民政府及其工作部门应当")
    assert [(m.surface, m.entry.pref) for m in found] == [
        ("县（市、区）人民政府", "县（市、区）人民政府"), ("工作部门", "县（市、区）人民政府工作部门")]


@pytest.mark.parametrize("text, names", [
    ("由宪法和法律委员会进行统一审议", ["宪法和法律委员会"]),
    ("教育、科学、文化和卫生委员会", ["教育、科学、文化和卫生委员会"]),
    ("全国人民代表大会宪法和法律委员会", ["全国人民代表大会宪法和法律委员会"]),
    # names on both sides, or a verb before 和: a list of bodies, not one
    ("本级人民政府和监察委员会", ["本级人民政府", "监察委员会"]),
    ("国务院和中央军事委员会", ["国务院", "中央军事委员会"]),
    ("决定和监察委员会", ["监察委员会"]),
])
def test_common_nouns_joined_by_he_before_a_body_are_its_name(text, names):
    assert [m.surface for m in load_lexicon().mentions(text)] == names


@pytest.mark.parametrize("text, names", [
    ("需要经费的，由委托部门承担。", ["委托部门"]),   # 由 + the verb of its part + 部门
    ("交承办部门办理", ["承办部门"]),
    ("，报送部门审核", []),                          # no marker: a verb and its object
])
def test_a_department_may_be_named_by_its_part_after_a_bearer_marker(text, names):
    assert [m.surface for m in load_lexicon().mentions(text)] == names


@pytest.mark.parametrize("text, names", [
    # opening its clause, a verb of the grammar and 机关/单位 are the body that does it
    ("常委会会议听取和审议报告的时候，报告机关负责人应当到会报告工作。", ["常委会会议", "报告机关负责人"]),
    ("审查机关应当签署意见。", ["审查机关"]),
    # a verb a name never holds does so only as a subject, a modal word right after it
    ("，执行机关应当立即报告乡、民族乡、镇人民代表大会。", ["执行机关", "乡、民族乡、镇人民代表大会"]),
    ("，加强部门协调。", []),
])
def test_a_verb_opening_its_clause_names_the_body_by_its_part(text, names):
    assert [m.surface for m in load_lexicon().mentions(text)] == names


def test_a_verb_after_a_modal_word_is_no_part_of_the_name_after_it():
    found = [m.surface for m in load_lexicon().mentions("有关单位应当及时报告单位负责人。")]
    assert found[0] == "有关单位" and not any(s.startswith("报告") for s in found)


def test_a_name_never_holds_the_verb_of_taking_a_post():
    # 常委会组成人员轮流担任召集人: the convenor is 召集人, not 轮流担任召集人
    text = "常委会分组会议由常委会组成人员轮流担任召集人并主持会议。"
    assert [m.surface for m in load_lexicon().mentions(text)] == ["常委会分组会议", "常委会组成人员", "召集人"]


@pytest.mark.parametrize("text, names", [
    ("提请该级人民代表大会常务委员会批准", ["该级人民代表大会常务委员会"]),   # 该级 stands in a name
    ("必须经受益单位同意", ["受益单位"]),                                  # so does 受益
    ("应当征得机构编制、财政、税务等相关部门同意", ["相关部门"]),          # 征得 never does
    ("1987年4月21日国务院批准", ["国务院"]),                               # nor a date's 日
    ("委托人或者受委托人应当办理委托手续", ["委托人", "受委托人"]),        # 受委托人 is one who is entrusted
    ("由登记管理机关予以取缔", ["登记管理机关"]),                          # what is managed names it
    ("国务院机构编制管理机关应当监督检查", ["国务院机构编制管理机关"]),
    ("经业务主管单位同意", ["业务主管单位"]),                              # 主管单位 is a noun
])
def test_where_a_name_begins(text, names):
    assert [m.surface for m in load_lexicon().mentions(text)] == names


def test_the_rest_of_a_modal_word_before_a_name_found_by_its_suffix_is_not_part_of_it():
    # 应 stops the name; 当 of 应当 was kept as its first character (jieba tags a lone 当 a time word)
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("县人民政府应当支持乡镇人民政府")] == ["县人民政府", "乡镇人民政府"]
    assert [m.surface for m in lex.mentions("应当遵守居民会议的决定")] == ["居民会议"]
    # …while 上 after the stop character 报 starts the name (报上 is no modal word)
    assert [m.surface for m in lex.mentions("报上一级人民政府批准")] == ["上一级人民政府"]


def test_a_group_named_by_how_many_of_it_act_together_is_one_party_named_by_its_group():
    lex = load_lexicon()
    found = lex.mentions("主席团、三个以上的代表团或者十分之一以上的代表，可以提出罢免案")
    assert [(m.surface, m.entry.pref) for m in found if m.entry.kind != "document-types"] == [
        ("主席团", "主席团"), ("三个以上的代表团", "代表团"), ("十分之一以上的代表", "代表")]
    # …but a count before a longer name (代表大会, 代表团团长) leaves that name alone
    assert [m.surface for m in lex.mentions("有三分之二以上的代表出席")] == []
    assert "三个以上的代表团" not in [m.surface for m in lex.mentions("三个以上的代表团团长联名")]
    # …and so is one written group first (北京市乡镇人大组织条例第二十三条)
    found = lex.mentions("由本级人民代表大会主席团提名或者代表十人以上书面联名提出")
    assert [(m.surface, m.entry.pref) for m in found] == [
        ("本级人民代表大会主席团", "本级人民代表大会主席团"), ("代表十人以上", "代表")]


def test_a_name_after_a_pronouns_possessive_is_the_bodys_before_it_and_keeps_the_pronoun():
    # 居民委员会组织法第十五条: 报不设区的市、市辖区的人民政府或者它的派出机关备案
    lex = load_lexicon()
    found = lex.mentions("报不设区的市、市辖区的人民政府或者它的派出机关备案")
    assert [(m.surface, m.entry.pref) for m in found] == [
        ("不设区的市、市辖区的人民政府", "不设区的市、市辖区的人民政府"),
        ("它的派出机关", "不设区的市、市辖区的人民政府的派出机关")]


def test_a_deputy_of_a_post_the_lexicon_knows_is_the_deputy_not_the_post():
    # 镇长 is a post of the lexicon, 副镇长 is not: it is read whole, not as a second 镇长
    found = [(m.surface, m.start) for m in load_lexicon().mentions("乡长、副乡长，镇长、副镇长列席会议")]
    assert found == [("乡长", 0), ("副乡长", 3), ("镇长", 7), ("副镇长", 10)]


def test_a_body_and_its_own_listed_whole_are_two_parties():
    # the lexicon lists 区人民代表大会及其常务委员会 whole; it names the congress and its committee
    found = [(m.surface, m.entry.pref) for m in load_lexicon().mentions("报请区人民代表大会及其常务委员会审议")]
    assert found == [("区人民代表大会", "区人民代表大会"), ("常务委员会", "区人民代表大会常务委员会")]


def test_an_executive_chair_is_one_post_named_whole():
    # 浙江省人大议事规则第六十三条: 由会议执行主席安排发言顺序 (执行 is no verb here)
    from kg.lexicon import load_lexicon
    lex = load_lexicon()
    assert [(m.surface, m.entry.kind) for m in lex.mentions("由会议执行主席安排发言顺序")] == [("会议执行主席", "role")]


@pytest.mark.parametrize("text, names", [
    # 不设区的市 is the opposite of 设区的市: its 不 stays in the name
    ("由不设区的市人民政府决定", [("不设区的市人民政府", "bodies")]),
    # 市辖区人民政府 is no 区人民政府 of the curated lexicon with 市辖 left over
    ("由市辖区人民政府决定", [("市辖区人民政府", "bodies")]),
])
def test_level_words_stay_whole_in_a_government_s_name(text, names):
    from kg.lexicon import load_lexicon
    assert [(m.surface, m.entry.kind) for m in load_lexicon().mentions(text)] == names



@pytest.mark.parametrize("text, names", [
    ("由主席团发布省人民代表大会公告予以公布", [("主席团", "bodies"), ("省人民代表大会公告", "document-types")]),
    # alone, 公告 is the verb: no document swallows the body before it, nor the public
    ("由主席团予以公告", [("主席团", "bodies")]),
    ("登记管理机关应当向社会公告", [("登记管理机关", "bodies")]),
])
def test_an_announcement_is_a_document_only_as_a_body_s(text, names):
    from kg.lexicon import load_lexicon
    assert [(m.surface, m.entry.kind) for m in load_lexicon().mentions(text)] == names


def test_a_list_of_levels_before_a_known_name_with_its_own_level_is_part_of_it():
    lex = load_lexicon()
    found = [(m.surface, lex.members(m.surface)) for m in lex.mentions("由不设区的市、市辖区人民政府决定。")]
    assert found == [("不设区的市、市辖区人民政府", ("不设区的市人民政府", "市辖区人民政府"))]


def test_where_a_body_is_located_is_part_of_its_name():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("生活补贴由所在地人民政府另行规定。")] == ["所在地人民政府"]


def test_posts_of_a_foundation_or_company_are_posts_but_not_inside_other_words():
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("监事列席理事会会议")] == ["监事", "理事会会议"]
    assert [m.surface for m in lex.mentions("由理事长签署")] == ["理事长"]
    # 理事 alone is no post's ending: it stands inside 管理事项
    assert [m.surface for m in lex.mentions("县级服务管理事项依法下放给乡镇人民政府")] == ["乡镇人民政府"]


def test_bodies_listed_with_a_shared_head_are_its_members_but_not_a_list_made_with_he():
    lex = load_lexicon()
    assert lex.members("各镇政府、街道办事处主要负责人") == ("各镇政府主要负责人", "街道办事处主要负责人")
    # 区人大和区政协专门委员会负责人: the heads of both's 专门委员会, not of the 区人大
    assert lex.members("区人大和区政协专门委员会负责人") == ()


def test_a_date_running_up_to_a_name_is_no_part_of_it():
    # 上海市人大关于代表议案的规定第八条: the 主席团 decides the deadline; 之日起至 opens no name
    lex = load_lexicon()
    text = "是指自召开市人民代表大会会议之日起至市人民代表大会主席团决定的代表议案提出截止时间"
    assert [m.surface for m in lex.mentions(text)][:2] == ["市人民代表大会会议", "市人民代表大会主席团"]
    # …nor does a span of days (在收到代表议案之日起十五日内送…有关专门委员会: no 十五日内送… name)
    assert [m.surface for m in lex.mentions("工作机构应当在十五日内送有关专门委员会研究。")] == [
        "工作机构", "有关专门委员会"]


def test_the_assembly_s_agenda_is_no_meeting_named_by_its_last_characters():
    # 本次大会议程 is the 大会 and its 议程, not a meeting '本次大会议'; 重大会议 is still a 会议
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("主席团决定不列入本次大会议程的代表议案")] == ["主席团", "本次大会", "议案"]
    assert [m.surface for m in lex.mentions("重大会议由区长主持")] == ["重大会议", "区长"]


def test_deputies_named_by_their_part_in_a_bill_or_the_whole_are_roles():
    # 印发大会全体代表 (上海代表议案规定第十一条第二款); 邀请提出议案的领衔代表列席会议 (第十九条第二款)
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("印发大会全体代表。")] == ["大会全体代表"]
    assert [m.surface for m in lex.mentions("应当邀请提出议案的领衔代表列席会议")][:1] == ["提出议案的领衔代表"]
    assert [m.surface for m in lex.mentions("附议代表应当审阅议案文本")][:1] == ["附议代表"]


def test_a_deputies_office_or_group_keeps_its_daibiao_and_a_choosing_verb_ends_a_name():
    # 河南代表建议办理办法第十六条: 省人大常委会代表工作机构 is one office (the 代表 qualifies it, no verb);
    # 浙江人大议事规则第十五条: 代表小组会议 one meeting; 重庆乡镇人大工作条例第四十三条: 由本小组代表推选组长
    # names the 组长, not a '本小组代表推选组长'
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("省人大常委会代表工作机构应当及时告知代表。")][:1] == ["省人大常委会代表工作机构"]
    assert "代表小组会议" in [m.surface for m in lex.mentions("代表团审议议案和有关报告，可以举行代表小组会议。")]
    assert "本小组代表推选组长" not in [m.surface for m in lex.mentions("代表小组由本小组代表推选组长、副组长负责组织开展活动。")]


def test_another_ending_in_brackets_is_part_of_the_name_unless_it_is_a_name_itself():
    # 北京执法检查办法第十五条: 常务委员会办公厅（室） is one office, said as printed (the 办公厅 or the
    # 办公室); 浙江任免条例: 厅长（局长） is two posts, each a party
    lex = load_lexicon()
    office = lex.mentions("由常务委员会办公厅（室）负责送达。")
    assert [(m.surface, m.entry.pref) for m in office] == [("常务委员会办公厅（室）", "常务委员会办公厅")]
    assert [m.surface for m in lex.mentions("秘书长、厅长（局长）列席会议")] == ["秘书长", "厅长", "局长"]


def test_a_name_stops_at_huitong_and_keeps_the_houqin_in_it():
    # 征兵工作条例第四十五条: 中央军事委员会后勤保障部门应当会同国务院交通运输主管部门…; 机关事务管理条例第二十四条:
    # 国务院机关事务主管部门会同有关部门拟订… (会同 is no part of a name, nor does 后勤 end one)
    lex = load_lexicon()
    assert [m.surface for m in lex.mentions("中央军事委员会后勤保障部门应当会同国务院交通运输主管部门组织指导有关单位")] == [
        "中央军事委员会后勤保障部门", "国务院交通运输主管部门", "有关单位"]
    assert [m.surface for m in lex.mentions("国务院机关事务主管部门会同有关部门拟订公务用车配备使用管理办法")] == [
        "国务院机关事务主管部门", "有关部门"]


def test_a_document_kind_read_across_two_other_words_is_none():
    lex = load_lexicon()
    # 复议 / 案件 and 审议 / 案件: the 议案 the characters spell is no document of the text
    assert [m.surface for m in lex.mentions("行政复议机关依照本法审理行政复议案件")] == ["行政复议机关"]
    assert [m.surface for m in lex.mentions("委员会审议案件")] == ["委员会"]
    # …where the words are its own it still is one
    assert [m.entry.pref for m in lex.mentions("人大代表提出的议案")][-1] == "议案"
    # 被申请人 is the respondent, a party of its own, and holds no 申请
    assert [(m.surface, m.entry.kind) for m in lex.mentions("被申请人的负责人")] == [
        ("被申请人", "role"), ("负责人", "role")]


def test_a_posts_suffix_that_jieba_reads_inside_a_longer_word_gives_way_to_the_name_there():
    lex = load_lexicon()
    # 职工 / 代表大会: no 职工代表 and 大会, one assembly
    assert [(m.surface, m.entry.kind) for m in lex.mentions("并定期向职工代表大会或者职工大会报告工作")] == [
        ("职工代表大会", "bodies"), ("职工大会", "bodies")]
    # 提请 / 人力资源: no 提请人, the department whole
    assert [m.surface for m in lex.mentions("可以提请人力资源社会保障部门依法作出处理")] == ["人力资源社会保障部门"]
    # …where jieba ends a word with the suffix, it is the post (由提请人撤回)
    assert [m.surface for m in lex.mentions("由提请人撤回")] == ["提请人"]
    # 负责人 / 人员: the people a body sends are named as the text names them
    assert [m.surface for m in lex.mentions("有关部门应当派负责人员到会")] == ["有关部门", "负责人员"]


def test_a_stop_character_inside_a_common_noun_stays_in_the_name():
    lex = load_lexicon()
    # 应急 / 建设 / 不动产 / 对象: the 应, 设, 不 and 对 that end names elsewhere are inside a noun here
    assert [m.surface for m in lex.mentions("应急管理部门应当会同建设单位")] == ["应急管理部门", "建设单位"]
    assert [m.surface for m in lex.mentions("由不动产登记机构负责")] == ["不动产登记机构"]
    assert [m.surface for m in lex.mentions("由住房城乡建设管理部门审查")] == ["住房城乡建设管理部门"]
    # …but a marker jieba glues to its neighbour (内向, 先交) still ends the name, and so does a
    # name's own suffix (单位 of 单位负责人)
    assert [m.surface for m in lex.mentions("在规定时限内向省人民代表大会报告")] == ["省人民代表大会"]
    assert [m.surface for m in lex.mentions("由单位负责人签字")] == ["负责人"]


def test_an_organ_named_by_its_part_in_the_matter_after_a_marker_is_a_name():
    lex = load_lexicon()
    # 由执行机关负责, 经交办机关同意: the verb alone between the marker and 机关 names the organ, as
    # it names a department (由委托部门承担) or a unit (由委托单位承担)
    assert [m.surface for m in lex.mentions("由执行机关负责")] == ["执行机关"]
    assert [m.surface for m in lex.mentions("经交办机关同意")] == ["交办机关"]
    assert [m.surface for m in lex.mentions("由任免机关或者监察机关决定")] == ["任免机关", "监察机关"]


def test_the_organ_that_did_it_before_is_named_with_its_yuan_and_after_a_recipient_marker():
    lex = load_lexicon()
    # 原 says which organ: the one that decided or approved before (报原批准机关备案)
    assert [m.surface for m in lex.mentions("报原批准机关备案")] == ["原批准机关"]
    assert [m.surface for m in lex.mentions("由原提名机关负责")] == ["原提名机关"]
    # …and 向 or 对 before the verb that names it mark it as a 由 does (可以对报告机关工作人员…提出意见:
    # the 报告机关's staff, not a 机关工作人员 who raises it)
    assert [m.surface for m in lex.mentions("向执行机关报告")] == ["执行机关"]
    assert [m.surface for m in lex.mentions("可以对报告机关工作人员履职情况提出意见")] == ["报告机关工作人员"]


def test_a_noun_and_a_verb_jieba_reads_as_a_noun_are_one_compound_in_a_name():
    lex = load_lexicon()
    # 城市 / 管理 (vn) / 综合执法部门: the department of city management, not a 综合执法部门 the text
    # leaves unnamed; so 备案 / 审查 of the 备案审查工作机构
    assert [m.surface for m in lex.mentions("由城市管理综合执法部门负责")] == ["城市管理综合执法部门"]
    assert [m.surface for m in lex.mentions("由备案审查工作机构提出意见")] == ["备案审查工作机构"]
    # …and two such verbs (监督 / 检查) name the department's work together
    assert [m.surface for m in lex.mentions("由价格监督检查机构负责")] == ["价格监督检查机构"]
    # …but a verb jieba reads as one (代表 / 出席) and a join (或者) still end the name
    assert [m.surface for m in lex.mentions("专门委员会或者常委会工作机构负责")] == ["专门委员会", "常委会工作机构"]
    assert [m.surface for m in lex.mentions("代表出席本级人民代表大会会议")] == ["本级人民代表大会会议"]


def test_a_department_of_two_joined_fields_or_of_what_it_oversees_is_one_name():
    lex = load_lexicon()
    # 自然资源 (jieba: a set phrase) 和 规划: one department of both, not a 规划主管部门 alone
    assert [m.surface for m in lex.mentions("由自然资源和规划主管部门负责")] == ["自然资源和规划主管部门"]
    # 主管机构 and 管理单位 are nouns, as 主管部门 and 管理机构 are: the name runs on before them
    assert [m.surface for m in lex.mentions("由县级以上气象主管机构负责")] == ["县级以上气象主管机构"]
    assert [m.surface for m in lex.mentions("由物业经营管理单位负责")] == ["物业经营管理单位"]
    # 经办 holds the 经 that elsewhere marks who approves (经本级人民政府批准), as 经营 does
    assert [m.surface for m in lex.mentions("社会保险经办机构应当")] == ["社会保险经办机构"]


def test_a_suffix_read_across_a_known_name_ends_in_its_own_name():
    lex = load_lexicon()
    # the lexicon knows 区人民代表大会; the suffix 人民代表大会常务委员会 read over it leaves the
    # 常务委员会 after it, which names the standing committee whole (not the congress)
    assert [m.surface for m in lex.mentions("应当向区人民代表大会常务委员会报告工作")] == ["区人民代表大会常务委员会"]
