package org.ronghe.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronghe.support.Pages;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The service network's pages as a community's staff and a reader meet them on a phone: the lists, a form that
 * names every bad field in Chinese and keeps what was typed, a centre opened and closed from its page, the map.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=network_pages")
class ServiceNetworkPagesTests {

    @Autowired
    Pages pages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyoneReadsTheListsTheMapAndADemoCentreWithPhonesMaskedForReaders() {
        for (String user : List.of("member", "secretary", "community", "committee")) {
            for (String path : List.of("/network/centres", "/network/centres?level=STATION", "/network/points?kind=SAMPLING",
                    "/network/map")) {
                Pages.Page page = pages.open(user, path);
                assertThat(page.status()).as(user + " " + path).isEqualTo(200);
                assertThat(page.html()).as(user + " " + path).contains("服务阵地");
            }
        }
        long id = jdbc.sql("SELECT MIN(id) FROM service_centre WHERE centre_level = 'DISTRICT'").query(Long.class).single();
        Pages.Page asMember = pages.open("member", "/network/centres/" + id);
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.html()).contains("****").doesNotContain("关闭服务中心");
        assertThat(pages.open("committee", "/network/centres/" + id).html()).contains("关闭服务中心").doesNotContain("****");
        assertThat(pages.open("member", "/network/map.json").html()).contains("DISTRICT", "/network/centres/" + id);
        assertThat(pages.open("member", "/network/centres/new").status()).isEqualTo(403);
    }

    @Test
    void aFormWithBadFieldsNamesEachInChineseKeepsWhatWasTypedAndSavesNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM service_centre").query(Long.class).single();
        Pages.Page form = pages.open("community", MockMvcRequestBuilders.post("/network/centres").param("key", "page-bad")
                .param("code", "PG-1").param("name", "仁涌驿站").param("level", "STATION").param("community", "440103001001")
                .param("address", "").param("latitude", "23.1").param("longitude", "").param("openingHours", "随时")
                .param("staff", "黄站长/站长/12345").with(csrf()));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("地址：不能为空", "经度：经度和纬度须同时填写", "开放时间：应写明开放时段", "工作人员：应为 11 位手机号")
                .contains("value=\"仁涌驿站\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_centre").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCommunitysStaffOpensAStationAndClosesItFromItsPage() {
        Pages.Page saved = pages.open("community", MockMvcRequestBuilders.post("/network/centres").param("key", "page-ok")
                .param("code", "PG-2").param("name", "仁涌爱心驿站").param("level", "STATION").param("community", "440103001001")
                .param("address", "仁涌路 9 号").param("latitude", "23.1").param("longitude", "113.2")
                .param("services", "歇脚饮水、手机充电").param("openingHours", "每天 7:00-22:00")
                .param("staff", "黄站长/站长/13912340000").with(csrf()));
        assertThat(saved.status()).as(saved.html()).isEqualTo(302);
        String location = saved.result().getResponse().getRedirectedUrl();
        Pages.Page page = pages.open("community", location);
        assertThat(page.html()).contains("仁涌爱心驿站", "歇脚饮水", "13912340000", "新建");
        Pages.Page closed = pages.open("community", MockMvcRequestBuilders.post(location + "/close").param("reason", "改建").with(csrf()));
        assertThat(closed.status()).isEqualTo(302);
        assertThat(pages.open("member", location).html()).contains("已关闭", "改建", "139****0000");
    }
}
