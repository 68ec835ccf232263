package org.ronghe.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronghe.insight.diagnosis.Attenuation;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The diagnosis of the small demo district through {@code GET /api/v1/diagnosis}, as the committee, a secretary and a member. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=insight_diagnosis")
class DiagnosisTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.ronghe.support.Pages pages;

    int year = LocalDate.now(SHANGHAI).getYear();

    JsonNode diagnosis(String user, String query) {
        Api.Response answer = api.get(user, "/api/v1/diagnosis" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode organ(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (code.equals(n.path("organCode").asString())) {
                return n;
            }
        }
        return null;
    }

    @Test
    void eachOrgansLevelsAreItsComplianceRollupSummedByKindAndJudgedAsTheDomainJudges() {
        JsonNode d = diagnosis("committee", "?year=" + year);
        JsonNode organs = d.get("attenuation").get("organs");
        assertThat(organs.size()).as("organs with meetings due in the demo year").isPositive();
        for (int i = 0; i < Math.min(3, organs.size()); i++) {
            JsonNode o = organs.get(i);
            JsonNode rollup = api.get("committee", "/api/v1/compliance?organ=" + o.get("organCode").asString() + "&year=" + year).json();
            Map<Attenuation.Level, Attenuation.LevelRate> expected = new EnumMap<>(Attenuation.Level.class);
            for (JsonNode org : rollup.get("orgs")) {
                Attenuation.Level level = Attenuation.Level.of(org.get("kind").asString());
                if (level != null) {
                    JsonNode t = org.get("tally");
                    expected.merge(level, new Attenuation.LevelRate(level, t.get("due").asLong(), t.get("held").asLong() + t.get("noFirstItem").asLong()),
                            (a, b) -> a.plus(b.due(), b.quorate()));
                }
            }
            Attenuation.Verdict judged = Attenuation.judge(new ArrayList<>(expected.values()), d.get("settings").get("attenuationMargin").asDouble());
            JsonNode verdict = o.get("verdict");
            assertThat(verdict.get("levels").size()).isEqualTo(judged.levels().size());
            for (int k = 0; k < judged.levels().size(); k++) {
                JsonNode level = verdict.get("levels").get(k);
                assertThat(level.get("level").asString()).isEqualTo(judged.levels().get(k).level().name());
                assertThat(level.get("due").asLong()).isEqualTo(judged.levels().get(k).due());
                assertThat(level.get("quorate").asLong()).isEqualTo(judged.levels().get(k).quorate());
            }
            assertThat(verdict.get("flagged").asBoolean()).isEqualTo(judged.flagged());
            assertThat(o.get("link").asString()).isEqualTo("/compliance?organ=" + o.get("organCode").asString() + "&year=" + year);
        }
    }

    @Test
    void aThemedDayRecordedThroughTheApiWarmsTheBranchLevelAndCountsInTheAttendance() {
        int past = year - 2;
        String branch = jdbc.sql("""
                SELECT MIN(p.code) FROM party_org p
                WHERE p.kind = 'BRANCH' AND p.dissolved_on IS NULL AND p.organ_id IS NOT NULL
                AND (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL') >= 3""").query(String.class).single();
        organ = jdbc.sql("SELECT o.code FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE p.code = :p").param("p", branch)
                .query(String.class).single();
        List<String> full = jdbc.sql("SELECT m.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :p AND m.status = 'FULL'"
                + " ORDER BY m.code").param("p", branch).query(String.class).list();
        JsonNode before = diagnosis("committee", "?year=" + past + "&organ=" + organ);
        long branchQuorate = levelOf(before, "BRANCH").get("quorate").asLong();
        long branchDue = levelOf(before, "BRANCH").get("due").asLong();

        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("org", branch);
        meeting.put("kind", "THEMED_DAY");
        meeting.put("heldOn", past + "-03-10");
        meeting.put("place", "机关三楼会议室");
        meeting.put("chair", full.get(0));
        meeting.put("firstItemStudy", true);
        meeting.put("studyTopic", "学习习近平总书记重要讲话精神");
        meeting.put("present", full);
        meeting.put("minutes", "主题党日");
        Api.Response recorded = api.send("committee", () -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/meetings").contentType(MediaType.APPLICATION_JSON).content(toJson(meeting)));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);

        JsonNode after = diagnosis("committee", "?year=" + past + "&organ=" + organ);
        assertThat(levelOf(after, "BRANCH").get("due").asLong()).isEqualTo(branchDue);
        assertThat(levelOf(after, "BRANCH").get("quorate").asLong()).isEqualTo(branchQuorate + 1);
        JsonNode fading = organ(after.get("fading").get("organs"), organ);
        JsonNode march = null;
        for (JsonNode m : fading.get("months")) {
            march = m.get("month").asInt() == 3 ? m : march;
        }
        assertThat(march).isNotNull();
        assertThat(march.get("expected").asLong()).isGreaterThanOrEqualTo(full.size());
        assertThat(march.get("present").asLong()).isGreaterThanOrEqualTo(full.size());
    }

    private String organ;

    private JsonNode levelOf(JsonNode d, String level) {
        JsonNode found = organ(d.get("attenuation").get("organs"), organ);
        assertThat(found).as(organ + " in the attenuation").isNotNull();
        for (JsonNode l : found.get("verdict").get("levels")) {
            if (level.equals(l.get("level").asString())) {
                return l;
            }
        }
        throw new AssertionError("no " + level + " level for " + organ + ": " + found);
    }

    private String toJson(Object body) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(body);
    }

    @Test
    void withoutAssessmentResultsTheTwoSkinsPartSaysItCannotCompare() {
        JsonNode twoSkins = diagnosis("committee", "").get("twoSkins");
        assertThat(twoSkins.get("available").asBoolean()).isFalse();
        assertThat(twoSkins.get("note").asString()).isEqualTo("尚无考核结果，无法比对");
        assertThat(twoSkins.get("organs")).isEmpty();
    }

    @Test
    void recordsWithoutOutcomesEqualTheListsTheyLinkTo() {
        JsonNode d = diagnosis("committee", "?year=" + year);
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        d.get("withoutOutcomes").forEach(w -> byKey.put(w.get("key").asString(), w));
        assertThat(byKey.keySet()).containsExactly("decisionsUndelivered", "commitmentsUnfulfilled", "callsUnsolved");
        assertThat(byKey.get("decisionsUndelivered").get("count").asLong())
                .isEqualTo(api.get("committee", "/api/v1/meetings/decisions?delivered=false").json().get("total").asLong());
        assertThat(byKey.get("commitmentsUnfulfilled").get("count").asLong())
                .isEqualTo(api.get("committee", "/api/v1/commitments?year=" + year + "&fulfilled=false").json().get("total").asLong());
        for (JsonNode part : byKey.get("callsUnsolved").get("byOrgan")) {
            String link = part.get("link").asString();
            assertThat(part.get("count").asLong()).as(link)
                    .isEqualTo(api.get("committee", "/api/v1" + link).json().get("total").asLong());
        }
    }

    @Test
    void aSecretaryIsDiagnosedOnTheirOwnOrganAloneAndAMemberIsRefused() {
        JsonNode d = diagnosis("secretary", "?year=" + year);
        d.get("fading").get("organs").forEach(o -> assertThat(o.get("organCode").asString()).isEqualTo("JG001"));
        d.get("attenuation").get("organs").forEach(o -> assertThat(o.get("organCode").asString()).isEqualTo("JG001"));
        assertThat(d.get("attenuation").get("organs")).hasSize(1);
        JsonNode foreign = diagnosis("secretary", "?year=" + year + "&organ=JG002");
        assertThat(foreign.get("fading").get("organs")).isEmpty();
        assertThat(foreign.get("attenuation").get("organs")).isEmpty();
        Api.Response member = api.get("member", "/api/v1/diagnosis");
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.contentType()).contains("problem+json");
        assertThat(api.get("committee", "/api/v1/diagnosis?year=" + (year + 1)).status()).isEqualTo(400);
    }

    @Test
    void theDiagnosisPageShowsTheThreeFailuresAndTheReportButton() {
        var page = pages.open("committee", "/diagnosis");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("淡化", "两张皮", "层层递减", "尚无考核结果，无法比对", "/reports/annual.docx?year=" + year);
    }
}
