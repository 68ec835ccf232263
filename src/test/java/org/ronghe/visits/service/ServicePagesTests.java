package org.ronghe.visits.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The service pages open for each role, in Chinese first, and link to one another. */
@RongheTest
class ServicePagesTests {

    @Autowired
    Pages pages;

    @Test
    void everyServicePageOpensForThoseWhoUseIt() {
        for (String[] open : new String[][]{{"member", "/service"}, {"community", "/service"}, {"committee", "/service"},
                {"secretary", "/service"}, {"street", "/service/checkins"}, {"member", "/service/logs"},
                {"committee", "/service/checkins?state=CONFIRMED"}, {"committee", "/service/logs?state=CONFIRMED"},
                {"committee", "/service/feedback"}, {"committee", "/service/feedback?organ=JG001"}, {"secretary", "/service/feedback"},
                {"committee", "/service/thresholds"}}) {
            var page = pages.open(open[0], open[1]);
            assertThat(page.status()).as(open[0] + " " + open[1]).isEqualTo(200);
            assertThat(page.html()).as(open[1]).contains("<h1").contains("lang=\"zh-CN\"");
        }
        assertThat(pages.open("member", "/service").html()).contains("我的报到").contains("登记服务时长");
        assertThat(pages.open("community", "/service").html()).contains("待确认的报到").contains("publish-form");
        assertThat(pages.open("secretary", "/service/feedback").html()).contains("feedback-xlsx").contains("/service/thresholds");
        assertThat(pages.open("committee", "/service/thresholds?lang=en").html()).contains("Service thresholds");
    }

    @Test
    void theFeedbackSheetIsRefusedOutsideTheOrgan() {
        assertThat(pages.open("secretary", "/service/feedback?organ=JG002").status()).isEqualTo(403);
        assertThat(pages.open("member", "/service/feedback").status()).isEqualTo(403);
    }
}
