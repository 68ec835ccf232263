package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The party life pages open in Chinese for the committee; a meeting recorded through the form; the rules page. */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_pages")
class PartyLifePagesTests {

    @Autowired
    Pages pages;
    @Autowired
    ApplicationContext context;

    @Test
    void theCommitteeRecordsAMeetingThroughTheFormAndSeesItInTheListAndTheGrid() {
        MeetingsClient client = new MeetingsClient(context);
        String branch = client.branches().get(0);
        List<String> full = client.members(branch, "FULL");
        var form = pages.open("committee", "/meetings/new?org=" + branch);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("登记会议").contains("name=\"present\"").contains(full.get(0));
        var request = MockMvcRequestBuilders.post("/meetings").with(csrf()).param("org", branch).param("kind", "THEMED_DAY")
                .param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).param("place", "党员活动室")
                .param("chair", full.get(0)).param("studyTopic", "学习党的二十大精神").param("decisions", "组织志愿服务\n走访困难党员")
                .param("minutes", "会议记录").param("key", "page-form-1");
        full.forEach(code -> request.param("present", code));
        var recorded = pages.open("committee", request);
        assertThat(recorded.status()).as(recorded.html()).isEqualTo(302);
        String location = recorded.result().getResponse().getRedirectedUrl();
        var meeting = pages.open("committee", location);
        assertThat(meeting.html()).contains("主题党日").contains("走访困难党员").contains("达到");
        for (String path : List.of("/meetings", "/compliance", "/compliance?org=" + branch, "/compliance/rules")) {
            var page = pages.open("committee", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html()).as(path).contains("<h1").doesNotContain("??");
        }
        assertThat(pages.open("committee", "/compliance?org=" + branch).html()).contains("cell HELD");
    }

    @Test
    void aPhotoMayGoWithTheMeetingButIsNeverRequiredAndNothingButAnImageIsKept() {
        MeetingsClient client = new MeetingsClient(context);
        String branch = client.branches().get(0);
        List<String> full = client.members(branch, "FULL");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        long meetings = client.jdbc.sql("SELECT COUNT(*) FROM meeting").query(Long.class).single();
        var notAnImage = pages.open("committee", MockMvcRequestBuilders.multipart("/meetings")
                .file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", "不是图片".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).param("org", branch).param("kind", "LECTURE").param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                .param("place", "党员活动室").param("chair", full.get(0)).param("present", full.get(0)).param("key", "photo-refused"));
        assertThat(notAnImage.status()).isEqualTo(200);
        assertThat(notAnImage.html()).contains("照片应为 JPEG、PNG 或 WebP 图片");
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM meeting").query(Long.class).single()).isEqualTo(meetings);

        var recorded = pages.open("committee", MockMvcRequestBuilders.multipart("/meetings")
                .file(new MockMultipartFile("photo", "photo.png", "image/png", png))
                .with(csrf()).param("org", branch).param("kind", "LECTURE").param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                .param("place", "党员活动室").param("chair", full.get(0)).param("present", full.get(0)).param("key", "photo-kept"));
        assertThat(recorded.status()).as(recorded.html()).isEqualTo(302);
        String location = recorded.result().getResponse().getRedirectedUrl();
        assertThat(pages.open("committee", location).html()).contains(location + "/photo");
        var photo = pages.open("secretary", location + "/photo");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.result().getResponse().getContentType()).isEqualTo("image/png");
        assertThat(photo.result().getResponse().getContentAsByteArray()).isEqualTo(png);
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        assertThat(client.read("committee", "/api/v1/meetings/" + id).get("photo").asBoolean()).isTrue();
        // Another organ's secretary sees neither the meeting nor its photo.
        String outsider = client.calls.secretaryOf(client.jdbc.sql("SELECT MIN(code) FROM organ WHERE code <> 'JG001'")
                .query(String.class).single());
        assertThat(pages.open(outsider, location + "/photo").status()).isIn(403, 404);
    }

    @Test
    void aFormWithAFutureDateIsShownAgainWithTheReasonInChinese() {
        MeetingsClient client = new MeetingsClient(context);
        String branch = client.branches().get(0);
        String chair = client.members(branch, "FULL").get(0);
        var refused = pages.open("committee", MockMvcRequestBuilders.post("/meetings").with(csrf()).param("org", branch)
                .param("kind", "LECTURE").param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString())
                .param("place", "会议室").param("chair", chair));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("会议日期不能晚于今天");
    }

    @Test
    void theHomePageLinksTheMeetingFiguresToTheirListsForEveryone() {
        for (String user : List.of("committee", "secretary", "member", "community")) {
            var home = pages.open(user, "/");
            assertThat(home.status()).as(user).isEqualTo(200);
            assertThat(home.html()).as(user).contains("href=\"/meetings\" id=\"figure-meetings\"")
                    .contains("href=\"/compliance\" id=\"figure-meetingCompliance\"");
        }
    }

    @Test
    void aCommunityWorkerCannotOpenTheRecordForm() {
        assertThat(pages.open("community", "/meetings/new").status()).isEqualTo(403);
        assertThat(pages.open("community", "/meetings").status()).isEqualTo(200);
    }
}
