package org.ronghe.directory.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Findings are computed from the records: nobody reports them, and fixing the record clears them. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=findings")
class FindingsTests {

    @Autowired
    Api api;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDemoDistrictBreaksEveryRuleSoNoFindingListIsEmpty() {
        assertThat(rules(findings())).containsExactlyInAnyOrder(FindingRule.values());
    }

    @Test
    void everyFindingLeadsToTheRecordBehindIt() {
        for (JsonNode finding : findings()) {
            var record = api.get("committee", finding.get("api").asString());
            assertThat(record.status()).as(finding.toString()).isEqualTo(200);
            JsonNode body = finding.get("subject").asString().equals("organ") ? record.json().get("organ") : record.json();
            assertThat(body.get("code").asString()).isEqualTo(finding.get("subjectCode").asString());
        }
    }

    @Test
    void settingUpTheBranchCommitteeClearsTheFinding() {
        String code = subjectOf(FindingRule.COMMITTEE_MISSING);
        JsonNode org = api.get("committee", "/api/v1/directory/party-orgs/" + code).json();
        String csv = "组织编码,组织名称,组织类别,上级组织编码,所属单位编码,成立日期,任期年限,上次换届日期,是否设委员会\n"
                + String.join(",", code, org.get("name").asString(), "党支部", org.get("parentCode").asString(),
                org.get("organCode").asString(), org.get("foundedOn").asString(), org.get("termYears").asString(),
                org.get("lastElectionOn").asString(), "是") + "\n";
        var report = api.upload("committee", "/api/v1/directory/imports/party-orgs", "fix.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("updated").asInt()).isEqualTo(1);
        assertThat(rules(findings())).doesNotContain(FindingRule.COMMITTEE_MISSING);
    }

    @Test
    void aTermEndingSoonIsOverdueOnceItsDayHasPassed() {
        String code = subjectOf(FindingRule.TERM_ENDING);
        clock.advance(Duration.ofDays(100));
        List<JsonNode> later = findings();
        assertThat(later).anyMatch(f -> f.get("subjectCode").asString().equals(code)
                && f.get("rule").asString().equals(FindingRule.TERM_OVERDUE.name()));
        assertThat(later).noneMatch(f -> f.get("subjectCode").asString().equals(code)
                && f.get("rule").asString().equals(FindingRule.TERM_ENDING.name()));
    }

    @Test
    void eachFindingNamesTheMeasuredValueAndTheLimit() {
        JsonNode small = findings().stream().filter(f -> f.get("rule").asString().equals("BRANCH_TOO_SMALL")).findFirst().orElseThrow();
        assertThat(small.get("value").asString()).isEqualTo("正式党员 2 人");
        assertThat(small.get("limit").asString()).isEqualTo("≥ 3");
        assertThat(small.get("ruleLabel").asString()).isEqualTo("党支部正式党员不足 3 人");
    }

    private String subjectOf(FindingRule rule) {
        return findings().stream().filter(f -> f.get("rule").asString().equals(rule.name())).findFirst()
                .orElseThrow().get("subjectCode").asString();
    }

    private List<JsonNode> findings() {
        List<JsonNode> list = new ArrayList<>();
        api.get("committee", "/api/v1/directory/findings").json().forEach(list::add);
        return list;
    }

    private static List<FindingRule> rules(List<JsonNode> findings) {
        return findings.stream().map(f -> FindingRule.valueOf(f.get("rule").asString())).distinct().toList();
    }
}
