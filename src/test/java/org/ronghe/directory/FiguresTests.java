package org.ronghe.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ronghe.directory.demo.DemoDistrict;
import org.ronghe.directory.demo.DemoSize;
import org.ronghe.support.Api;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The figures are counted from the records, and each equals the list it links to. */
@RongheTest
class FiguresTests {

    @Autowired
    Api api;

    @Test
    void theWorkCommitteeSeesTheWholeDemoDistrictCounted() {
        DemoDistrict demo = DemoDistrict.generate(DemoSize.SMALL, DemoDistrict.SEED, LocalDate.now());
        JsonNode figures = api.get("committee", "/api/v1/figures").json();
        assertThat(figures.get("streets").asLong()).isEqualTo(3);
        assertThat(figures.get("communities").asLong()).isEqualTo(8);
        assertThat(figures.get("grids").asLong()).isEqualTo(demo.grids().size());
        assertThat(figures.get("organs").asLong()).isEqualTo(5);
        assertThat(figures.get("partyOrgs").asLong()).isEqualTo(24);
        assertThat(figures.get("members").asLong()).isEqualTo(demo.members().size());
        assertThat(figures.get("leaders").asLong()).isEqualTo(4);
        assertThat(figures.get("liaisons").asLong()).isEqualTo(4);
        assertThat(figures.get("pairings").asLong()).isEqualTo(8);
        assertThat(figures.get("pairedCommunities").asLong()).isEqualTo(8);
    }

    @Test
    void everyFigureIsNamedInBothLanguagesOnTheHomePage() throws java.io.IOException {
        java.util.List<String> keys = new java.util.ArrayList<>();
        api.get("committee", "/api/v1/figures").json().propertyNames().forEach(keys::add);
        assertThat(keys).isNotEmpty();
        for (String bundle : new String[]{"/messages.properties", "/messages_en.properties"}) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream(bundle), java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            assertThat(keys).as(bundle).allSatisfy(key -> assertThat(messages.getProperty("figure." + key)).as("figure." + key).isNotBlank());
        }
    }

    @Test
    void everyFigureEqualsTheTotalOfTheListBehindIt() {
        for (String user : new String[]{"committee", "secretary", "street", "community", "leader", "member"}) {
            JsonNode figures = api.get(user, "/api/v1/figures").json();
            assertThat(total(user, "/api/v1/directory/streets")).as(user + " streets").isEqualTo(figures.get("streets").asLong());
            assertThat(total(user, "/api/v1/directory/communities")).as(user + " communities").isEqualTo(figures.get("communities").asLong());
            assertThat(total(user, "/api/v1/directory/grids")).as(user + " grids").isEqualTo(figures.get("grids").asLong());
            assertThat(total(user, "/api/v1/directory/organs")).as(user + " organs").isEqualTo(figures.get("organs").asLong());
            assertThat(total(user, "/api/v1/directory/party-orgs?grassroots=true")).as(user + " party orgs").isEqualTo(figures.get("partyOrgs").asLong());
            assertThat(total(user, "/api/v1/directory/members")).as(user + " members").isEqualTo(figures.get("members").asLong());
            assertThat(total(user, "/api/v1/directory/leaders")).as(user + " leaders").isEqualTo(figures.get("leaders").asLong());
            assertThat(total(user, "/api/v1/directory/liaisons")).as(user + " liaisons").isEqualTo(figures.get("liaisons").asLong());
            assertThat(total(user, "/api/v1/directory/pairings")).as(user + " pairings").isEqualTo(figures.get("pairings").asLong());
            assertThat(total(user, "/api/v1/directory/communities?paired=true")).as(user + " paired").isEqualTo(figures.get("pairedCommunities").asLong());
        }
    }

    @Test
    void aCommunityWorkerCountsOnlyTheirOwnCommunity() {
        JsonNode figures = api.get("community", "/api/v1/figures").json();
        assertThat(figures.get("streets").asLong()).isEqualTo(1);
        assertThat(figures.get("communities").asLong()).isEqualTo(1);
        assertThat(figures.get("organs").asLong()).isZero();
    }

    private long total(String user, String path) {
        return api.get(user, path).json().get("total").asLong();
    }
}
