package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ronghe.calls.CallsClient;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every operation of the OpenAPI document as every role. Each operation has an entry in
 * {@link #WALK} saying how it is scoped, and the walk asks it, as each role, about records outside
 * that role's scope (another street's communities and residents, another organ's party organisations
 * and members, calls in other streets, directives sent elsewhere, the administrators' clients and
 * accounts): none of them may be read (403 or 404 as a problem, and none of their names, codes or
 * titles in any answer, lists, searches, rates and exports included) and nothing written (a 4xx
 * problem, every table unchanged); a role without the right to an operation gets 403. The table
 * must cover exactly the documented operations, so a new endpoint fails this test until someone
 * says how it is scoped.
 * <p>
 * What lies outside each scope is worked out from the rules in words ({@code docs/architecture.md},
 * "The data scope") over the demo district's tables, never from {@code DataScope}.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=scope_walk")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Nothing else uses this context: close it, and its connections, when the class is done.
@org.springframework.test.annotation.DirtiesContext
class ScopeWalkTests {

    static final List<String> ROLES = List.of("admin", "committee", "secretary", "member", "street", "community", "leader");
    static final Set<String> ADMINS = Set.of("admin", "committee");
    static final List<String> ENTITIES = List.of("categories", "streets", "communities", "grids", "organs", "party-orgs",
            "members", "leaders", "liaisons", "pairings");

    /** How each documented operation is walked. */
    static final Map<String, Walk> WALK = new LinkedHashMap<>();

    static {
        WALK.put("POST /api/v1/auth/tokens", Walk.TOKEN);
        WALK.put("POST /api/v1/auth/password", Walk.TOKEN);
        WALK.put("GET /api/v1/figures", Walk.COUNTS);
        for (String list : List.of("streets", "communities", "grids", "organs", "party-orgs", "members", "leaders",
                "liaisons", "pairings", "findings", "search")) {
            WALK.put("GET /api/v1/directory/" + list, Walk.LIST);
        }
        WALK.put("GET /api/v1/directory/categories", Walk.REFERENCE);
        for (String one : List.of("streets", "communities", "organs", "party-orgs", "members", "leaders")) {
            WALK.put("GET /api/v1/directory/" + one + "/{code}", Walk.ONE);
        }
        WALK.put("GET /api/v1/directory/exports/{entity}.xlsx", Walk.EXPORT);
        WALK.put("GET /api/v1/directory/templates/{entity}.xlsx", Walk.REFERENCE);
        WALK.put("GET /api/v1/directory/templates/{entity}.csv", Walk.REFERENCE);
        WALK.put("POST /api/v1/directory/imports/{entity}", Walk.ADMIN_WRITE);
        WALK.put("GET /api/v1/calls", Walk.LIST);
        WALK.put("GET /api/v1/calls/metrics", Walk.LIST);
        WALK.put("POST /api/v1/calls", Walk.CREATE);
        WALK.put("GET /api/v1/calls/{id}", Walk.ONE);
        for (String step : List.of("dispatch", "accept", "return", "reply", "rate", "reopen", "extend", "whistle", "checkin")) {
            WALK.put("POST /api/v1/calls/{id}/" + step, Walk.WRITE);
        }
        WALK.put("GET /api/v1/directives", Walk.LIST);
        WALK.put("POST /api/v1/directives", Walk.CREATE);
        WALK.put("GET /api/v1/directives/{id}", Walk.ONE);
        WALK.put("POST /api/v1/directives/{id}/replies", Walk.WRITE);
        WALK.put("GET /api/v1/accounts", Walk.ADMIN_READ);
        WALK.put("POST /api/v1/accounts", Walk.ADMIN_WRITE);
        for (String change : List.of("unlock", "disable", "enable", "password")) {
            WALK.put("POST /api/v1/accounts/{username}/" + change, Walk.ADMIN_WRITE);
        }
        WALK.put("GET /api/v1/audit", Walk.ADMIN_READ);
        WALK.put("GET /api/v1/audit/verify", Walk.ADMIN_READ);
        WALK.put("GET /api/v1/open311/clients", Walk.ADMIN_READ);
        WALK.put("POST /api/v1/open311/clients", Walk.ADMIN_WRITE);
        WALK.put("POST /api/v1/open311/clients/{id}/disable", Walk.ADMIN_WRITE);
        WALK.put("POST /api/v1/open311/clients/{id}/enable", Walk.ADMIN_WRITE);
        WALK.put("POST /api/v1/operations/backups", Walk.ADMIN_WRITE);
        // visits.service
        WALK.put("GET /api/v1/checkins", Walk.LIST);
        WALK.put("POST /api/v1/checkins", Walk.CREATE);
        WALK.put("POST /api/v1/checkins/{id}/confirm", Walk.WRITE);
        WALK.put("POST /api/v1/checkins/{id}/decline", Walk.WRITE);
        WALK.put("GET /api/v1/service-items", Walk.LIST);
        WALK.put("POST /api/v1/service-items", Walk.CREATE);
        for (String step : List.of("claim", "done", "withdraw")) {
            WALK.put("POST /api/v1/service-items/{id}/" + step, Walk.WRITE);
        }
        WALK.put("GET /api/v1/service-logs", Walk.LIST);
        WALK.put("POST /api/v1/service-logs", Walk.CREATE);
        WALK.put("POST /api/v1/service-logs/{id}/confirm", Walk.WRITE);
        WALK.put("POST /api/v1/service-logs/{id}/reject", Walk.WRITE);
        WALK.put("GET /api/v1/service-feedback", Walk.LIST);
        WALK.put("GET /api/v1/service-feedback.xlsx", Walk.EXPORT);
        // end visits.service
        // visits.evaluation
        WALK.put("GET /api/v1/evaluations", Walk.LIST);
        WALK.put("POST /api/v1/evaluations", Walk.CREATE);
        WALK.put("GET /api/v1/evaluations/periods", Walk.REFERENCE);
        WALK.put("POST /api/v1/evaluations/periods", Walk.CREATE);
        WALK.put("POST /api/v1/evaluations/periods/{code}/close", Walk.WRITE);
        WALK.put("GET /api/v1/evaluations/organs/{code}", Walk.ONE);
        // visits
        WALK.put("GET /api/v1/households", Walk.LIST);
        WALK.put("GET /api/v1/households/{id}", Walk.ONE);
        WALK.put("POST /api/v1/households/imports", Walk.CREATE);
        WALK.put("GET /api/v1/households/export.xlsx", Walk.EXPORT);
        WALK.put("GET /api/v1/campaigns", Walk.LIST);
        WALK.put("POST /api/v1/campaigns", Walk.CREATE);
        WALK.put("GET /api/v1/campaigns/{id}", Walk.SHARED);
        WALK.put("POST /api/v1/campaigns/{id}/assignments", Walk.WRITE);
        WALK.put("GET /api/v1/campaigns/{id}/assignments", Walk.SHARED);
        WALK.put("GET /api/v1/campaigns/{id}/coverage", Walk.SHARED);
        WALK.put("POST /api/v1/campaigns/{id}/close", Walk.WRITE);
        WALK.put("GET /api/v1/visits", Walk.LIST);
        WALK.put("POST /api/v1/visits", Walk.CREATE);
        WALK.put("GET /api/v1/visits/{id}", Walk.ONE);
        WALK.put("GET /api/v1/visits/problems", Walk.LIST);
        WALK.put("POST /api/v1/visits/problems/{id}/follow-up", Walk.WRITE);
        WALK.put("GET /api/v1/visits/coverage", Walk.LIST);
        // partylife
        WALK.put("GET /api/v1/meetings", Walk.LIST);
        WALK.put("POST /api/v1/meetings", Walk.CREATE);
        WALK.put("GET /api/v1/meetings/{id}", Walk.ONE);
        WALK.put("GET /api/v1/meetings/decisions", Walk.LIST);
        WALK.put("POST /api/v1/meetings/{id}/decisions/{n}/call", Walk.WRITE);
        WALK.put("POST /api/v1/meetings/{id}/decisions/{n}/task", Walk.WRITE);
        WALK.put("POST /api/v1/meetings/{id}/decisions/{n}/directive", Walk.WRITE);
        WALK.put("POST /api/v1/meetings/{id}/decisions/{n}/report", Walk.WRITE);
        WALK.put("GET /api/v1/compliance", Walk.LIST);
        WALK.put("GET /api/v1/compliance/reminders", Walk.LIST);
        WALK.put("GET /api/v1/compliance/rules", Walk.REFERENCE);
        WALK.put("POST /api/v1/compliance/rules", Walk.ADMIN_WRITE);
        // partylife ledgers: one organisation's year, as JSON and as files; a foreign organisation is refused like its meetings
        WALK.put("GET /api/v1/ledgers/{org}/{year}", Walk.ONE);
        WALK.put("GET /api/v1/ledgers/{org}/{year}.xlsx", Walk.ONE);
        WALK.put("GET /api/v1/ledgers/{org}/{year}.docx", Walk.ONE);
        // partylife responsibilities
        WALK.put("GET /api/v1/responsibilities", Walk.LIST);
        WALK.put("POST /api/v1/responsibilities", Walk.CREATE);
        WALK.put("GET /api/v1/responsibilities/items", Walk.LIST);
        WALK.put("GET /api/v1/responsibilities/{id}", Walk.ONE);
        WALK.put("POST /api/v1/responsibilities/{id}/sign", Walk.WRITE);
        WALK.put("POST /api/v1/responsibilities/{id}/items", Walk.WRITE);
        for (String step : List.of("revise", "withdraw", "records")) {
            WALK.put("POST /api/v1/responsibilities/{id}/items/{n}/" + step, Walk.WRITE);
        }
        WALK.put("GET /api/v1/responsibilities/duty-reports", Walk.LIST);
        WALK.put("POST /api/v1/responsibilities/duty-reports", Walk.CREATE);
        WALK.put("GET /api/v1/responsibilities/duty-reports/{id}", Walk.ONE);
        WALK.put("POST /api/v1/responsibilities/duty-reports/{id}/votes", Walk.WRITE);
        WALK.put("POST /api/v1/responsibilities/duty-reports/{id}/tallies", Walk.WRITE);
        // partylife commitments (三亮): lists and writes within the party life scope, the card public to everyone
        WALK.put("GET /api/v1/commitments", Walk.LIST);
        WALK.put("POST /api/v1/commitments", Walk.CREATE);
        WALK.put("GET /api/v1/commitments/cards/{code}", Walk.PUBLIC);
        WALK.put("POST /api/v1/commitments/{id}/withdraw", Walk.WRITE);
        // partylife reviews
        WALK.put("GET /api/v1/reviews", Walk.LIST);
        WALK.put("POST /api/v1/reviews", Walk.CREATE);
        WALK.put("GET /api/v1/reviews/{id}", Walk.ONE);
        for (String step : List.of("voting", "self-reviews", "peer-reviews", "ballots", "tallies", "decision")) {
            WALK.put("POST /api/v1/reviews/{id}/" + step, Walk.WRITE);
        }
        // insight: the diagnosis (JSON) and the annual report (a Word file) are counted within the reader's scope
        WALK.put("GET /api/v1/diagnosis", Walk.LIST);
        WALK.put("GET /api/v1/reports/annual", Walk.LIST);
        // insight: the command dashboard, every panel counted within the reader's scope
        for (String panel : List.of("today", "overdue-by-organ", "communities", "rankings", "trends")) {
            WALK.put("GET /api/v1/dashboard/" + panel, Walk.LIST);
        }
        // assessment: the committee runs and publishes, and versions schemes; an organ's secretary reads its organ's results
        WALK.put("GET /api/v1/assessments", Walk.LIST);
        WALK.put("POST /api/v1/assessments", Walk.CREATE);
        WALK.put("GET /api/v1/assessments/{id}", Walk.ONE);
        WALK.put("GET /api/v1/assessments/{id}/subjects/{code}", Walk.ONE);
        WALK.put("GET /api/v1/assessments/{id}.xlsx", Walk.ONE);
        WALK.put("POST /api/v1/assessments/{id}/publish", Walk.WRITE);
        WALK.put("GET /api/v1/schemes", Walk.LIST);
        WALK.put("POST /api/v1/schemes", Walk.CREATE);
        WALK.put("GET /api/v1/schemes/{id}", Walk.ONE);
        WALK.put("POST /api/v1/schemes/{id}/activate", Walk.WRITE);
        // network: public service information everybody signed in reads; the committee and the staff of the site's street
        // or community keep it
        for (String site : List.of("service-centres", "temporary-points")) {
            WALK.put("GET /api/v1/" + site, Walk.OPEN);
            WALK.put("GET /api/v1/" + site + "/{id}", Walk.OPEN);
            WALK.put("GET /api/v1/" + site + "/export.xlsx", Walk.OPEN);
            WALK.put("POST /api/v1/" + site, Walk.CREATE);
            WALK.put("POST /api/v1/" + site + "/imports", Walk.CREATE);
            WALK.put("POST /api/v1/" + site + "/{id}/update", Walk.WRITE);
            WALK.put("POST /api/v1/" + site + "/{id}/close", Walk.WRITE);
        }
        // emergency: the committee declares, sets zone and command and stands down; streets and organ secretaries organise
        // within their scope; members answer their own call-ups
        WALK.put("GET /api/v1/emergencies", Walk.LIST);
        WALK.put("POST /api/v1/emergencies", Walk.CREATE);
        WALK.put("GET /api/v1/emergencies/{id}", Walk.ONE);
        WALK.put("PUT /api/v1/emergencies/{id}/zone", Walk.WRITE);
        WALK.put("PATCH /api/v1/emergencies/{id}/zone", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/command", Walk.WRITE);
        WALK.put("GET /api/v1/emergencies/temporary-branches", Walk.LIST);
        WALK.put("POST /api/v1/emergencies/{id}/temporary-branches", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/temporary-branches/{branch}/approve", Walk.WRITE);
        WALK.put("GET /api/v1/emergencies/teams", Walk.LIST);
        WALK.put("POST /api/v1/emergencies/{id}/teams", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/teams/{team}/members", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/posts", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/call-ups", Walk.WRITE);
        WALK.put("GET /api/v1/emergencies/{id}/call-ups", Walk.ONE);
        WALK.put("GET /api/v1/emergencies/{id}/call-ups/{callUp}", Walk.ONE);
        WALK.put("GET /api/v1/emergencies/{id}/needs", Walk.ONE);
        WALK.put("POST /api/v1/emergencies/{id}/call-ups/{callUp}/answer", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/call-ups/{callUp}/postings", Walk.WRITE);
        WALK.put("GET /api/v1/emergencies/my-call-ups", Walk.LIST);
        WALK.put("GET /api/v1/emergencies/mobilised-members", Walk.LIST);
        WALK.put("POST /api/v1/emergencies/{id}/stand-down", Walk.WRITE);
        // emergency stationing: the organisers station and withdraw in their scope; the board and the lists by scope
        WALK.put("GET /api/v1/emergencies/{id}/stationings", Walk.ONE);
        WALK.put("POST /api/v1/emergencies/{id}/stationings", Walk.WRITE);
        WALK.put("POST /api/v1/emergencies/{id}/stationings/{stationing}/withdraw", Walk.WRITE);
        WALK.put("GET /api/v1/emergencies/{id}/coverage", Walk.ONE);
        WALK.put("GET /api/v1/emergencies/stationed-cadres", Walk.LIST);
        WALK.put("GET /api/v1/emergencies/covered-communities", Walk.LIST);
        WALK.put("POST /api/v1/emergencies/{id}/call-ups/{callUp}/answers", Walk.WRITE);
        // emergency: members' skills, recorded and withdrawn by organisers for members they see
        WALK.put("GET /api/v1/member-skills", Walk.LIST);
        WALK.put("POST /api/v1/member-skills", Walk.CREATE);
        WALK.put("POST /api/v1/member-skills/withdraw", Walk.CREATE);
        WALK.put("POST /api/v1/member-skills/imports", Walk.CREATE);
    }

    /** The filters each list takes that can name something outside a scope. */
    static final Map<String, List<String>> FILTERS = Map.ofEntries(
            Map.entry("streets", List.of("q", "size")),
            Map.entry("communities", List.of("street", "q", "size")),
            Map.entry("grids", List.of("community", "street")),
            Map.entry("organs", List.of("q")),
            Map.entry("party-orgs", List.of("organ", "size")),
            Map.entry("members", List.of("organ", "partyOrg", "community", "street", "q", "size")),
            Map.entry("leaders", List.of("q")),
            Map.entry("liaisons", List.of("street", "leader")),
            Map.entry("pairings", List.of("organ", "community", "street")),
            Map.entry("calls", List.of("street", "community", "organ", "lead", "q", "size")),
            Map.entry("households", List.of("community", "q", "size")),
            Map.entry("visits", List.of("community", "organ", "partyOrg", "member", "size")),
            Map.entry("problems", List.of("community", "organ", "partyOrg", "member", "size")),
            Map.entry("responsibilities", List.of("organ", "size")),
            Map.entry("items", List.of("organ", "size")),
            Map.entry("duty-reports", List.of("organ", "size")),
            Map.entry("commitments", List.of("organ", "member", "q", "size")),
            Map.entry("meetings", List.of("organ", "size")),
            Map.entry("decisions", List.of("organ", "size")),
            Map.entry("reviews", List.of("organ", "size")),
            Map.entry("diagnosis", List.of("organ")));

    enum Walk {
        /** A list, search or rates: answered within the scope, so no foreign record in it, whatever the filter. */
        LIST,
        /** One record by its key: a foreign key is 403 or 404. */
        ONE,
        /** A spreadsheet of the records in scope: no foreign record in any cell. */
        EXPORT,
        /** A step on one record: a foreign record, or a role without the right, is refused and nothing changes. */
        WRITE,
        /** A new record: in a foreign place, or by a role without the right, refused and nothing changes. */
        CREATE,
        /** Administrators only: every other role gets 403. */
        ADMIN_READ,
        /** Administrators only, and a write: every other role gets 403 and nothing changes. */
        ADMIN_WRITE,
        /** The same for everyone (categories, import templates). */
        REFERENCE,
        /** Counts within the scope (each equals its list: FiguresTests); only numbers. */
        COUNTS,
        /** Signing in or changing a password: nobody does either for another person without their password. */
        TOKEN,
        /** A record everyone may read (a visit campaign) whose figures and rows are counted within the reader's scope. */
        SHARED,
        /** A public profile everyone signed in may read (a member's 三亮 card): never a phone or an ID number in it. */
        PUBLIC,
        /**
         * Public service information everyone signed in reads (the service network's centres and points): every role gets
         * it, and the staff phones of a site are unmasked only for the committee and the site's own street or community.
         */
        OPEN
    }

    @Autowired
    Api api;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    private final String mark = UUID.randomUUID().toString().substring(0, 8);
    /** Per scoped role: the records outside its scope, and the strings of them no answer to it may hold. */
    private final Map<String, Foreign> foreign = new HashMap<>();
    private long ownCall;
    private long clientId;
    /** A community no scoped role may see (nor visit), with a household and a visit in it. */
    private String outsideCommunity;
    private long outsideHousehold;
    private OutsideVisits outsideVisits;

    /** The visit records the walk asks every scoped role about: a campaign all may read, the rest outside every scope. */
    record OutsideVisits(long campaign, long household, long visit, long problem, Set<String> texts) {
    }
    private String account;
    /** A meeting of a party organisation of an organ neither the secretary's nor the member's (partylife). */
    private long outsideMeeting;
    /** That organ's responsibility letter, duty report, and the duty-report meeting (partylife responsibilities). */
    private OutsideResponsibility outsideResponsibility;

    record OutsideResponsibility(long letter, long report, long meeting, String org) {
    }
    /** A commitment of a member of that kind of organ (partylife commitments), and the member. */
    private long outsideCommitment;
    private String outsideCommitmentMember;
    /** This year's review of that organisation, with a self-review (partylife reviews). */
    private long outsideReview;
    /** A service centre and a temporary point in the community outside every scope, and their staff's phone (network). */
    private long outsideCentre;
    private long outsidePoint;
    static final String OUTSIDE_STAFF_PHONE = "13987650000";

    /** An emergency whose zone is the community outside every scope, with a branch, a team and a call-up there. */
    private long outsideEmergency;
    /** A member outside every scope, holding a skill (member-skills). */
    private String outsideSkilled;

    @BeforeAll
    void recordsInsideAndOutsideEachScope() {
        CallsClient calls = new CallsClient(context);
        calls.alsoAnswers("JG005", "NOISE");
        ownCall = calls.raiseId("community", "ELDERLY", "本社区的诉求 " + mark);
        long noise = calls.raiseId("committee", "NOISE", "另一街道的噪音诉求 " + mark, "community", "440103002001");
        calls.ok("committee", noise, "dispatch", Map.of("lead", "JG002", "coHandlers", List.of("JG003")));
        calls.ok(calls.secretaryOf("JG002"), noise, "accept", null);
        calls.raiseId("committee", "MARKET", "第三个街道的市场诉求 " + mark, "community", "440103003001");
        Api.Response chosen = calls.post("committee", "/api/v1/directives", Map.of("title", "发给别处的指令 " + mark,
                "body", "仅限接收单位", "deadline", Instant.now().plus(Duration.ofDays(3)).toString(), "audience", "CHOSEN",
                "organs", List.of("JG002"), "streets", List.of("440103002"), "communities", List.of("440103002001")));
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(201);
        Api.Response everyCommunity = calls.post("committee", "/api/v1/directives", Map.of("title", "发给全部社区的指令 " + mark,
                "body", "各社区报告", "deadline", Instant.now().plus(Duration.ofDays(3)).toString(), "audience", "ALL_COMMUNITIES"));
        assertThat(everyCommunity.status()).as(everyCommunity.text()).isEqualTo(201);
        // Another community answers the directive to all, with a report only the committee may read.
        String neighbour = calls.account("walk-neighbour", "COMMUNITY_STAFF", "440103002001");
        Api.Response report = calls.post(neighbour, "/api/v1/directives/" + everyCommunity.json().get("id").asLong() + "/replies",
                Map.of("action", "COMPLETE", "report", "邻社区的报告 " + mark));
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        Api.Response client = calls.post("admin", "/api/v1/open311/clients", Map.of("name", "走查客户端 " + mark));
        assertThat(client.status()).as(client.text()).isEqualTo(201);
        clientId = client.json().get("id").asLong();
        account = calls.account("walk-" + mark, "COMMUNITY_STAFF", "440103003001");
        for (String role : ROLES) {
            api.token(role);
        }
        outsideVisits = visitsOutsideEveryScope(calls);
        outsideMeeting = meetingOutsideEveryScope(calls);
        outsideResponsibility = responsibilityOutsideEveryScope(calls);
        outsideCommitment = commitmentOutsideEveryScope(calls);
        outsideReview = reviewOutsideEveryScope(calls);
        networkOutsideEveryScope(calls);
        outsideEmergency = emergencyOutsideEveryScope(calls);
        for (String role : List.of("secretary", "member", "street", "community", "leader")) {
            foreign.put(role, outsideTheScopeOf(role, noise));
            foreign.get(role).texts().addAll(outsideVisits.texts());
            foreign.get(role).texts().addAll(Set.of("走查的会议 " + mark, "走查的第一议题 " + mark));
            foreign.get(role).texts().addAll(Set.of("走查的责任事项 " + mark, "走查的述职 " + mark));
            foreign.get(role).texts().addAll(Set.of("走查的承诺 " + mark, "走查的清单 " + mark));
            foreign.get(role).texts().add("走查的自评 " + mark);
            foreign.get(role).texts().addAll(Set.of("走查的应急 " + mark, "走查的临时党支部 " + mark, "走查的突击队 " + mark,
                    "走查的动员令 " + mark));
        }
    }

    private OutsideVisits visitsOutsideEveryScope(CallsClient calls) {
        java.time.LocalDate today = java.time.LocalDate.now(CallsClient.SHANGHAI);
        Api.Response campaign = calls.post("committee", "/api/v1/campaigns", Map.of("name", "走查的走访活动 " + mark,
                "startsOn", today.minusDays(10).toString(), "endsOn", today.plusDays(30).toString(), "targetPerVisitor", 2));
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(201);
        long campaignId = campaign.json().get("id").asLong();
        assertThat(calls.post("committee", "/api/v1/campaigns/" + campaignId + "/assignments", null).status()).isEqualTo(200);
        var scopes = context.getBean(org.ronghe.directory.DataScopes.class);
        List<org.ronghe.directory.DataScope> scoped = List.of("secretary", "member", "street", "community", "leader").stream()
                .map(role -> scopes.of(calls.user(role))).toList();
        record Place(long id, String code) {
        }
        Place outside = jdbc.sql("""
                        SELECT c.id, c.code FROM community c WHERE NOT EXISTS (SELECT 1 FROM pairing p JOIN organ o ON o.id = p.organ_id
                        WHERE p.community_id = c.id AND o.code = 'JG001') ORDER BY c.code DESC""")
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2))).list().stream()
                .filter(c -> scoped.stream().noneMatch(scope -> scope.seesCommunity(c.id()))).findFirst()
                .orElseThrow(() -> new AssertionError("the small demo district has no community outside every scope"));
        outsideCommunity = outside.code();
        String organ = jdbc.sql("SELECT o.code FROM pairing p JOIN organ o ON o.id = p.organ_id WHERE p.community_id = :c "
                + "AND p.ended_on IS NULL ORDER BY o.code").param("c", outside.id()).query(String.class).list().stream().findFirst()
                .orElseThrow();
        String visitor = jdbc.sql("SELECT m.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code = :o ORDER BY m.code")
                .param("o", organ).query(String.class).list().get(0);
        outsideHousehold = jdbc.sql("SELECT MIN(id) FROM household WHERE community_id = :c").param("c", outside.id())
                .query(Long.class).single();
        Api.Response visit = calls.post("committee", "/api/v1/visits", Map.of("household", outsideHousehold, "member", visitor,
                "heard", "走查的走访 " + mark, "problems", List.of(Map.of("summary", "走查的走访问题", "category", "MUNICIPAL"))));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        return new OutsideVisits(campaignId, outsideHousehold, visit.json().get("visit").get("id").asLong(),
                visit.json().get("problems").get(0).get("id").asLong(), Set.of("走查的走访 " + mark));
    }

    // network
    private void networkOutsideEveryScope(CallsClient calls) {
        List<Map<String, String>> staff = List.of(Map.of("name", "走查站长", "duty", "站长", "phone", OUTSIDE_STAFF_PHONE));
        Api.Response centre = calls.post("committee", "/api/v1/service-centres", Map.of("code", "WALK-SC", "name", "走查驿站",
                "level", "STATION", "community", outsideCommunity, "address", "走查路 1 号", "staff", staff));
        assertThat(centre.status()).as(centre.text()).isEqualTo(201);
        outsideCentre = centre.json().get("centre").get("id").asLong();
        Api.Response point = calls.post("committee", "/api/v1/temporary-points", Map.of("code", "WALK-TP", "name", "走查采样点",
                "kind", "SAMPLING", "community", outsideCommunity, "address", "走查广场",
                "startsOn", java.time.LocalDate.now(CallsClient.SHANGHAI).toString(), "staff", staff));
        assertThat(point.status()).as(point.text()).isEqualTo(201);
        outsidePoint = point.json().get("point").get("id").asLong();
    }

    // emergency: declared on the community outside every scope, with a temporary branch, a team and a call-up of its residents
    private long emergencyOutsideEveryScope(CallsClient calls) {
        Api.Response declared = calls.post("committee", "/api/v1/emergencies", Map.of("code", "WALK-" + mark, "name", "走查的应急 " + mark,
                "kind", "FLOOD", "zone", List.of(Map.of("community", outsideCommunity, "control", "SEALED"))));
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        long id = declared.json().get("emergency").get("id").asLong();
        List<String> residents = jdbc.sql("SELECT m.code FROM member m JOIN community c ON c.id = m.community_id WHERE c.code = :c "
                + "ORDER BY m.code").param("c", outsideCommunity).query(String.class).list();
        String lead = residents.isEmpty() ? memberOutsideEveryScope() : residents.get(0);
        // The skilled member lives in the outside community and works in neither the secretary's nor the member's organ.
        outsideSkilled = jdbc.sql("""
                SELECT MIN(m.code) FROM member m JOIN community c ON c.id = m.community_id LEFT JOIN organ o ON o.id = m.organ_id
                WHERE c.code = :c AND (o.id IS NULL OR (o.code <> 'JG001'
                AND o.id <> (SELECT organ_id FROM member WHERE code = (SELECT scope_code FROM account WHERE username = 'member'))))""")
                .param("c", outsideCommunity).query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (outsideSkilled == null) {
            outsideSkilled = memberOutsideEveryScope();
        }
        Api.Response skill = calls.post("committee", "/api/v1/member-skills", Map.of("member", outsideSkilled, "skill", "走查特长"));
        assertThat(skill.status()).as(skill.text()).isEqualTo(201);
        Api.Response branch = calls.post("committee", "/api/v1/emergencies/" + id + "/temporary-branches", Map.of("name",
                "走查的临时党支部 " + mark, "siteKind", "CHECKPOINT", "siteName", "走查的卡口", "community", outsideCommunity, "secretary", lead));
        assertThat(branch.status()).as(branch.text()).isEqualTo(201);
        Api.Response team = calls.post("committee", "/api/v1/emergencies/" + id + "/teams", Map.of("kind", "COMMANDO",
                "name", "走查的突击队 " + mark, "lead", lead, "community", outsideCommunity));
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        Api.Response callUp = calls.post("committee", "/api/v1/emergencies/" + id + "/call-ups", Map.of("title", "走查的动员令 " + mark,
                "teams", List.of(team.json().get("id").asLong())));
        assertThat(callUp.status()).as(callUp.text()).isEqualTo(201);
        // A division-level cadre stationed at the community for the shift under way.
        java.time.ZoneId zone = CallsClient.SHANGHAI;
        Instant shift = org.ronghe.emergency.Shifts.startOf(Instant.now(), zone);
        Api.Response stationed = calls.post("committee", "/api/v1/emergencies/" + id + "/stationings", Map.of("level", "COMMUNITY",
                "community", outsideCommunity, "members", List.of(lead), "shiftStart", shift.toString(),
                "shiftEnd", org.ronghe.emergency.Shifts.after(shift, 1, zone).toString()));
        assertThat(stationed.status()).as(stationed.text()).isEqualTo(201);
        return id;
    }

    // partylife
    private long meetingOutsideEveryScope(CallsClient calls) {
        String org = one("""
                SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code <> 'JG001'
                AND o.id <> (SELECT organ_id FROM member WHERE code = (SELECT scope_code FROM account WHERE username = :a))
                AND EXISTS (SELECT 1 FROM member m WHERE m.party_org_id = p.id)""", "member");
        String chair = one("SELECT MIN(m.code) FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :a", org);
        Api.Response meeting = calls.post("committee", "/api/v1/meetings", Map.of("org", org, "kind", "THEMED_DAY",
                "heldOn", java.time.LocalDate.now(CallsClient.SHANGHAI).minusDays(2).toString(), "place", "走查的会议 " + mark,
                "chair", chair, "firstItemStudy", true, "studyTopic", "走查的第一议题 " + mark, "present", List.of(chair)));
        assertThat(meeting.status()).as(meeting.text()).isEqualTo(201);
        return meeting.json().get("meeting").get("id").asLong();
    }

    // partylife responsibilities: next year's letter of the outside meeting's organ with an item, and a duty report there
    private OutsideResponsibility responsibilityOutsideEveryScope(CallsClient calls) {
        record Org(String code, String organ) {
        }
        Org org = jdbc.sql("SELECT p.code, o.code FROM meeting g JOIN party_org p ON p.id = g.party_org_id JOIN organ o "
                + "ON o.id = p.organ_id WHERE g.id = :m").param("m", outsideMeeting)
                .query((rs, n) -> new Org(rs.getString(1), rs.getString(2))).single();
        int next = java.time.LocalDate.now(CallsClient.SHANGHAI).getYear() + 1;
        Api.Response letter = calls.post("committee", "/api/v1/responsibilities", Map.of("organ", org.organ(), "year", next));
        assertThat(letter.status()).as(letter.text()).isEqualTo(201);
        long letterId = letter.json().get("letter").get("id").asLong();
        List<String> members = jdbc.sql("SELECT m.code FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE p.code = :p "
                + "ORDER BY m.code").param("p", org.code()).query(String.class).list();
        Api.Response item = calls.post("committee", "/api/v1/responsibilities/" + letterId + "/items", Map.of("list", "INTEGRITY",
                "text", "走查的责任事项 " + mark, "owner", members.get(0), "dueOn", next + "-12-31"));
        assertThat(item.status()).as(item.text()).isEqualTo(201);
        Api.Response meeting = calls.post("committee", "/api/v1/meetings", Map.of("org", org.code(), "kind", "DUTY_REPORT",
                "heldOn", java.time.LocalDate.now(CallsClient.SHANGHAI).minusYears(3).toString(), "place", "走查的会议 " + mark,
                "chair", members.get(0), "present", members));
        assertThat(meeting.status()).as(meeting.text()).isEqualTo(201);
        long meetingId = meeting.json().get("meeting").get("id").asLong();
        Api.Response report = calls.post(calls.secretaryOf(org.organ()), "/api/v1/responsibilities/duty-reports", Map.of("org", org.code(),
                "reporter", members.get(0), "meeting", meetingId, "text", "走查的述职 " + mark));
        assertThat(report.status()).as(report.text()).isEqualTo(201);
        return new OutsideResponsibility(letterId, report.json().get("report").get("id").asLong(), meetingId, org.code());
    }

    // partylife commitments
    private long commitmentOutsideEveryScope(CallsClient calls) {
        outsideCommitmentMember = memberOutsideEveryScope();
        Api.Response card = calls.post("committee", "/api/v1/commitments", Map.of("member", outsideCommitmentMember,
                "duties", List.of("走查的清单 " + mark), "commitments", List.of(Map.of("text", "走查的承诺 " + mark,
                        "target", "HOUSEHOLDS_VISITED", "count", 3))));
        assertThat(card.status()).as(card.text()).isBetween(200, 201);
        for (JsonNode c : card.json().get("commitments")) {
            if (c.get("text").asString().equals("走查的承诺 " + mark)) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError(card.text());
    }

    /** A member of an organ neither the secretary's (JG001) nor the demo member's. */
    private String memberOutsideEveryScope() {
        return one("""
                SELECT MIN(m.code) FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code <> 'JG001'
                AND o.id <> (SELECT organ_id FROM member WHERE code = (SELECT scope_code FROM account WHERE username = :a))""", "member");
    }

    // partylife reviews
    private long reviewOutsideEveryScope(CallsClient calls) {
        String org = one("""
                SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code <> 'JG001' AND p.kind <> 'GROUP'
                AND o.id <> (SELECT organ_id FROM member WHERE code = (SELECT scope_code FROM account WHERE username = :a))
                AND EXISTS (SELECT 1 FROM member m WHERE m.party_org_id = p.id AND m.status = 'FULL')""", "member");
        Api.Response review = calls.post("committee", "/api/v1/reviews", Map.of("org", org,
                "year", java.time.LocalDate.now(CallsClient.SHANGHAI).getYear()));
        assertThat(review.status()).as(review.text()).isEqualTo(201);
        long id = review.json().get("review").get("id").asLong();
        String member = review.json().get("participants").get(0).get("code").asString();
        Api.Response self = calls.post("committee", "/api/v1/reviews/" + id + "/self-reviews", Map.of("member", member,
                "text", "走查的自评 " + mark));
        assertThat(self.status()).as(self.text()).isEqualTo(200);
        return id;
    }

    // ---------------------------------------------------------------- the table covers the document

    @Test
    void everyDocumentedOperationIsWalkedAndEveryWalkedOneIsDocumented() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method ->
                documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(new TreeSet<>(WALK.keySet())).isEqualTo(documented);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void noListSearchOrRateShowsARoleAnythingOutsideItsScope() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.LIST)) {
            String path = operation.substring(4);
            for (String role : ROLES) {
                for (String query : queries(path, role)) {
                    Api.Response answer = api.get(role, path + query);
                    String what = role + " GET " + path + query;
                    if (answer.status() == 200) {
                        soft.assertThat(leaks(role, answer)).as(what).isEmpty();
                    } else {
                        soft.assertThat(answer.status()).as(what + ": " + Refusals.excerpt(answer)).isEqualTo(403);
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void noRecordOutsideARolesScopeCanBeOpened() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.ONE)) {
            for (String role : foreign.keySet()) {
                String key = foreign.get(role).keyFor(operation);
                // A ledger is asked for this year of the foreign organisation.
                String path = operation.substring(4).replace("{year}", String.valueOf(java.time.LocalDate.now(CallsClient.SHANGHAI)
                        .getYear())).replaceAll("\\{[a-zA-Z]+}", key);
                Api.Response answer = api.get(role, path);
                soft.assertThat(answer.status()).as("%s GET %s: %s", role, path, Refusals.excerpt(answer)).isIn(403, 404);
                soft.assertThat(leaks(role, answer)).as("%s GET %s", role, path).isEmpty();
            }
        }
        soft.assertAll();
    }

    @Test
    void noRecordInsideTheScopeCarriesAnythingFromOutsideIt() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.ONE)) {
            String one = operation.substring(4);
            String list = one.substring(0, one.lastIndexOf('/'));
            if (list.contains("{")) {
                // A ledger (an organisation's year) has no list of its own to take keys from.
                continue;
            }
            String key = one.contains("{id}") ? "id" : "code";
            for (String role : foreign.keySet()) {
                Api.Response listed = api.get(role, list + "?size=200");
                if (listed.status() != 200) {
                    continue;
                }
                List<String> keys = new ArrayList<>();
                listed.json().get("items").forEach(item -> keys.add(item.get(key).asString()));
                for (String shown : keys.subList(0, Math.min(keys.size(), 10))) {
                    Api.Response answer = api.get(role, one.replaceAll("\\{[a-zA-Z]+}", shown));
                    soft.assertThat(answer.status()).as("%s GET %s %s", role, one, shown).isEqualTo(200);
                    soft.assertThat(leaks(role, answer)).as("%s GET %s %s", role, one, shown).isEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void noExportHoldsARecordOutsideTheScope() {
        SoftAssertions soft = new SoftAssertions();
        for (String entity : ENTITIES) {
            for (String role : ROLES) {
                Api.Response answer = api.get(role, "/api/v1/directory/exports/" + entity + ".xlsx");
                soft.assertThat(answer.status()).as("%s export of %s", role, entity).isIn(200, 403);
                if (answer.status() == 200) {
                    soft.assertThat(foreignIn(role, cells(answer.body()))).as("%s export of %s", role, entity).isEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aCampaignReadsTheSameForEveryoneWithOnlyWhatTheirScopeHoldsInIt() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.SHARED)) {
            String path = operation.substring(4).replace("{id}", String.valueOf(outsideVisits.campaign()));
            List<String> queries = path.endsWith("/coverage") ? List.of("?by=community", "?by=organ", "?by=party-org", "?by=member", "?by=leader")
                    : List.of("");
            for (String role : ROLES) {
                for (String query : queries) {
                    Api.Response answer = api.get(role, path + query);
                    soft.assertThat(answer.status()).as("%s GET %s%s: %s", role, path, query, Refusals.excerpt(answer)).isEqualTo(200);
                    soft.assertThat(leaks(role, answer)).as("%s GET %s%s", role, path, query).isEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void aMembersCardIsPublicToEveryRoleAndCarriesNoPhoneOrIdNumber() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.PUBLIC)) {
            String path = operation.substring(4).replace("{code}", outsideCommitmentMember);
            for (String role : ROLES) {
                Api.Response answer = api.get(role, path);
                soft.assertThat(answer.status()).as("%s GET %s: %s", role, path, Refusals.excerpt(answer)).isEqualTo(200);
                soft.assertThat(answer.text()).as("%s GET %s", role, path).contains("走查的承诺 " + mark)
                        .doesNotContain("\"phone", "\"idNumber", "Phone\"", "IdNumber\"");
            }
        }
        soft.assertAll();
    }

    @Test
    void theServiceNetworkIsReadByEveryRoleWithOtherPlacesStaffPhonesMasked() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.OPEN)) {
            String path = operation.substring(4).replace("{id}",
                    String.valueOf(operation.contains("/service-centres") ? outsideCentre : outsidePoint));
            for (String role : ROLES) {
                Api.Response answer = api.get(role, path + (path.endsWith("s") ? "?size=200" : ""));
                soft.assertThat(answer.status()).as("%s GET %s: %s", role, path, Refusals.excerpt(answer)).isEqualTo(200);
                String content = path.endsWith(".xlsx") ? String.join("|", cells(answer.body())) : answer.text();
                soft.assertThat(content).as("%s GET %s", role, path).contains("走查");
                if (role.equals("committee")) {
                    soft.assertThat(content).as("%s GET %s", role, path).contains(OUTSIDE_STAFF_PHONE);
                } else {
                    soft.assertThat(content).as("%s GET %s", role, path).doesNotContain(OUTSIDE_STAFF_PHONE);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void noOtherExportHoldsARecordOutsideTheScope() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.EXPORT)) {
            if (operation.contains("{entity}")) {
                continue;
            }
            String path = operation.substring(4);
            for (String role : ROLES) {
                Api.Response answer = api.get(role, path);
                soft.assertThat(answer.status()).as("%s GET %s", role, path).isIn(200, 403);
                if (answer.status() == 200) {
                    soft.assertThat(foreignIn(role, cells(answer.body()))).as("%s GET %s", role, path).isEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void administratorsAloneReadAccountsTheAuditLogAndOpen311Clients() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.ADMIN_READ)) {
            String path = operation.substring(4);
            for (String role : ROLES) {
                Api.Response answer = api.get(role, path);
                soft.assertThat(answer.status()).as("%s GET %s", role, path).isEqualTo(ADMINS.contains(role) ? 200 : 403);
                if (!ADMINS.contains(role)) {
                    soft.assertThat(leaks(role, answer)).as("%s GET %s", role, path).isEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void referenceDataIsTheSameForEveryRoleAndCountsAreOnlyNumbers() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.REFERENCE)) {
            String path = operation.substring(4).replace("{entity}", "members");
            String first = null;
            for (String role : ROLES) {
                Api.Response answer = api.get(role, path);
                soft.assertThat(answer.status()).as("%s GET %s", role, path).isEqualTo(200);
                String content = path.endsWith(".xlsx") ? String.join("|", cells(answer.body())) : answer.text();
                first = first == null ? content : first;
                soft.assertThat(content).as("%s GET %s, as every role", role, path).isEqualTo(first);
            }
        }
        for (String operation : operations(Walk.COUNTS)) {
            for (String role : ROLES) {
                Api.Response answer = api.get(role, operation.substring(4));
                soft.assertThat(answer.status()).isEqualTo(200);
                answer.json().properties().forEach(f -> soft.assertThat(f.getValue().isNumber() || f.getValue().isNull())
                        .as("%s %s", role, f.getKey()).isTrue());
            }
        }
        soft.assertAll();
    }

    @Test
    void nobodySignsInOrChangesAPasswordAsAnotherPersonWithoutTheirPassword() {
        for (String operation : operations(Walk.TOKEN)) {
            for (int i = 0; i < ROLES.size(); i++) {
                // Each account is tried once per operation (twice in all), far from the five failures that would lock it.
                String other = ROLES.get((i + 1) % ROLES.size());
                String guess = "Guess#" + ROLES.get(i) + "1";
                if (operation.endsWith("/password")) {
                    String hash = passwordHashOf(other);
                    assertThat(api.changePassword(other, guess, "Taken#Over2026")).as(operation + " for " + other).isEqualTo(401);
                    assertThat(passwordHashOf(other)).as(operation + " for " + other).isEqualTo(hash);
                } else {
                    assertThat(api.signInStatus(other, guess)).as(operation + " for " + other).isEqualTo(401);
                }
            }
        }
    }

    // ---------------------------------------------------------------- writing

    @Test
    void noRoleChangesARecordOutsideItsScopeOrWithoutTheRight() {
        SoftAssertions soft = new SoftAssertions();
        for (String operation : operations(Walk.WRITE)) {
            for (String role : ROLES) {
                boolean scoped = foreign.containsKey(role);
                if (!scoped && hasTheRight(role, operation)) {
                    // Work inside the whole tree is not a question of scope; the lifecycle tests cover it.
                    continue;
                }
                String id = scoped ? keyFor(role, operation) : String.valueOf(ownCall);
                refusedAndUnchanged(soft, role, operation, id, bodyOf(operation), scoped ? Set.of(403, 404) : Set.of(403));
            }
        }
        for (String operation : operations(Walk.CREATE)) {
            for (String role : ROLES) {
                boolean scoped = foreign.containsKey(role);
                if (!scoped && hasTheRight(role, operation)) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>(bodyOf(operation));
                if (scoped && operation.endsWith("/calls")) {
                    body.put("community", foreign.get(role).community());
                }
                refusedAndUnchanged(soft, role, operation, null, body, Set.of(403));
            }
        }
        for (String operation : operations(Walk.ADMIN_WRITE)) {
            for (String role : ROLES) {
                if (role.equals("admin")) {
                    continue;
                }
                // The committee administers, but only the system administrator changes administrators and takes backups.
                boolean committee = role.equals("committee");
                if (committee && !operation.contains("{username}") && !operation.contains("/operations/")) {
                    continue;
                }
                String key = operation.contains("{username}") ? (committee ? "admin" : account)
                        : operation.contains("{entity}") ? "streets" : String.valueOf(clientId);
                refusedAndUnchanged(soft, role, operation, key, bodyOf(operation), Set.of(403));
            }
        }
        soft.assertAll();
    }

    /** The foreign record a step is tried on: the network's site outside every scope, else the role's own foreign record. */
    private String keyFor(String role, String operation) {
        if (operation.contains("/service-centres/")) {
            return String.valueOf(outsideCentre);
        }
        if (operation.contains("/temporary-points/")) {
            return String.valueOf(outsidePoint);
        }
        return foreign.get(role).keyFor(operation);
    }

    private void refusedAndUnchanged(SoftAssertions soft, String role, String operation, String key, Map<String, Object> body,
                                     Set<Integer> expected) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(method.length() + 1);
        String path = key == null ? template : template.replaceAll("\\{[a-zA-Z]+}", key);
        Map<String, String> before = DatabaseDigest.of(dataSource);
        Api.Response answer = api.send(role, () -> request(method, path, body));
        String what = role + " " + method + " " + path;
        soft.assertThat(answer.status()).as("%s: %s", what, Refusals.excerpt(answer)).isIn(expected.toArray());
        soft.assertThat(leaks(role, answer)).as(what).isEmpty();
        soft.assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).as(what).isEmpty();
    }

    private AbstractMockHttpServletRequestBuilder<?> request(String method, String path, Map<String, Object> body) {
        if (path.endsWith("/households/imports")) {
            return MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "households.csv", "text/csv",
                    ("户编码,社区编码,地址,户主姓名\nWALK-1," + outsideCommunity + ",越界导入的住户,越界\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (path.endsWith("/service-centres/imports")) {
            return MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "centres.csv", "text/csv",
                    ("编码,名称,层级,社区编码,地址\nWALK-IM,越界导入的驿站,驿站," + outsideCommunity + ",越界路\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (path.endsWith("/temporary-points/imports")) {
            return MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "points.csv", "text/csv",
                    ("编码,名称,类型,社区编码,地址,开始日期\nWALK-IM,越界导入的点位,核酸采样点," + outsideCommunity + ",越界路,2025-01-01\n")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        if (path.endsWith("/member-skills/imports")) {
            return MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "skills.csv", "text/csv",
                    ("党员编号,特长\n" + outsideSkilled + ",越界导入的特长\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (path.contains("/imports/")) {
            return MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "streets.csv", "text/csv",
                    "街道编码,街道名称\n440103001,改名的街道\n".getBytes(StandardCharsets.UTF_8)));
        }
        var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path);
        return body.isEmpty() ? request : request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    /** Who may take a step at all, wherever it is (the roles, not yet the places). */
    private static boolean hasTheRight(String role, String operation) {
        if (operation.contains("/member-skills")) {
            // emergency: organisers record, withdraw and import skills of members they see
            return List.of("committee", "secretary", "street").contains(role);
        }
        if (operation.contains("/service-centres") || operation.contains("/temporary-points")) {
            // network: the committee, and street and community staff for their own places
            return List.of("committee", "street", "community").contains(role);
        }
        if (operation.contains("/stationings")) {
            // emergency stationing: the organisers station and withdraw
            return List.of("committee", "secretary", "street").contains(role);
        }
        String step = operation.substring(operation.lastIndexOf('/') + 1);
        return switch (step) {
            case "dispatch", "directives" -> role.equals("committee");
            case "extend" -> role.equals("committee") || role.equals("secretary");
            case "calls", "rate", "reopen" -> role.equals("committee") || role.equals("street") || role.equals("community");
            case "accept", "return", "reply", "checkin" -> role.equals("secretary");
            case "whistle" -> role.equals("street") || role.equals("committee");
            case "replies" -> role.equals("secretary") || role.equals("street") || role.equals("community");
            // visits.service: members report, claim and log; communities (and the committee) confirm and publish
            case "checkins" -> role.equals("committee") || role.equals("member");
            case "confirm", "decline", "reject", "done", "withdraw", "service-items" -> role.equals("committee") || role.equals("community");
            case "claim", "service-logs" -> role.equals("member");
            // visits.evaluation: a community rates the organs paired with it; the committee opens and closes periods
            case "evaluations" -> role.equals("community");
            case "periods", "close" -> role.equals("committee");
            // visits: the committee runs campaigns; members and leaders visit (secretaries and the committee record for them)
            case "campaigns", "assignments" -> role.equals("committee");
            case "imports" -> role.equals("committee") || role.equals("community");
            case "visits" -> List.of("committee", "secretary", "member", "leader").contains(role);
            case "follow-up" -> List.of("committee", "secretary", "member", "leader", "community").contains(role);
            // partylife: the committee and organ secretaries record meetings
            case "meetings" -> role.equals("committee") || role.equals("secretary");
            // partylife decisions: the same raise a decision of a meeting as a call
            case "call", "task" -> role.equals("committee") || role.equals("secretary");
            case "directive" -> role.equals("committee");
            // a task's owner (a member) reports it done, or the secretary or the committee for them
            case "report" -> role.equals("committee") || role.equals("secretary") || role.equals("member");
            // partylife responsibilities: the committee issues letters and records paper votes, an organ's secretary
            // signs, both keep the lists; a secretary or a branch secretary reports, the meeting's members vote
            case "responsibilities" -> role.equals("committee");
            // a paper vote's tally: the committee for a duty report; the committee or the secretary for a review
            case "tallies" -> role.equals("committee") || operation.contains("/reviews/") && role.equals("secretary");
            case "sign" -> role.equals("secretary");
            case "items", "revise", "records" -> role.equals("committee") || role.equals("secretary");
            case "duty-reports" -> role.equals("secretary") || role.equals("member");
            case "votes" -> role.equals("member");
            // partylife commitments: a member publishes their own card, the organ's secretary and the committee one for them
            // (a commitment's "withdraw" step is refused to the system administrator by the case above)
            case "commitments" -> List.of("committee", "secretary", "member").contains(role);
            // partylife reviews: the committee and organ secretaries open and run reviews; members write their own
            // self-review and peer reviews (the others record them) and cast their own ballot
            case "reviews", "voting", "decision" -> role.equals("committee") || role.equals("secretary");
            case "self-reviews", "peer-reviews" -> List.of("committee", "secretary", "member").contains(role);
            case "ballots" -> role.equals("member");
            // assessment: only the work committee computes, publishes and writes schemes
            case "assessments", "publish", "schemes", "activate" -> role.equals("committee");
            // emergency
            case "emergencies", "zone", "command", "stand-down" -> role.equals("committee");
            case "temporary-branches", "approve", "teams", "members", "posts", "call-ups", "postings", "stationings" ->
                    List.of("committee", "secretary", "street").contains(role);
            case "answer" -> role.equals("member");
            case "answers" -> List.of("committee", "secretary", "street").contains(role);
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private Map<String, Object> bodyOf(String operation) {
        // emergency: a skill of the member outside every scope
        if (operation.contains("/member-skills")) {
            return Map.of("member", outsideSkilled, "skill", "走查特长", "reason", "越界撤回");
        }
        // network: a site in the community outside every scope
        if (operation.contains("/service-centres")) {
            return Map.of("code", "WALK-NEW", "name", "越界新建的驿站", "level", "STATION", "community", outsideCommunity,
                    "address", "越界路 2 号");
        }
        if (operation.contains("/temporary-points")) {
            return Map.of("code", "WALK-NEW", "name", "越界新建的点位", "kind", "SUPPLY", "community", outsideCommunity,
                    "address", "越界路 3 号", "startsOn", java.time.LocalDate.now().toString());
        }
        String step = operation.substring(operation.lastIndexOf('/') + 1);
        String until = Instant.now().plus(Duration.ofDays(60)).toString();
        return switch (step) {
            case "calls" -> Map.of("title", "越界提出的诉求", "category", "MUNICIPAL", "community", "440103001001");
            case "directives" -> Map.of("title", "越权下发的指令", "deadline", until, "audience", "ALL_ORGANS");
            case "dispatch" -> Map.of("lead", "JG001");
            case "return", "reopen" -> Map.of("reason", "越界的理由");
            case "reply" -> Map.of("text", "越界的答复");
            case "rate" -> Map.of("rating", "SATISFIED", "solved", true);
            case "extend" -> Map.of("until", until, "reason", "越界的延期");
            case "whistle" -> Map.of("organs", List.of("JG004"));
            case "replies" -> Map.of("action", "COMPLETE", "report", "越界的报告");
            case "accounts" -> Map.of("username", "walk-created", "displayName", "越权创建", "role", "SYSTEM_ADMIN",
                    "password", "Valid#Pass9");
            case "password" -> Map.of("password", "Valid#Pass9");
            case "clients" -> Map.of("name", "越权登记的客户端");
            // visits.service: a check-in for someone else, an item in a third street's community, service on a foreign item
            case "checkins" -> Map.of("member", one("SELECT MAX(code) FROM member WHERE code <> :a", "DY000001"));
            case "service-items" -> Map.of("community", "440103003001", "kind", "NEED", "title", "越界发布的服务项目");
            case "service-logs" -> Map.of("date", java.time.LocalDate.now().toString(), "hours", 2, "item",
                    Long.parseLong(one("SELECT CAST(MIN(i.id) AS VARCHAR(20)) FROM service_item i WHERE i.community_id <> "
                            + "(SELECT community_id FROM member WHERE code = :a)", "DY000001")));
            case "decline", "reject", "withdraw" -> Map.of("reason", "越界的理由");
            // visits.evaluation: a rating for another community (the community's own staff included) and a new period
            case "evaluations" -> Map.of("period", "2026", "organ", "JG002", "community", "440103002001", "grade", "SATISFIED");
            case "periods" -> Map.of("code", "2031", "startsOn", "2031-01-01", "endsOn", "2031-12-31", "ratingClosesOn", "2031-12-31");
            // visits: a visit to a household no scoped role may visit, a campaign, a follow-up
            case "visits" -> Map.of("household", outsideHousehold, "member", "DY000001", "heard", "越界的走访");
            case "campaigns" -> Map.of("name", "越权发起的走访活动", "startsOn", java.time.LocalDate.now().toString(),
                    "endsOn", java.time.LocalDate.now().plusDays(30).toString(), "targetPerVisitor", 5);
            case "follow-up" -> Map.of("note", "越界的回访", "satisfied", true);
            // partylife: a meeting of another organ's party organisation, a rule change
            case "meetings" -> Map.of("org", one("SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id "
                    + "WHERE o.code <> :a", "JG001"), "kind", "THEMED_DAY", "heldOn", java.time.LocalDate.now().minusDays(1).toString(),
                    "place", "越界登记的会议", "chair", "DY000001");
            case "rules" -> Map.of("orgKind", "BRANCH", "kind", "LECTURE", "cadence", "MONTHLY");
            case "call" -> Map.of("category", "ELDERLY", "community", "440103001001");
            case "task" -> Map.of("owner", "DY000001", "dueOn", java.time.LocalDate.now().plusDays(7).toString());
            case "report" -> Map.of("report", "越界报告的落实情况");
            case "directive" -> Map.of("organs", List.of("JG001"), "deadline", java.time.LocalDate.now().plusDays(7).toString());
            // partylife responsibilities: a letter, an item, a record, a report and votes aimed at the outside organ
            case "responsibilities" -> Map.of("organ", "JG002", "year", java.time.LocalDate.now().getYear() + 1);
            case "items", "revise" -> Map.of("list", "INTEGRITY", "text", "越界的责任事项", "owner", "DY000001",
                    "dueOn", (java.time.LocalDate.now().getYear() + 1) + "-12-31");
            case "records" -> Map.of("meeting", outsideResponsibility.meeting());
            case "duty-reports" -> Map.of("org", outsideResponsibility.org(), "meeting", outsideResponsibility.meeting(),
                    "text", "越界的述职");
            case "votes" -> Map.of("grade", "GOOD");
            case "tallies" -> operation.contains("/reviews/") ? Map.of("ballots", 1, "tallies", List.of())
                    : Map.of("good", 1, "fairlyGood", 0, "fair", 0, "poor", 0);
            // partylife commitments: a card for a member outside every scope
            case "commitments" -> Map.of("member", memberOutsideEveryScope(), "duties", List.of("越界的清单"),
                    "commitments", List.of(Map.of("text", "越界的承诺")));
            // partylife reviews: a review of another organ's party organisation, and each step on one
            case "reviews" -> Map.of("org", one("SELECT MIN(p.code) FROM party_org p JOIN organ o ON o.id = p.organ_id "
                    + "WHERE o.code <> :a AND p.kind <> 'GROUP'", "JG001"), "year", java.time.LocalDate.now().getYear() - 2);
            case "self-reviews" -> Map.of("member", "DY000001", "text", "越界的自评");
            case "peer-reviews" -> Map.of("about", "DY000001", "text", "越界的互评");
            case "ballots", "decision" -> Map.of("qualified", List.of("DY000001"));
            // assessment: a run of last year by someone without the right
            case "assessments" -> Map.of("year", java.time.LocalDate.now().getYear() - 1);
            // emergency: each step aimed at the emergency outside every scope
            case "emergencies" -> Map.of("code", "WALK-NEW", "name", "越权宣布的应急", "kind", "OTHER");
            case "zone" -> Map.of("areas", List.of(Map.of("community", "440103001001", "control", "CONTROLLED")));
            case "command" -> Map.of("role", "DEPUTY", "member", "DY000001");
            case "temporary-branches" -> Map.of("name", "越界的临时党支部", "siteKind", "CLINIC", "siteName", "越界的站点",
                    "community", "440103001001", "secretary", "DY000001");
            case "teams" -> Map.of("kind", "VANGUARD", "name", "越界的先锋队", "lead", "DY000001", "community", "440103001001");
            case "members" -> Map.of("members", List.of("DY000001"));
            case "posts" -> Map.of("name", "越界的先锋岗", "holder", "DY000001");
            case "call-ups" -> Map.of("title", "越界的动员令", "zone", true);
            case "answer" -> Map.of("answer", "REPORTING");
            case "answers" -> Map.of("answers", List.of(Map.of("member", "DY000001", "answer", "REPORTING")));
            case "postings" -> Map.of("member", "DY000001", "team", 1, "shiftStart", until, "shiftEnd", until);
            case "stationings" -> Map.of("level", "COMMUNITY", "community", "440103001001", "members", List.of("DY000001"),
                    "shiftStart", until, "shiftEnd", until);
            default -> Map.of();
        };
    }

    // ---------------------------------------------------------------- what lies outside each scope

    /** The records outside a role's scope: one of each kind to ask for, and the strings that give any of them away. */
    record Foreign(String street, String community, String organ, String partyOrg, String member, String leader,
                   long call, long directive, Set<String> codes, Set<String> texts, OutsideVisits visits, long meeting,
                   OutsideResponsibility responsibility, long commitment, long review, long emergency) {

        String keyFor(String operation) {
            if (operation.contains("/emergencies/")) {
                return String.valueOf(emergency);
            }
            if (operation.contains("/duty-reports/")) {
                return String.valueOf(responsibility.report());
            }
            if (operation.contains("/responsibilities/")) {
                return String.valueOf(responsibility.letter());
            }
            if (operation.contains("/streets/")) {
                return street;
            }
            if (operation.contains("/communities/")) {
                return community;
            }
            if (operation.contains("/organs/")) {
                return organ;
            }
            if (operation.contains("/party-orgs/")) {
                return partyOrg;
            }
            if (operation.contains("/members/")) {
                return member;
            }
            if (operation.contains("/leaders/")) {
                return leader;
            }
            if (operation.contains("/households/")) {
                return String.valueOf(visits.household());
            }
            if (operation.contains("/visits/problems/")) {
                return String.valueOf(visits.problem());
            }
            if (operation.contains("/visits/")) {
                return String.valueOf(visits.visit());
            }
            if (operation.contains("/campaigns/")) {
                return String.valueOf(visits.campaign());
            }
            if (operation.contains("/meetings/")) {
                return String.valueOf(meeting);
            }
            if (operation.contains("/ledgers/")) {
                return partyOrg;
            }
            if (operation.contains("/commitments/")) {
                return String.valueOf(commitment);
            }
            if (operation.contains("/reviews/")) {
                return String.valueOf(review);
            }
            return String.valueOf(operation.contains("/directives/") ? directive : call);
        }
    }

    private Foreign outsideTheScopeOf(String role, long foreignCall) {
        String anchor = one("SELECT scope_code FROM account WHERE username = :a", role);
        Set<String> streetsSeen;
        Set<String> communitiesSeen;
        Set<String> organsSeen;
        Set<String> leadersSeen;
        Set<String> foreignMembers;
        switch (role) {
            case "secretary" -> {
                // The organ, its party tree and members, its paired communities, their streets and leaders.
                communitiesSeen = codes("SELECT c.code FROM pairing p JOIN organ o ON o.id = p.organ_id JOIN community c "
                        + "ON c.id = p.community_id WHERE o.code = :a AND p.ended_on IS NULL", anchor);
                streetsSeen = streetsOf(communitiesSeen);
                organsSeen = Set.of(anchor);
                foreignMembers = codes("SELECT m.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code <> :a", anchor);
            }
            case "member" -> {
                // Their record and branch, their organ, their residential community and its street.
                String organ = one("SELECT o.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE m.code = :a", anchor);
                communitiesSeen = codes("SELECT c.code FROM member m JOIN community c ON c.id = m.community_id WHERE m.code = :a", anchor);
                streetsSeen = streetsOf(communitiesSeen);
                organsSeen = Set.of(organ);
                foreignMembers = codes("SELECT m.code FROM member m JOIN organ o ON o.id = m.organ_id WHERE o.code <> :a", organ);
            }
            case "street", "community", "leader" -> {
                streetsSeen = role.equals("street") ? Set.of(anchor)
                        : role.equals("community") ? codes("SELECT s.code FROM community c JOIN street s ON s.id = c.street_id "
                        + "WHERE c.code = :a", anchor)
                        : codes("SELECT s.code FROM liaison l JOIN leader d ON d.id = l.leader_id JOIN street s ON s.id = l.street_id "
                        + "WHERE d.code = :a AND l.ended_on IS NULL", anchor);
                communitiesSeen = role.equals("community") ? Set.of(anchor) : communitiesIn(streetsSeen);
                organsSeen = Set.of();
                foreignMembers = new TreeSet<>(codes("SELECT m.code FROM member m JOIN community c ON c.id = m.community_id", null));
                foreignMembers.removeAll(codes("SELECT m.code FROM member m JOIN community c ON c.id = m.community_id "
                        + "WHERE c.code IN (" + quoted(communitiesSeen) + ")", null));
            }
            default -> throw new IllegalArgumentException(role);
        }
        leadersSeen = new TreeSet<>(codes("SELECT d.code FROM liaison l JOIN leader d ON d.id = l.leader_id JOIN street s "
                + "ON s.id = l.street_id WHERE l.ended_on IS NULL AND s.code IN (" + quoted(streetsSeen) + ")", null));
        if (role.equals("leader")) {
            leadersSeen.add(anchor);
        }
        String street = first("SELECT code FROM street WHERE code NOT IN (" + quoted(streetsSeen) + ") ORDER BY code");
        String community = first("SELECT code FROM community WHERE code NOT IN (" + quoted(communitiesSeen) + ") ORDER BY code");
        String organ = first("SELECT code FROM organ WHERE code NOT IN (" + quoted(organsSeen) + ") ORDER BY code");
        String partyOrg = first("SELECT p.code FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code NOT IN ("
                + quoted(organsSeen) + ") ORDER BY p.code");
        String member = foreignMembers.iterator().next();
        String leader = first("SELECT code FROM leader WHERE code NOT IN (" + quoted(leadersSeen) + ") ORDER BY code");

        Set<String> codes = new TreeSet<>(foreignMembers);
        Set<String> texts = new TreeSet<>(List.of("发给别处的指令 " + mark, "走查客户端 " + mark, "walk-" + mark, "邻社区的报告 " + mark));
        // Calls: an organ's are those it handles; a member raised none; the others', those in their streets (each call
        // of the walk lies in a street of its own).
        texts.addAll(role.equals("secretary")
                ? jdbc.sql("SELECT c.title FROM call c WHERE NOT EXISTS (SELECT 1 FROM call_handler h JOIN organ o ON o.id = h.organ_id "
                + "WHERE h.call_id = c.id AND o.code = :a)").param("a", anchor).query(String.class).list()
                : jdbc.sql("SELECT c.title FROM call c JOIN street s ON s.id = c.street_id WHERE s.code NOT IN ("
                + quoted(role.equals("member") ? Set.of() : streetsSeen) + ")").query(String.class).list());
        if (!role.equals("secretary") && !role.equals("member")) {
            // A person placed in the territory sees no community outside it, by name or code (an organ's people see
            // their members' home communities, which may lie anywhere).
            Set<String> visibleNames = Set.copyOf(jdbc.sql("SELECT name FROM community WHERE code IN (" + quoted(communitiesSeen)
                    + ")").query(String.class).list());
            jdbc.sql("SELECT code, name FROM community WHERE code NOT IN (" + quoted(communitiesSeen) + ")")
                    .query((rs, n) -> {
                        codes.add(rs.getString(1));
                        if (!visibleNames.contains(rs.getString(2))) {
                            texts.add(rs.getString(2));
                        }
                        return null;
                    }).list();
        } else {
            codes.addAll(codes("SELECT p.code FROM party_org p JOIN organ o ON o.id = p.organ_id WHERE o.code NOT IN ("
                    + quoted(organsSeen) + ")", null));
        }
        if (!role.equals("community")) {
            texts.add("发给全部社区的指令 " + mark);
        }
        long directive = jdbc.sql("SELECT id FROM directive WHERE title = :t").param("t", "发给别处的指令 " + mark)
                .query(Long.class).single();
        return new Foreign(street, community, organ, partyOrg, member, leader, foreignCall, directive, codes, texts, outsideVisits,
                outsideMeeting, outsideResponsibility, outsideCommitment, outsideReview, outsideEmergency);
    }

    private Set<String> streetsOf(Set<String> communities) {
        return codes("SELECT DISTINCT s.code FROM community c JOIN street s ON s.id = c.street_id WHERE c.code IN ("
                + quoted(communities) + ")", null);
    }

    private Set<String> communitiesIn(Set<String> streets) {
        return codes("SELECT c.code FROM community c JOIN street s ON s.id = c.street_id WHERE s.code IN (" + quoted(streets) + ")",
                null);
    }

    private Set<String> codes(String sql, String anchor) {
        var statement = jdbc.sql(sql);
        if (anchor != null) {
            statement = statement.param("a", anchor);
        }
        return new TreeSet<>(statement.query(String.class).list());
    }

    private String one(String sql, String anchor) {
        return jdbc.sql(sql).param("a", anchor).query(String.class).single();
    }

    private String first(String sql) {
        return jdbc.sql(sql).query(String.class).list().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the small demo district has nothing for " + sql));
    }

    /** Codes as an SQL list; the codes come from the database itself, and an empty set matches nothing. */
    private static String quoted(Set<String> codes) {
        return codes.isEmpty() ? "'-'" : String.join(", ", codes.stream().map(c -> "'" + c.replace("'", "''") + "'").toList());
    }

    // ---------------------------------------------------------------- answers

    private List<String> operations(Walk how) {
        return WALK.entrySet().stream().filter(e -> e.getValue() == how).map(Map.Entry::getKey).toList();
    }

    /** The list as it is, and filtered by each foreign place, organ and name, which must not widen it. */
    private List<String> queries(String path, String role) {
        List<String> queries = new ArrayList<>(List.of(path.endsWith("/search") ? "?q=" + mark : ""));
        Foreign outside = foreign.get(role);
        if (outside == null) {
            return queries;
        }
        if (path.endsWith("/search")) {
            return List.of("?q=" + mark, "?q=" + outside.member(), "?q=" + outside.community());
        }
        if (path.endsWith("/metrics")) {
            return List.of("?groupBy=organ", "?groupBy=street", "?groupBy=community", "?groupBy=category");
        }
        if (path.endsWith("/dashboard/communities")) {
            return List.of("?measure=openCalls", "?measure=visitCoverage");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("street", "?street=" + outside.street());
        filters.put("community", "?community=" + outside.community());
        filters.put("organ", "?organ=" + outside.organ());
        filters.put("partyOrg", "?partyOrg=" + outside.partyOrg());
        filters.put("leader", "?leader=" + outside.leader());
        filters.put("lead", "?lead=JG002");
        filters.put("q", "?q=" + (path.endsWith("/members") ? outside.member() : mark));
        filters.put("member", "?member=" + outside.member());
        filters.put("size", "?size=200");
        FILTERS.getOrDefault(path.substring(path.lastIndexOf('/') + 1), List.of()).forEach(f -> queries.add(filters.get(f)));
        return queries;
    }

    /** The foreign codes and texts in an answer: codes as whole values (a refusal may repeat the key asked for). */
    private Set<String> leaks(String role, Api.Response answer) {
        if (answer.contentType() != null && answer.contentType().contains("wordprocessingml")) {
            return foreignIn(role, words(answer.body()));
        }
        if (answer.body().length == 0 || answer.contentType() == null || !answer.contentType().contains("json")) {
            return Set.of();
        }
        List<String> values = new ArrayList<>();
        collect(answer.json(), values);
        return foreignIn(role, values);
    }

    private Set<String> foreignIn(String role, List<String> values) {
        Foreign outside = foreign.get(role);
        Set<String> found = new TreeSet<>();
        if (outside == null) {
            return found;
        }
        for (String value : values) {
            if (outside.codes().contains(value)) {
                found.add(value);
            }
            outside.texts().stream().filter(value::contains).forEach(found::add);
        }
        return found;
    }

    /** Every value and key in the answer, except the caller's own words: the query it searched for, the path it asked. */
    private static void collect(JsonNode node, List<String> values) {
        if (node.isString() || node.isNumber()) {
            values.add(node.asString());
        } else if (node.isObject()) {
            node.properties().forEach(p -> {
                if (!p.getKey().equals("q") && !p.getKey().equals("instance")) {
                    values.add(p.getKey());
                    collect(p.getValue(), values);
                }
            });
        } else {
            node.forEach(child -> collect(child, values));
        }
    }

    /** Every paragraph and table cell of a Word document (the annual report). */
    private static List<String> words(byte[] docx) {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> words = new ArrayList<>();
            doc.getParagraphs().forEach(p -> words.add(p.getText()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> words.add(c.getText()))));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<String> cells = new ArrayList<>();
            workbook.forEach(sheet -> {
                for (Row row : sheet) {
                    row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                }
            });
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String passwordHashOf(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = :u").param("u", username).query(String.class).single();
    }

}
