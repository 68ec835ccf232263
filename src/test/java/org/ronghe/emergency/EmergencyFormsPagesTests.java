package org.ronghe.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The committee runs an emergency from its page alone: zone, command, a temporary branch requested and approved, a
 * team with a new member, a post, a call-up by skill, the call-up's page with a posting and a roll-call; every
 * refused form re-renders the page with the Chinese reason by the form and changes nothing. The figures' list pages
 * show the figures' totals, and the skills page records, withdraws and imports.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=emergency_forms")
class EmergencyFormsPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommitteeRunsAnEmergencyFromItsPageAndBadInputIsShownByTheForm() {
        String home = jdbc.sql("SELECT c.code FROM member m JOIN community c ON c.id = m.community_id WHERE m.code = 'DY000001'")
                .query(String.class).single();
        String other = jdbc.sql("SELECT MIN(code) FROM community WHERE code <> :h").param("h", home).query(String.class).single();
        String resident = "DY000001";
        var declared = pages.open("committee", MockMvcRequestBuilders.post("/emergencies").with(csrf()).param("code", "FORMS-1")
                .param("name", "台风防御").param("kind", "TYPHOON").param("controlled", home).param("key", "forms-declare"));
        String location = declared.result().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var page = pages.open("committee", location);
        assertThat(page.html()).contains("id=\"zone-form\"").contains("id=\"command-form\"").contains("id=\"branch-form\"")
                .contains("id=\"team-form\"").contains("id=\"post-form\"").contains("id=\"call-up-form\"").doesNotContain("??");

        // Zone: a sealed community added, then the first area ended.
        assertThat(post(location + "/zone", "sealed", other).status()).isEqualTo(302);
        assertThat(areas(id)).isEqualTo(2);
        assertThat(post(location + "/zone", "end", home + "::CONTROLLED").status()).isEqualTo(302);
        assertThat(areas(id)).isEqualTo(1);
        var noZone = post(location + "/zone");
        assertThat(noZone.status()).isEqualTo(200);
        assertThat(noZone.html()).contains("请选择要纳入的社区或网格");

        // Command: a bad member code is shown by the form, nothing is written.
        var badCommand = post(location + "/command", "role", "COMMANDER", "member", "NOSUCH");
        assertThat(badCommand.status()).isEqualTo(200);
        assertThat(badCommand.html()).contains("党员编号不存在").contains("id=\"command-form\"");
        assertThat(post(location + "/command", "role", "COMMANDER", "member", resident).status()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM emergency_command WHERE emergency_id = :e", id)).isEqualTo(1);

        // A temporary branch requested (once per key) and approved with the approver's button.
        String[] branch = {"name", "卡口临时党支部", "siteKind", "CHECKPOINT", "siteName", "东门卡口", "community", other,
                "secretary", resident, "members", "DY000002, DY000003", "key", "forms-branch"};
        assertThat(post(location + "/temporary-branches", branch).status()).isEqualTo(302);
        assertThat(post(location + "/temporary-branches", branch).status()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM temporary_branch WHERE emergency_id = :e", id)).isEqualTo(1);
        long branchId = count("SELECT id FROM temporary_branch WHERE emergency_id = :e", id);
        assertThat(pages.open("committee", location).html()).contains("批准组建");
        assertThat(post(location + "/temporary-branches/" + branchId + "/approve").status()).isEqualTo(302);
        var twice = post(location + "/temporary-branches/" + branchId + "/approve");
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.html()).contains("alert error");
        var badBranch = post(location + "/temporary-branches", "name", "", "siteKind", "NOPE", "key", "forms-branch-bad");
        assertThat(badBranch.status()).isEqualTo(200);
        assertThat(badBranch.html()).contains("请填写临时党支部名称");

        // A team, a member added to it, a post.
        assertThat(post(location + "/teams", "kind", "COMMANDO", "name", "抢险突击队", "lead", resident, "community", other,
                "key", "forms-team").status()).isEqualTo(302);
        long team = count("SELECT id FROM emergency_team WHERE emergency_id = :e", id);
        assertThat(post(location + "/teams/" + team + "/members", "members", "DY000002\nDY000003").status()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM emergency_team_member WHERE team_id = :e", team)).isEqualTo(3);
        assertThat(post(location + "/posts", "name", "防汛先锋岗", "holder", resident).status()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM vanguard_post WHERE emergency_id = :e", id)).isEqualTo(1);

        // A call-up by team, then its page: the members, a posting, a roll-call.
        var noCriteria = post(location + "/call-ups", "title", "空动员", "key", "forms-call-0");
        assertThat(noCriteria.status()).isEqualTo(200);
        assertThat(noCriteria.html()).contains("id=\"call-up-error\"").contains("请至少选择一种召集范围");
        var called = post(location + "/call-ups", "title", "突击队集结", "teams", String.valueOf(team), "key", "forms-call-1");
        assertThat(called.status()).isEqualTo(302);
        String callUpPage = called.result().getResponse().getRedirectedUrl();
        assertThat(callUpPage).startsWith(location + "/call-ups/");
        var callUp = pages.open("committee", callUpPage);
        assertThat(callUp.status()).isEqualTo(200);
        assertThat(callUp.html()).contains("id=\"roll-call-form\"").contains("id=\"posting-form\"").contains("hx-trigger=\"every 10s\"")
                .contains("DY000002").doesNotContain("??");
        var badRollCall = post(callUpPage + "/answers", "members", "DY000002 NOSUCH", "answer", "REPORTING", "key", "forms-roll-0");
        assertThat(badRollCall.status()).isEqualTo(200);
        assertThat(badRollCall.html()).contains("id=\"roll-call-error\"").contains("党员编号不存在");
        assertThat(post(callUpPage + "/answers", "members", "DY000002, DY000003", "answer", "REPORTING", "key", "forms-roll-1").status())
                .isEqualTo(302);
        long callUpId = Long.parseLong(callUpPage.substring(callUpPage.lastIndexOf('/') + 1));
        assertThat(count("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :e AND answer = 'REPORTING'", callUpId)).isEqualTo(2);
        var badShift = post(callUpPage + "/postings", "member", "DY000002", "target", "T" + team, "shiftStart", "2026-05-21T08:00",
                "shiftEnd", "2026-05-20T08:00");
        assertThat(badShift.status()).isEqualTo(200);
        assertThat(badShift.html()).contains("id=\"posting-error\"").contains("班次结束应晚于开始");
        assertThat(post(callUpPage + "/postings", "member", "DY000002", "target", "B" + branchId, "shiftStart", "2026-05-21T08:00",
                "shiftEnd", "2026-05-21T16:00").status()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :e AND posted_branch_id IS NOT NULL", callUpId)).isEqualTo(1);
        var reporting = pages.open("committee", callUpPage + "?filter=reporting");
        assertThat(reporting.html()).contains("id=\"count-posted\">1<").contains("（电话记录）");
        assertThat(pages.open("committee", callUpPage + "?filter=nonsense").html()).contains("筛选（filter）无效");
        assertThat(count("SELECT COUNT(*) FROM emergency_event WHERE emergency_id = :e AND kind IN ('ZONE_CHANGED', 'COMMAND_ASSIGNED',"
                + " 'BRANCH_REQUESTED', 'BRANCH_APPROVED', 'TEAM_FORMED', 'TEAM_JOINED', 'POST_SET_UP', 'CALLED_UP', 'ANSWERED', 'POSTED')", id))
                .isGreaterThanOrEqualTo(11);

        // The figures' list pages show the figures' totals.
        var figures = pages.open("committee", "/api/v1/figures");
        for (String[] list : new String[][]{{"/emergencies/temporary-branches?founded=true", "temporaryBranches"},
                {"/emergencies/teams?kind=COMMANDO", "commandoTeams"}, {"/emergencies/mobilised-members", "mobilisedMembers"}}) {
            var listPage = pages.open("committee", list[0]);
            assertThat(listPage.status()).isEqualTo(200);
            assertThat(listPage.html()).contains("id=\"list-total\"").doesNotContain("??");
            assertThat(pages.open("committee", list[0].replace("?", "/export.xlsx?").replace("members", "members/export.xlsx")
                    .replace("export.xlsx/export.xlsx", "export.xlsx")).status()).isEqualTo(200);
        }
        assertThat(pages.open("committee", "/emergencies/teams?q=抢险").html()).contains("抢险突击队");
    }

    @Test
    void theSkillsPageRecordsWithdrawsAndImportsSkills() {
        assertThat(post("/emergencies/skills", "member", "DY000001", "skill", "驾驶").status()).isEqualTo(302);
        var bad = post("/emergencies/skills", "member", "NOSUCH", "skill", "驾驶");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.html()).contains("id=\"add-error\"").contains("党员编号不存在");
        var noReason = post("/emergencies/skills/withdraw", "member", "DY000001", "skill", "驾驶");
        assertThat(noReason.html()).contains("id=\"withdraw-error\"").contains("撤回原因");
        assertThat(post("/emergencies/skills/withdraw", "member", "DY000001", "skill", "驾驶", "reason", "驾照过期").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT withdrawn_reason FROM member_skill ms JOIN member m ON m.id = ms.member_id WHERE m.code = 'DY000001'")
                .query(String.class).single()).isEqualTo("驾照过期");
        byte[] file = "\uFEFF党员编号,特长\r\nNOSUCH,医护\r\n".getBytes(StandardCharsets.UTF_8);
        var rejected = pages.open("committee", MockMvcRequestBuilders.multipart("/emergencies/skills/import")
                .file(new MockMultipartFile("file", "skills.csv", "text/csv", file)).with(csrf()));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.html()).contains("id=\"import-errors\"").contains("党员不存在");
        byte[] good = "\uFEFF党员编号,特长\r\nDY000001,医护\r\n".getBytes(StandardCharsets.UTF_8);
        var imported = pages.open("committee", MockMvcRequestBuilders.multipart("/emergencies/skills/import")
                .file(new MockMultipartFile("file", "skills.csv", "text/csv", good)).with(csrf()));
        assertThat(imported.html()).contains("id=\"import-done\"");
        assertThat(pages.open("committee", "/emergencies/skills?skill=医护").html()).contains("DY000001").doesNotContain("??");
    }

    private Pages.Page post(String path, String... params) {
        var request = MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return pages.open("committee", request);
    }

    private long areas(long id) {
        return count("SELECT COUNT(*) FROM emergency_area WHERE emergency_id = :e AND until IS NULL", id);
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("e", id).query(Long.class).single();
    }
}
