// The outcome audit on hand-computed populations: selection rates, demographic-parity
// difference, disparate-impact ratio and the four-fifths flag.
#include "detect/bias_audit.hpp"

#include <gtest/gtest.h>

using namespace corridor::detect;

namespace {

// `n` persons "<prefix>0".."<prefix>n-1" with the given nationality ("" for unrecorded);
// the first `chosen` of them go into `selected`.
void add_group(BiasAuditInput& in, const std::string& prefix, const std::string& nationality, int n, int chosen,
               std::set<std::string>& selected) {
  for (int i = 0; i < n; ++i) {
    AuditPerson p;
    p.id = prefix + std::to_string(i);
    if (!nationality.empty()) p.values["nationality"] = {nationality};
    in.population.push_back(p);
    if (i < chosen) selected.insert(p.id);
  }
}

BiasAuditInput nationality_input() {
  BiasAuditInput in;
  in.attributes = {{"nationality", true, {}}};
  return in;
}

const GroupRate& group(const AttributeAudit& a, const std::string& name) {
  for (const auto& g : a.groups)
    if (g.group == name) return g;
  ADD_FAILURE() << "no group " << name;
  return a.groups.front();
}

}  // namespace

TEST(BiasAudit, PlantedBiasRaisesTheFourFifthsFlag) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 10, 6, sel);   // 6/10 = 0.6
  add_group(in, "af", "AF", 10, 2, sel);   // 2/10 = 0.2
  add_group(in, "er", "ER", 3, 3, sel);    // 3/3 but too small to judge
  add_group(in, "un", "", 4, 4, sel);      // unrecorded: all selected, never compared
  in.selected["offers"] = sel;

  const auto out = audit_bias(in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].family, "offers");
  EXPECT_EQ(out[0].population, 27u);
  EXPECT_EQ(out[0].selected, 15u);
  ASSERT_EQ(out[0].attributes.size(), 1u);
  const AttributeAudit& a = out[0].attributes[0];
  EXPECT_EQ(a.attribute, "nationality");
  ASSERT_EQ(a.groups.size(), 4u);
  // Recorded groups by name, unrecorded last.
  EXPECT_EQ(a.groups[0].group, "AF");
  EXPECT_EQ(a.groups[1].group, "ER");
  EXPECT_EQ(a.groups[2].group, "SY");
  EXPECT_EQ(a.groups[3].group, kUnrecorded);

  EXPECT_EQ(group(a, "SY").population, 10u);
  EXPECT_EQ(group(a, "SY").selected, 6u);
  EXPECT_DOUBLE_EQ(group(a, "SY").rate, 0.6);
  EXPECT_DOUBLE_EQ(group(a, "AF").rate, 0.2);
  EXPECT_TRUE(group(a, "ER").too_small);
  EXPECT_FALSE(group(a, "ER").compared());
  EXPECT_DOUBLE_EQ(group(a, "ER").rate, 1.0);
  EXPECT_TRUE(group(a, kUnrecorded).excluded);
  EXPECT_FALSE(group(a, kUnrecorded).too_small);
  EXPECT_DOUBLE_EQ(group(a, kUnrecorded).rate, 1.0);

  // Neither ER's 1.0 nor the unrecorded 1.0 enters the comparison.
  EXPECT_EQ(a.compared_groups, 2u);
  ASSERT_TRUE(a.parity_difference && a.impact_ratio);
  EXPECT_DOUBLE_EQ(*a.parity_difference, 0.4);
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 1.0 / 3.0);
  EXPECT_EQ(a.highest, "SY");
  EXPECT_EQ(a.lowest, "AF");
  EXPECT_TRUE(a.four_fifths_flag);
  EXPECT_TRUE(a.note.empty());
}

TEST(BiasAudit, EvenSelectionRaisesNoFlag) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 10, 5, sel);
  add_group(in, "af", "AF", 8, 4, sel);
  add_group(in, "iq", "IQ", 6, 3, sel);
  in.selected["money"] = sel;
  const auto a = audit_bias(in)[0].attributes[0];
  EXPECT_EQ(a.compared_groups, 3u);
  EXPECT_DOUBLE_EQ(*a.parity_difference, 0.0);
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 1.0);
  EXPECT_FALSE(a.four_fifths_flag);
}

TEST(BiasAudit, ExactlyFourFifthsIsNotFlaggedJustBelowIs) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 10, 5, sel);  // 0.5
  add_group(in, "af", "AF", 10, 4, sel);  // 0.4: ratio 0.8
  in.selected["offers"] = sel;
  auto a = audit_bias(in)[0].attributes[0];
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 0.8);
  EXPECT_FALSE(a.four_fifths_flag);

  in.population.clear();
  sel.clear();
  add_group(in, "sy", "SY", 20, 10, sel);  // 0.5
  add_group(in, "af", "AF", 20, 7, sel);   // 0.35: ratio 0.7
  in.selected["offers"] = sel;
  a = audit_bias(in)[0].attributes[0];
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 0.7);
  EXPECT_DOUBLE_EQ(*a.parity_difference, 0.5 - 0.35);
  EXPECT_TRUE(a.four_fifths_flag);
}

TEST(BiasAudit, MinimumGroupSizeIsAnOption) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 4, 4, sel);
  add_group(in, "af", "AF", 4, 1, sel);
  in.selected["offers"] = sel;
  auto a = audit_bias(in)[0].attributes[0];  // default 5: both too small
  EXPECT_TRUE(group(a, "SY").too_small);
  EXPECT_TRUE(group(a, "AF").too_small);
  EXPECT_EQ(a.compared_groups, 0u);
  EXPECT_FALSE(a.parity_difference);
  EXPECT_FALSE(a.impact_ratio);
  EXPECT_FALSE(a.four_fifths_flag);
  EXPECT_EQ(a.note, "no group with a recorded value has 5 or more persons");

  in.min_group = 4;
  a = audit_bias(in)[0].attributes[0];
  EXPECT_EQ(a.compared_groups, 2u);
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 0.25);
  EXPECT_DOUBLE_EQ(*a.parity_difference, 0.75);
  EXPECT_TRUE(a.four_fifths_flag);
}

TEST(BiasAudit, UnrecordedAreReportedButExcludedFromTheRatios) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 10, 2, sel);
  add_group(in, "un", "", 50, 0, sel);  // would give a ratio of 0 if compared
  in.selected["offers"] = sel;
  const auto a = audit_bias(in)[0].attributes[0];
  ASSERT_EQ(a.groups.size(), 2u);
  EXPECT_EQ(a.groups[1].group, kUnrecorded);
  EXPECT_EQ(a.groups[1].population, 50u);
  EXPECT_EQ(a.compared_groups, 1u);
  EXPECT_FALSE(a.impact_ratio);
  EXPECT_FALSE(a.four_fifths_flag);
  EXPECT_EQ(a.note, "only one group with a recorded value has 5 or more persons");
}

TEST(BiasAudit, NobodySelectedGivesAParityDifferenceButNoRatio) {
  BiasAuditInput in = nationality_input();
  std::set<std::string> sel;
  add_group(in, "sy", "SY", 5, 0, sel);
  add_group(in, "af", "AF", 5, 0, sel);
  in.selected["vessels"] = sel;
  const auto a = audit_bias(in)[0].attributes[0];
  EXPECT_DOUBLE_EQ(*a.parity_difference, 0.0);
  EXPECT_FALSE(a.impact_ratio);
  EXPECT_FALSE(a.four_fifths_flag);
  EXPECT_EQ(a.note, "no person of the compared groups is selected");
}

TEST(BiasAudit, DualNationalsCountInEachGroupConflictingSexInNone) {
  BiasAuditInput in;
  in.attributes = {{"nationality", true, {}}, {"sex", false, {"female", "male", "other"}}};
  AuditPerson dual{"p1", {{"nationality", {"SY", "TR"}}, {"sex", {"female", "male"}}}};
  AuditPerson plain{"p2", {{"nationality", {"SY"}}, {"sex", {"male"}}}};
  in.population = {dual, plain};
  in.selected["offers"] = {"p1", "not-a-person-of-the-population"};
  in.min_group = 1;
  const auto f = audit_bias(in)[0];
  EXPECT_EQ(f.selected, 1u);
  const auto& nat = f.attributes[0];
  EXPECT_EQ(group(nat, "SY").population, 2u);
  EXPECT_EQ(group(nat, "SY").selected, 1u);
  EXPECT_EQ(group(nat, "TR").population, 1u);
  EXPECT_EQ(group(nat, "TR").selected, 1u);
  EXPECT_DOUBLE_EQ(*nat.impact_ratio, 0.5);
  const auto& sex = f.attributes[1];
  ASSERT_EQ(sex.groups.size(), 2u);
  EXPECT_EQ(sex.groups[0].group, "male");
  EXPECT_EQ(sex.groups[1].group, kConflicting);
  EXPECT_TRUE(sex.groups[1].excluded);
  EXPECT_EQ(sex.groups[1].selected, 1u);
  EXPECT_EQ(sex.compared_groups, 1u);
}

TEST(BiasAudit, GroupsFollowTheGivenOrderAndFamiliesTheKeyOrder) {
  BiasAuditInput in;
  in.attributes = {{"age_band", false, {"<18", "18-25", "26-35", "36-50", ">50"}}};
  for (const char* band : {">50", "18-25", "<18", "36-50", "26-35"})
    for (int i = 0; i < 5; ++i) in.population.push_back({std::string(band) + std::to_string(i), {{"age_band", {band}}}});
  in.population.push_back({"x", {}});
  in.selected["offers"] = {"<180", "<181", "<182", "<183", "<184", "18-250"};
  in.selected["money"] = {};
  const auto out = audit_bias(in);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].family, "money");
  EXPECT_EQ(out[1].family, "offers");
  const auto& a = out[1].attributes[0];
  std::vector<std::string> names;
  for (const auto& g : a.groups) names.push_back(g.group);
  EXPECT_EQ(names, (std::vector<std::string>{"<18", "18-25", "26-35", "36-50", ">50", kUnrecorded}));
  EXPECT_EQ(a.highest, "<18");
  EXPECT_EQ(a.lowest, "26-35");  // the first of the groups at 0
  EXPECT_DOUBLE_EQ(*a.parity_difference, 1.0);
  EXPECT_DOUBLE_EQ(*a.impact_ratio, 0.0);
  EXPECT_TRUE(a.four_fifths_flag);
}
