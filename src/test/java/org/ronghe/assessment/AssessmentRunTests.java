package org.ronghe.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.assessment.run.Runs;
import org.ronghe.assessment.scheme.SchemeDocument;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The assessment computed from the records: schemes refused whole through the API, a veto forcing the grade, a
 * published run frozen while later runs see new records, a recomputation equal to the first, explanations adding
 * up to every subject's total, and metric values that follow from records added in the scenario.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=assessment_runs")
class AssessmentRunTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Runs runs;
    @Autowired
    Pages pages;
    @Autowired
    javax.sql.DataSource dataSource;

    CallsClient client;
    Api api;
    int lastYear;

    @BeforeEach
    void client() {
        client = new CallsClient(context);
        api = context.getBean(Api.class);
        lastYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
    }

    // ---------------------------------------------------------------- schemes through the API

    @Test
    void aNewSchemeVersionWhoseWeightsDoNotMakeOneHundredIsRefusedWith422() {
        SchemeDocument doc = SchemeDocument.of(DefaultScheme.of(lastYear));
        SchemeDocument.DimensionDoc first = doc.dimensions().get(0);
        SchemeDocument.IndicatorDoc heavier = first.indicators().get(0);
        List<SchemeDocument.IndicatorDoc> indicators = new java.util.ArrayList<>(first.indicators());
        indicators.set(0, new SchemeDocument.IndicatorDoc(heavier.code(), heavier.name(), heavier.weight().add(BigDecimal.ONE), heavier.rule()));
        List<SchemeDocument.DimensionDoc> dims = new java.util.ArrayList<>(doc.dimensions());
        dims.set(0, new SchemeDocument.DimensionDoc(first.code(), first.name(), first.side(), indicators));
        long before = schemes();

        Api.Response refused = client.post("committee", "/api/v1/schemes?year=" + lastYear, new SchemeDocument(doc.name(), doc.thresholds(), dims));

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("各指标权重合计须为 100，现为 101");
        assertThat(schemes()).isEqualTo(before);
    }

    @Test
    void aRuleCountingLoginsOrUploadsIsRefusedByTheApiNamingEveryProblem() {
        SchemeDocument doc = SchemeDocument.of(DefaultScheme.of(lastYear));
        SchemeDocument.DimensionDoc first = doc.dimensions().get(0);
        SchemeDocument.IndicatorDoc i = first.indicators().get(0);
        SchemeDocument.IndicatorDoc j = first.indicators().get(1);
        List<SchemeDocument.IndicatorDoc> indicators = List.of(
                new SchemeDocument.IndicatorDoc(i.code(), "党员登录学习平台", i.weight(), new SchemeDocument.RuleDoc("RATE", "LOGIN_RATE",
                        new BigDecimal("0.5"), BigDecimal.ONE, null, null)),
                new SchemeDocument.IndicatorDoc(j.code(), j.name(), j.weight(), new SchemeDocument.RuleDoc("COUNT", "UPLOADS", null,
                        BigDecimal.TEN, null, null)));
        List<SchemeDocument.DimensionDoc> dims = new java.util.ArrayList<>(doc.dimensions());
        dims.set(0, new SchemeDocument.DimensionDoc(first.code(), first.name(), first.side(), indicators));
        long before = schemes();

        Api.Response refused = client.post("committee", "/api/v1/schemes?year=" + lastYear, new SchemeDocument(doc.name(), doc.thresholds(), dims));

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("登录次数").contains("上传");
        assertThat(schemes()).isEqualTo(before);
    }

    @Test
    void aValidVersionIsStoredAsADraftAndActivatingItRetiresTheActiveOneWhichIsKept() {
        run(Map.of("year", lastYear));
        SchemeDocument doc = SchemeDocument.of(DefaultScheme.of(lastYear));
        JsonNode created = ok("/api/v1/schemes?year=" + lastYear, doc);
        assertThat(created.get("state").asString()).isEqualTo("DRAFT");
        JsonNode active = ok("/api/v1/schemes/" + created.get("id").asLong() + "/activate", null);
        assertThat(active.get("state").asString()).isEqualTo("ACTIVE");
        List<String> states = jdbc.sql("SELECT state FROM assessment_scheme WHERE assessed_year = :y ORDER BY version")
                .param("y", lastYear).query(String.class).list();
        assertThat(states).hasSizeGreaterThanOrEqualTo(2).last().isEqualTo("ACTIVE");
        assertThat(states).containsOnlyOnce("ACTIVE").contains("RETIRED");
        assertThat(client.post("secretary", "/api/v1/schemes?year=" + lastYear, doc).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- runs

    @Test
    void aVetoForcesTheGradeToPoorWhateverTheTotal() {
        Map<String, Object> violation = Map.of("kind", "ORGAN", "subject", "JG001", "count", 1, "evidence", "区纪委处分决定（2025）1 号",
                "link", "/directory/organs/JG001");
        long id = run(Map.of("year", lastYear, "violations", List.of(violation)));

        JsonNode explained = api.get("committee", "/api/v1/assessments/" + id + "/subjects/JG001?kind=ORGAN").json();
        assertThat(explained.get("vetoed").asBoolean()).isTrue();
        assertThat(explained.get("grade").asString()).isEqualTo("POOR");
        assertThat(explained.get("explanation").toString()).contains("一票否决：违纪违法案件数 1");
        assertThat(line(explained, "M2").get("evidence").get(0).get("link").asString())
                .isEqualTo("/reviews?organ=JG001&year=" + lastYear + "&state=DECIDED");
        long decided = jdbc.sql("SELECT COUNT(*) FROM review r JOIN party_org p ON p.id = r.party_org_id JOIN organ o ON o.id = p.organ_id"
                + " WHERE o.code = 'JG001' AND r.review_year = :y AND r.state = 'DECIDED'").param("y", lastYear).query(Long.class).single();
        assertThat(api.get("committee", "/api/v1/reviews?organ=JG001&year=" + lastYear + "&state=DECIDED").json().get("total").asLong())
                .isEqualTo(decided);
        JsonNode other = api.get("committee", "/api/v1/assessments/" + id + "/subjects/JG002?kind=ORGAN").json();
        assertThat(other.get("vetoed").asBoolean()).isFalse();
    }

    @Test
    void aRunRefusedForItsInputStoresNothingNotEvenTheYearsDefaultScheme() {
        int year = lastYear - 3;
        assertThat(api.get("committee", "/api/v1/assessments").status()).isEqualTo(200);
        Map<String, String> before = DatabaseDigest.of(dataSource);
        Map<String, Object> unknown = Map.of("kind", "ORGAN", "subject", "JG999", "count", 1, "evidence", "处分决定", "link", "/organs/JG999");
        Api.Response refused = client.post("committee", "/api/v1/assessments", Map.of("year", year, "violations", List.of(unknown)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("没有这个考核对象").contains("JG999");
        Api.Response offSite = client.post("committee", "/api/v1/assessments", Map.of("year", year, "violations",
                List.of(Map.of("subject", "JG001", "count", 1, "evidence", "处分决定", "link", "https://example.com/x"))));
        assertThat(offSite.status()).as(offSite.text()).isEqualTo(400);
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void aManualScoreEnteredWithItsEvidenceCountsAndOneForAComputedIndicatorIsRefused() {
        Map<String, Object> manual = Map.of("kind", "ORGAN", "subject", "JG001", "indicator", "T2", "score", 3.5,
                "evidence", "上级党委意识形态工作专项检查结论：良好", "cites", List.of(Map.of("count", 1, "link", "/meetings?org=JG001")));
        long id = run(Map.of("year", lastYear, "manual", List.of(manual)));
        JsonNode t2 = line(api.get("committee", "/api/v1/assessments/" + id + "/subjects/JG001?kind=ORGAN").json(), "T2");
        assertThat(t2.get("score").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(t2.get("reason").asString()).isEqualTo("人工评分，依据：上级党委意识形态工作专项检查结论：良好");
        assertThat(t2.get("evidence").get(0).get("link").asString()).isEqualTo("/meetings?org=JG001");

        long runs = jdbc.sql("SELECT COUNT(*) FROM assessment_run").query(Long.class).single();
        Map<String, Object> computed = Map.of("subject", "JG001", "indicator", "B1", "score", 5, "evidence", "满意",
                "cites", List.of(Map.of("count", 1, "link", "/calls")));
        Api.Response refused = client.post("committee", "/api/v1/assessments", Map.of("year", lastYear, "manual", List.of(computed)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("方案中没有人工评分指标 B1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_run").query(Long.class).single()).isEqualTo(runs);
    }

    @Test
    void recomputingOverTheSameRecordsGivesEqualResults() {
        long first = run(Map.of("year", lastYear));
        long second = run(Map.of("year", lastYear));
        assertThat(first).isNotEqualTo(second);
        assertThat(rows(second)).isEqualTo(rows(first)).isNotEmpty();
    }

    @Test
    void theExplanationOfEverySubjectAddsUpToItsTotalAndEveryLineHasItsEvidence() {
        long id = run(Map.of("year", lastYear));
        List<Runs.Result> results = runs.results(id, null, null, null, true);
        long organs = jdbc.sql("SELECT COUNT(*) FROM organ").query(Long.class).single();
        long orgs = jdbc.sql("SELECT COUNT(*) FROM party_org WHERE kind IN ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND dissolved_on IS NULL")
                .query(Long.class).single();
        assertThat(results).hasSize((int) (organs + orgs));
        for (Runs.Result r : results) {
            BigDecimal sum = r.explanation().stream().map(Assessment.Line::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(r.subject().code()).isEqualByComparingTo(r.total());
            r.explanation().stream().filter(l -> l.kind() != Rule.Kind.MANUAL)
                    .forEach(l -> assertThat(l.evidence()).as(r.subject().code() + " " + l.code()).isNotEmpty()
                            .allMatch(e -> e.link().startsWith("/")));
        }
        JsonNode ranking = api.get("committee", "/api/v1/assessments/" + id + "?kind=ORGAN").json();
        assertThat(ranking.get("results").get(0).get("rank").asInt()).isEqualTo(1);
        long graded = 0;
        for (Grade g : Grade.values()) {
            graded += ranking.get("grades").get(g.name()).asLong();
        }
        assertThat(graded).isEqualTo(organs);
    }

    @Test
    void aPublishedRunIsFrozenWhileALaterRunSeesTheNewRecords() {
        long published = run(Map.of("year", lastYear));
        JsonNode done = ok("/api/v1/assessments/" + published + "/publish", null);
        assertThat(done.get("state").asString()).isEqualTo("PUBLISHED");
        List<String> frozen = rows(published);
        String branch = branch();

        meeting(branch, lastYear + "-11-20", true);

        long later = run(Map.of("year", lastYear));
        assertThat(rows(published)).isEqualTo(frozen);
        assertThat(rows(later)).isNotEqualTo(frozen);
        assertThat(client.post("committee", "/api/v1/assessments/" + published + "/publish", null).status()).isEqualTo(409);
        ok("/api/v1/assessments/" + later + "/publish", null);
        assertThat(runs.run(published).orElseThrow().state()).isEqualTo(Runs.State.SUPERSEDED);
        assertThat(rows(published)).isEqualTo(frozen);
        assertThat(context.getBean(AssessmentResults.class).of(lastYear, Subject.Kind.ORGAN).orElseThrow().runId()).isEqualTo(later);
    }

    @Test
    void theFirstItemStudyRateOfABranchFollowsTheMeetingsItRecorded() {
        String branch = branch();
        int year = lastYear - 1;
        long meetings = jdbc.sql("SELECT COUNT(*) FROM meeting g JOIN party_org p ON p.id = g.party_org_id WHERE p.code = :c"
                + " AND g.held_on BETWEEN :f AND :t").param("c", branch).param("f", LocalDate.of(year, 1, 1)).param("t", LocalDate.of(year, 12, 31))
                .query(Long.class).single();
        assertThat(meetings).as("a year without meetings of the branch").isZero();
        meeting(branch, year + "-03-10", true);
        meeting(branch, year + "-06-10", true);
        meeting(branch, year + "-09-10", true);
        meeting(branch, year + "-11-10", false);

        long id = run(Map.of("year", year));

        JsonNode explained = api.get("committee", "/api/v1/assessments/" + id + "/subjects/" + branch + "?kind=ORGANISATION").json();
        JsonNode t1 = line(explained, "T1");
        assertThat(t1.get("reason").asString()).startsWith("第一议题学习率 75%（4 条记录）");
        assertThat(t1.get("score").decimalValue()).isEqualByComparingTo("3.00"); // 8 × (0.75 − 0.6) / (1 − 0.6)
        assertThat(t1.get("evidence").get(0).get("count").asLong()).isEqualTo(4);
        assertThat(t1.get("evidence").get(0).get("link").asString()).isEqualTo("/meetings?org=" + branch + "&from=" + year + "-01-01&to=" + year + "-12-31");

        // The organ's line counts the same meetings, and its link (the meetings list by organ) lists exactly them
        JsonNode organT1 = line(api.get("committee", "/api/v1/assessments/" + id + "/subjects/JG001?kind=ORGAN").json(), "T1");
        String link = organT1.get("evidence").get(0).get("link").asString();
        assertThat(link).isEqualTo("/meetings?organ=JG001&from=" + year + "-01-01&to=" + year + "-12-31");
        assertThat(organT1.get("evidence").get(0).get("count").asLong()).isEqualTo(4)
                .isEqualTo(api.get("committee", "/api/v1" + link).json().get("total").asLong());
        assertThat(api.get("committee", "/api/v1/meetings?organ=JG002&from=" + year + "-01-01&to=" + year + "-12-31").json()
                .get("total").asLong()).isZero();
    }

    @Test
    void anOrgansCallRatesFollowTheCallsItAnsweredAndTheirRatings() {
        // The test district has no demo calls: these four are JG001's only dispatches (养老服务 goes straight to it)
        for (int i = 0; i < 4; i++) {
            long call = client.raiseId("community", "ELDERLY", "考核场景的养老诉求 " + i);
            client.ok("secretary", call, "accept", null);
            client.ok("secretary", call, "reply", Map.of("text", "已上门处理"));
            client.ok("community", call, "rate", i < 3 ? Map.of("rating", "SATISFIED", "solved", true)
                    : Map.of("rating", "UNSATISFIED", "solved", false));
        }
        int thisYear = lastYear + 1;

        long id = run(Map.of("year", thisYear));

        JsonNode explained = api.get("committee", "/api/v1/assessments/" + id + "/subjects/JG001?kind=ORGAN").json();
        JsonNode b1 = line(explained, "B1");
        assertThat(b1.get("reason").asString()).startsWith("诉求满意率 75%（4 条记录）");
        assertThat(b1.get("score").decimalValue()).isEqualByComparingTo("4.29"); // 10 × (0.75 − 0.6) / (0.95 − 0.6)
        assertThat(b1.get("evidence").get(0).get("link").asString()).startsWith("/calls?lead=JG001&from=" + thisYear + "-01-01&to=");
        assertThat(line(explained, "B2").get("reason").asString()).startsWith("诉求解决率 75%（4 条记录）");
        assertThat(line(explained, "B3").get("reason").asString()).startsWith("诉求按时办结率 100%（4 条记录）");
        assertThat(line(explained, "B5").get("reason").asString()).startsWith("超期诉求件数 0");
        JsonNode organisation = api.get("committee", "/api/v1/assessments/" + id + "/subjects/" + branch() + "?kind=ORGANISATION").json();
        assertThat(line(organisation, "B1").get("reason").asString()).as("an organisation's calls are its organ's")
                .startsWith("诉求满意率 75%（4 条记录）");
    }

    @Test
    void anOrganSecretarySeesOnlyTheirOrgansResultsAndMayNotRunOrPublish() {
        long id = run(Map.of("year", lastYear));
        JsonNode ranking = api.get("secretary", "/api/v1/assessments/" + id).json();
        assertThat(ranking.get("results").size()).isPositive();
        ranking.get("results").forEach(r -> assertThat(r.get("organCode").asString()).isEqualTo("JG001"));
        assertThat(api.get("secretary", "/api/v1/assessments/" + id + "/subjects/JG002?kind=ORGAN").status()).isEqualTo(403);
        assertThat(client.post("secretary", "/api/v1/assessments", Map.of("year", lastYear)).status()).isEqualTo(403);
        assertThat(client.post("secretary", "/api/v1/assessments/" + id + "/publish", null).status()).isEqualTo(403);
        assertThat(api.get("member", "/api/v1/assessments").status()).isEqualTo(403);
    }

    @Test
    void aRetriedRunWithTheSameKeyIsComputedOnce() {
        Api.Response first = client.post("committee", "/api/v1/assessments", Map.of("year", lastYear), "Idempotency-Key", "assess-once");
        Api.Response again = client.post("committee", "/api/v1/assessments", Map.of("year", lastYear), "Idempotency-Key", "assess-once");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ASSESSMENT_RUN_COMPUTED' AND subject_key = :k")
                .param("k", first.json().get("id").asString()).query(Long.class).single()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- figures and pages

    @Test
    void theFiguresCountTheOrgansOfThisYearsRunByGradeAsTheLinkedRankingListsThem() {
        int thisYear = lastYear + 1;
        long id = run(Map.of("year", thisYear));
        for (String user : List.of("committee", "secretary")) {
            JsonNode figures = api.get(user, "/api/v1/figures").json();
            JsonNode all = api.get(user, "/api/v1/assessments/" + id + "?kind=ORGAN").json();
            assertThat(figures.get("assessedOrgans").asLong()).as(user).isEqualTo(all.get("results").size()).isPositive();
            Map<String, String> keys = Map.of("GOOD", "gradeGood", "FAIRLY_GOOD", "gradeFairlyGood", "AVERAGE", "gradeAverage",
                    "POOR", "gradePoor");
            keys.forEach((grade, key) -> assertThat(figures.get(key).asLong()).as(user + " " + key)
                    .isEqualTo(api.get(user, "/api/v1/assessments/" + id + "?kind=ORGAN&grade=" + grade).json().get("results").size()));
        }
        assertThat(api.get("secretary", "/api/v1/figures").json().get("assessedOrgans").asLong()).isEqualTo(1);
        assertThat(api.get("member", "/api/v1/figures").json().has("assessedOrgans")).isFalse();
        Pages.Page home = pages.open("committee", "/");
        assertThat(home.html()).contains("id=\"figure-gradeGood\"").contains("参加本年度考核的机关")
                .contains("href=\"/assessments/" + id + "?kind=ORGAN&amp;grade=POOR\"").doesNotContain("??");
    }

    @Test
    void thePagesShowTheRankingAndASubjectsExplanationWithEveryRecordLinked() {
        long id = run(Map.of("year", lastYear));
        Pages.Page ranking = pages.open("committee", "/assessments/" + id);
        assertThat(ranking.status()).isEqualTo(200);
        assertThat(ranking.html()).contains("JG001").contains("id=\"grade-counts\"").contains("发布（冻结结果）").doesNotContain("??");
        Pages.Page subject = pages.open("committee", "/assessments/" + id + "/subjects/JG001?kind=ORGAN");
        assertThat(subject.status()).isEqualTo(200);
        assertThat(subject.html()).contains("得分说明").contains("href=\"/calls?lead=JG001&amp;from=" + lastYear + "-01-01")
                .contains("href=\"/compliance?organ=JG001&amp;year=" + lastYear).doesNotContain("??");
        assertThat(pages.open("secretary", "/assessments/" + id).html()).contains("JG001").doesNotContain("JG002");
        assertThat(pages.open("committee", "/schemes?year=" + lastYear).html()).contains("第一议题学习").contains("启用");
        assertThat(pages.open("committee", "/assessments").html()).contains("计算考核");
        assertThat(pages.open("member", "/assessments").status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private long run(Map<String, Object> body) {
        return ok("/api/v1/assessments", body).get("id").asLong();
    }

    private JsonNode ok(String path, Object body) {
        Api.Response response = client.post("committee", path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response.json();
    }

    private long schemes() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_scheme").query(Long.class).single();
    }

    /** The run's stored rows, as text, for equality. */
    private List<String> rows(long run) {
        return jdbc.sql("SELECT subject_kind, subject_code, place, total, grade, vetoed, party_building, business, dimensions, explanation"
                        + " FROM assessment_result WHERE run_id = :r ORDER BY subject_kind, subject_code").param("r", run)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getBigDecimal(4).toPlainString() + "|"
                        + rs.getString(5) + "|" + rs.getBoolean(6) + "|" + rs.getBigDecimal(7) + "|" + rs.getBigDecimal(8) + "|" + rs.getString(9)
                        + "|" + rs.getString(10)).list();
    }

    private String branch() {
        return jdbc.sql("""
                SELECT p.code FROM party_org p JOIN organ o ON o.id = p.organ_id
                WHERE o.code = 'JG001' AND p.kind = 'BRANCH' AND p.dissolved_on IS NULL
                AND (SELECT COUNT(*) FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL') >= 3
                ORDER BY p.code""").query(String.class).list().get(0);
    }

    private void meeting(String org, String heldOn, boolean firstItem) {
        List<String> full = jdbc.sql("SELECT m.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :p"
                + " AND m.status = 'FULL' ORDER BY m.code").param("p", org).query(String.class).list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", org);
        body.put("kind", "THEMED_DAY");
        body.put("heldOn", heldOn);
        body.put("place", "机关三楼会议室");
        body.put("chair", full.get(0));
        body.put("firstItemStudy", firstItem);
        if (firstItem) {
            body.put("studyTopic", "学习习近平总书记重要讲话精神");
        }
        body.put("present", full);
        body.put("minutes", "会议讨论了本季度工作安排。");
        ok("/api/v1/meetings", body);
    }

    private static JsonNode line(JsonNode explained, String code) {
        for (JsonNode l : explained.get("explanation")) {
            if (l.get("code").asString().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code);
    }
}
