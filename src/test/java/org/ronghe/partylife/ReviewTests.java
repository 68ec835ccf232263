package org.ronghe.partylife;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronghe.partylife.review.Grade;
import org.ronghe.partylife.review.Reviews;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Democratic review of members: the 优秀 cap, probationary members voting but not graded, one ballot per voter, tallies
 * equal to the ballots, a decided review frozen, the member's record beside the vote, the data scope and bad input.
 * Each scenario takes a year of its own (the demo decided last year's reviews), so none sees another's review.
 */
@RongheTest
@TestPropertySource(properties = "ronghe.test.schema=partylife_reviews")
class ReviewTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    Reviews store;

    MeetingsClient client;
    List<String> branches;
    int thisYear;

    @BeforeEach
    void client() {
        client = new MeetingsClient(context);
        branches = client.branches();
        thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    // ---------------------------------------------------------------- the 优秀 cap, the decision, the ledger's results

    @Test
    void exactlyAThirdOfTheFullMembersMayBeExcellentAndOneMoreIsRefusedChangingNothing() {
        String branch = branches.stream().filter(b -> client.members(b, "FULL").size() % 3 == 0).findFirst().orElse(branches.get(0));
        JsonNode review = open(branch, thisYear - 2);
        long id = review.get("review").get("id").asLong();
        List<String> full = fullOf(review);
        int cap = full.size() / 3;
        assertThat(review.get("excellentCap").asInt()).isEqualTo(cap);
        client.ok("secretary", "/api/v1/reviews/" + id + "/voting", null);

        Map<String, String> before = DatabaseDigest.of(dataSource);
        Api.Response tooMany = client.post("secretary", "/api/v1/reviews/" + id + "/decision", grades(full, cap + 1, 0));
        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("优秀的党员不能超过参评正式党员的三分之一").contains("最多 " + cap + " 名");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();

        JsonNode decided = client.ok("secretary", "/api/v1/reviews/" + id + "/decision", grades(full, cap, 0));
        assertThat(decided.get("review").get("state").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("review").get("excellent").asInt()).isEqualTo(cap);
        assertThat(decided.get("review").get("graded").asInt()).isEqualTo(full.size());
        long partyOrg = client.jdbc.sql("SELECT id FROM party_org WHERE code = :c").param("c", branch).query(Long.class).single();
        List<Reviews.Result> results = store.results(partyOrg, thisYear - 2);
        assertThat(results.stream().filter(r -> r.grade() == Grade.EXCELLENT).map(Reviews.Result::code)).containsExactlyElementsOf(full.subList(0, cap));
        assertThat(results.stream().filter(Reviews.Result::full).allMatch(r -> r.grade() != null)).isTrue();
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REVIEW_DECIDED' AND subject_key = :k")
                .param("k", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(types(decided)).containsExactly("REVIEW_OPENED", "VOTING_STARTED", "REVIEW_DECIDED");
    }

    @Test
    void probationaryMembersSelfReviewAndVoteButCannotBeGraded() {
        String branch = withProbationary();
        int year = thisYear - 3;
        JsonNode review = open(branch, year);
        long id = review.get("review").get("id").asLong();
        List<String> full = fullOf(review);
        String probationary = client.members(branch, "PROBATIONARY").get(0);
        String voter = client.calls.account("rv-prob-" + probationary.toLowerCase(), "MEMBER", probationary);
        JsonNode self = client.ok(voter, "/api/v1/reviews/" + id + "/self-reviews", Map.of("text", "我是预备党员，认真学习党章。"));
        assertThat(participant(self, probationary).get("selfReview").asString()).contains("预备党员");
        client.ok("secretary", "/api/v1/reviews/" + id + "/voting", null);

        List<String> withProbationary = new ArrayList<>(full);
        withProbationary.add(probationary);
        Api.Response graded = client.post(voter, "/api/v1/reviews/" + id + "/ballots", grades(withProbationary, 0, 0));
        assertThat(graded.status()).as(graded.text()).isEqualTo(400);
        assertThat(graded.json().get("detail").asString()).contains("预备党员参加评议但不评定等次：" + probationary);

        JsonNode voted = client.ok(voter, "/api/v1/reviews/" + id + "/ballots", grades(full, 0, 0));
        assertThat(voted.get("review").get("onlineBallots").asInt()).isEqualTo(1);
        assertThat(participant(voted, probationary).get("voted").asBoolean()).isTrue();
        assertThat(participant(voted, probationary).get("tally").isNull()).isTrue();

        Api.Response decided = client.post("secretary", "/api/v1/reviews/" + id + "/decision", grades(withProbationary, 0, 0));
        assertThat(decided.status()).isEqualTo(400);
        assertThat(decided.json().get("detail").asString()).contains("预备党员参加评议但不评定等次");
        Api.Response missing = client.post("secretary", "/api/v1/reviews/" + id + "/decision", grades(full.subList(1, full.size()), 0, 0));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("尚未选定").contains(full.get(0));
        Map<String, Object> twice = grades(full, 0, 0);
        twice.put("unqualified", List.of(full.get(0)));
        Api.Response gradedTwice = client.post("secretary", "/api/v1/reviews/" + id + "/decision", twice);
        assertThat(gradedTwice.status()).isEqualTo(400);
        assertThat(gradedTwice.json().get("detail").asString()).contains("只能评定一个等次");
        JsonNode done = client.ok("secretary", "/api/v1/reviews/" + id + "/decision", grades(full, 0, 0));
        assertThat(participant(done, probationary).get("grade").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- the vote

    @Test
    void aVoterVotesOnceARetryWithTheSameKeyIsAnsweredAndTalliesEqualTheBallotsAndThePaperCount() {
        String branch = branches.get(0);
        JsonNode review = open(branch, thisYear - 4);
        long id = review.get("review").get("id").asLong();
        List<String> full = fullOf(review);
        String first = client.calls.account("rv-a-" + full.get(0).toLowerCase(), "MEMBER", full.get(0));
        String second = client.calls.account("rv-b-" + full.get(1).toLowerCase(), "MEMBER", full.get(1));
        Api.Response early = client.post(first, "/api/v1/reviews/" + id + "/ballots", grades(full, 1, 0));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("尚未开始投票");
        client.ok("secretary", "/api/v1/reviews/" + id + "/voting", null);

        Api.Response cast = client.post(first, "/api/v1/reviews/" + id + "/ballots", grades(full, 1, 1), "Idempotency-Key", "rv-ballot-1");
        assertThat(cast.status()).as(cast.text()).isEqualTo(201);
        Api.Response retry = client.post(first, "/api/v1/reviews/" + id + "/ballots", grades(full, 1, 1), "Idempotency-Key", "rv-ballot-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("review").get("onlineBallots").asInt()).isEqualTo(1);
        Api.Response again = client.post(first, "/api/v1/reviews/" + id + "/ballots", grades(full, 0, 0), "Idempotency-Key", "rv-ballot-2");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("只能投一次票");
        Api.Response secretary = client.post("secretary", "/api/v1/reviews/" + id + "/ballots", grades(full, 0, 0));
        assertThat(secretary.status()).isEqualTo(403);
        JsonNode seenByVoter = client.ok(second, "/api/v1/reviews/" + id + "/ballots", grades(full, 0, 0));
        // Until the decision a member sees who has voted, not the counts: comparing them around a ballot would tell its choices.
        assertThat(participant(seenByVoter, full.get(0)).get("tally").isNull()).isTrue();
        assertThat(participant(seenByVoter, full.get(0)).get("voted").asBoolean()).isTrue();

        // Paper: three ballots, the first member three 优秀, the second two 合格 and one 基本合格.
        List<Map<String, Object>> counts = List.of(Map.of("member", full.get(0), "excellent", 3),
                Map.of("member", full.get(1), "qualified", 2, "basicallyQualified", 1));
        JsonNode counted = client.ok("secretary", "/api/v1/reviews/" + id + "/tallies", Map.of("ballots", 3, "tallies", counts));
        assertThat(counted.get("review").get("onlineBallots").asInt()).isEqualTo(2);
        assertThat(counted.get("review").get("paperBallots").asInt()).isEqualTo(3);
        JsonNode a = participant(counted, full.get(0)).get("tally");
        assertThat(List.of(a.get("excellent").asInt(), a.get("qualified").asInt(), a.get("basicallyQualified").asInt(),
                a.get("unqualified").asInt())).containsExactly(4, 1, 0, 0);
        assertThat(participant(counted, full.get(0)).get("proposed").asString()).isEqualTo("EXCELLENT");
        JsonNode b = participant(counted, full.get(1)).get("tally");
        assertThat(List.of(b.get("excellent").asInt(), b.get("qualified").asInt(), b.get("basicallyQualified").asInt()))
                .containsExactly(0, 3, 2);
        // Every full member's votes add up to the ballots cast; the grades of one ballot are never shown with its voter.
        for (String code : full) {
            assertThat(participant(counted, code).get("tally").get("excellent").asInt() + participant(counted, code).get("tally")
                    .get("qualified").asInt() + participant(counted, code).get("tally").get("basicallyQualified").asInt()
                    + participant(counted, code).get("tally").get("unqualified").asInt()).as(code).isLessThanOrEqualTo(5);
        }
        assertThat(client.jdbc.sql("SELECT COUNT(*) FROM review_voter WHERE review_id = :r").param("r", id).query(Long.class).single())
                .isEqualTo(2);
        assertThat(counted.toString()).doesNotContain("rv-ballot-1");
        Api.Response tooMany = client.post("secretary", "/api/v1/reviews/" + id + "/tallies", Map.of("ballots", full.size() * 10,
                "tallies", List.of()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("不能超过参加评议的党员人数");
    }

    @Test
    void aDecidedReviewIsFrozen() {
        String branch = branches.get(1);
        JsonNode review = open(branch, thisYear - 5);
        long id = review.get("review").get("id").asLong();
        List<String> full = fullOf(review);
        client.ok("secretary", "/api/v1/reviews/" + id + "/voting", null);
        client.ok("secretary", "/api/v1/reviews/" + id + "/decision", grades(full, 0, 0));
        String member = client.calls.account("rv-frozen-" + full.get(0).toLowerCase(), "MEMBER", full.get(0));
        client.read(member, "/api/v1/reviews/" + id);
        Map<String, String> before = DatabaseDigest.of(dataSource);
        for (Api.Response refused : List.of(
                client.post("secretary", "/api/v1/reviews/" + id + "/decision", grades(full, 0, 0)),
                client.post("secretary", "/api/v1/reviews/" + id + "/voting", null),
                client.post("secretary", "/api/v1/reviews/" + id + "/tallies", Map.of("ballots", 1, "tallies", List.of())),
                client.post(member, "/api/v1/reviews/" + id + "/ballots", grades(full, 0, 0)),
                client.post(member, "/api/v1/reviews/" + id + "/self-reviews", Map.of("text", "补写的自评")),
                client.post(member, "/api/v1/reviews/" + id + "/peer-reviews", Map.of("about", full.get(1), "text", "补写的互评")))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).containsAnyOf("已作出评定", "冻结");
        }
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    // ---------------------------------------------------------------- the member's record

    @Test
    void theMemberRecordBesideTheVoteShowsAVisitRecordedForThatMember() {
        String branch = branches.get(0);
        JsonNode review = open(branch, thisYear);
        long id = review.get("review").get("id").asLong();
        String visitor = fullOf(review).get(0);
        long visitsBefore = participant(review, visitor).get("record").get("visits").asLong();
        String community = client.read("committee", "/api/v1/directory/pairings?organ=JG001").get("items").get(0).get("communityCode").asString();
        long household = client.read("committee", "/api/v1/households?community=" + community).get("items").get(0).get("id").asLong();
        client.ok("committee", "/api/v1/visits", Map.of("household", household, "member", visitor, "heard", "住户反映楼道照明",
                "problems", List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"))));
        JsonNode after = client.read("secretary", "/api/v1/reviews/" + id);
        JsonNode record = participant(after, visitor).get("record");
        assertThat(record.get("visits").asLong()).isEqualTo(visitsBefore + 1);
        assertThat(record.get("householdsVisited").asLong()).isPositive();
        assertThat(record.get("problemsHeard").asLong()).isPositive();
        assertThat(record.has("meetingsHeld")).isTrue();
        assertThat(record.has("serviceHours")).isTrue();
    }

    // ---------------------------------------------------------------- scope

    @Test
    void aPeerBranchsMemberCannotSeeTheReviewButItsOwnMembersSeeTalliesNotWhoVotedWhat() {
        JsonNode decided = decidedLastYear();
        long id = decided.get("id").asLong();
        String branch = decided.get("orgCode").asString();
        String peer = branches.stream().filter(b -> !b.equals(branch)).findFirst().orElseThrow();
        String own = client.calls.account("rv-own", "MEMBER", client.members(branch, "FULL").get(1));
        String neighbour = client.calls.account("rv-peer", "MEMBER", client.members(peer, "FULL").get(0));
        JsonNode seen = client.read(own, "/api/v1/reviews/" + id);
        assertThat(seen.get("participants").get(0).has("tally")).isTrue();
        assertThat(seen.toString()).doesNotContain("\"voter").doesNotContain("\"ballot\"");
        assertThat(client.get("secretary", "/api/v1/reviews/" + id).status()).isEqualTo(200);
        assertThat(client.get(neighbour, "/api/v1/reviews/" + id).status()).isEqualTo(403);
        assertThat(client.read(neighbour, "/api/v1/reviews?org=" + branch).get("total").asLong()).isZero();
        assertThat(client.get("community", "/api/v1/reviews/" + id).status()).isEqualTo(403);
        assertThat(client.read("community", "/api/v1/reviews").get("total").asLong()).isZero();
        // Another organ's secretary neither sees nor opens it.
        String other = client.calls.secretaryOf("JG002");
        assertThat(client.get(other, "/api/v1/reviews/" + id).status()).isEqualTo(403);
        assertThat(client.post(other, "/api/v1/reviews/" + id + "/voting", null).status()).isEqualTo(403);
        assertThat(client.post("member", "/api/v1/reviews", Map.of("org", branch, "year", thisYear)).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- input

    @Test
    void badInputGetsAChineseProblemAndChangesNothing() {
        JsonNode last = decidedLastYear();
        long decided = last.get("id").asLong();
        String branch = last.get("orgCode").asString();
        String group = client.jdbc.sql("SELECT MIN(code) FROM party_org WHERE kind = 'GROUP'").query(String.class).single();
        Map<String, String> before = DatabaseDigest.of(dataSource);
        record Case(String user, String path, Object body, int status, String detail) {
        }
        List<Case> cases = List.of(
                new Case("committee", "/api/v1/reviews", Map.of("org", branch), 400, "请填写评议年度"),
                new Case("committee", "/api/v1/reviews", Map.of("org", branch, "year", thisYear + 1), 400, "评议年度应在"),
                new Case("committee", "/api/v1/reviews", Map.of("year", thisYear), 400, "请指定党组织编码"),
                new Case("committee", "/api/v1/reviews", Map.of("org", "NO-SUCH-ORG", "year", thisYear), 404, "党组织不存在"),
                new Case("committee", "/api/v1/reviews", Map.of("org", branch, "year", thisYear - 1), 409, "每个党组织每年一次"),
                new Case("committee", "/api/v1/reviews", Map.of("org", group == null ? branch : group, "year", thisYear - 1),
                        group == null ? 409 : 400, group == null ? "每年一次" : "党小组不单独开展民主评议"),
                new Case("committee", "/api/v1/reviews", Map.of("org", branch, "year", "明年"), 400, ""),
                new Case("committee", "/api/v1/reviews/999999999", null, 404, "民主评议不存在"),
                new Case("committee", "/api/v1/reviews/" + decided + "/self-reviews", Map.of("member", "DY-NOBODY", "text", "x"), 409, "冻结"));
        for (Case c : cases) {
            Api.Response answer = c.path().endsWith("999999999") ? client.get(c.user(), c.path()) : client.post(c.user(), c.path(), c.body());
            assertThat(answer.status()).as(c + ": " + answer.text()).isEqualTo(c.status());
            assertThat(answer.contentType()).as(c.toString()).contains("problem+json");
            assertThat(answer.json().get("detail").asString()).as(c.toString()).contains(c.detail());
        }
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void theFiguresEqualTheDecidedReviewsAndTheirGradedMembersInTheList() {
        for (String user : List.of("committee", "secretary", "member", "community")) {
            JsonNode figures = client.read(user, "/api/v1/figures");
            JsonNode decided = client.read(user, "/api/v1/reviews?state=DECIDED&size=200");
            assertThat(figures.get("reviewsDecided").asLong()).as(user).isEqualTo(decided.get("total").asLong());
            long graded = 0;
            for (JsonNode row : decided.get("items")) {
                graded += row.get("graded").asLong();
            }
            if (decided.get("total").asLong() <= 200) {
                assertThat(figures.get("membersReviewed").asLong()).as(user).isEqualTo(graded);
            }
        }
        assertThat(client.read("committee", "/api/v1/figures").get("reviewsDecided").asLong()).isPositive();
    }

    @Test
    void theDemoDecidedLastYearsReviewForMostBranchesButNotAll() {
        long branchesWithMembers = client.jdbc.sql("""
                SELECT COUNT(*) FROM party_org p WHERE p.kind = 'BRANCH' AND EXISTS (SELECT 1 FROM member m WHERE m.party_org_id = p.id
                AND m.status = 'FULL')""").query(Long.class).single();
        long decided = client.jdbc.sql("SELECT COUNT(*) FROM review WHERE review_year = :y AND state = 'DECIDED'")
                .param("y", thisYear - 1).query(Long.class).single();
        assertThat(decided).isGreaterThan(branchesWithMembers / 2).isLessThanOrEqualTo(branchesWithMembers);
        // Within the cap everywhere, every full participant graded, the probationary ones not.
        assertThat(client.jdbc.sql("""
                SELECT COUNT(*) FROM review r WHERE r.state = 'DECIDED' AND 3 * (SELECT COUNT(*) FROM review_participant x
                WHERE x.review_id = r.id AND x.grade = 'EXCELLENT') > r.full_members""").query(Long.class).single()).isZero();
        assertThat(client.jdbc.sql("""
                SELECT COUNT(*) FROM review_participant x JOIN review r ON r.id = x.review_id WHERE r.state = 'DECIDED'
                AND (x.full_member AND x.grade IS NULL OR NOT x.full_member AND x.grade IS NOT NULL)""").query(Long.class).single()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode open(String branch, int year) {
        Api.Response opened = client.post("secretary", "/api/v1/reviews", Map.of("org", branch, "year", year),
                "Idempotency-Key", "rv-open-" + branch + "-" + year);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        Api.Response replayed = client.post("secretary", "/api/v1/reviews", Map.of("org", branch, "year", year),
                "Idempotency-Key", "rv-open-" + branch + "-" + year);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("review").get("id").asLong()).isEqualTo(opened.json().get("review").get("id").asLong());
        JsonNode review = opened.json();
        assertThat(review.get("review").get("state").asString()).isEqualTo("OPEN");
        List<String> roll = new ArrayList<>(client.members(branch, "FULL"));
        roll.addAll(client.members(branch, "PROBATIONARY"));
        assertThat(review.get("participants")).hasSize(roll.size());
        return review;
    }

    /** A review of a branch of JG001 the demo decided last year. */
    private JsonNode decidedLastYear() {
        for (JsonNode row : client.read("secretary", "/api/v1/reviews?state=DECIDED&size=200&year=" + (thisYear - 1)).get("items")) {
            if (branches.contains(row.get("orgCode").asString())) {
                return row;
            }
        }
        throw new AssertionError("the demo decided no review of a branch of JG001 last year");
    }

    private String withProbationary() {
        return branches.stream().filter(b -> !client.members(b, "PROBATIONARY").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no branch of JG001 with a probationary member"));
    }

    private static List<String> fullOf(JsonNode review) {
        List<String> full = new ArrayList<>();
        review.get("participants").forEach(p -> {
            if (p.get("full").asBoolean()) {
                full.add(p.get("code").asString());
            }
        });
        return full;
    }

    private static JsonNode participant(JsonNode review, String code) {
        for (JsonNode p : review.get("participants")) {
            if (p.get("code").asString().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no participant " + code);
    }

    private static List<String> types(JsonNode review) {
        List<String> types = new ArrayList<>();
        review.get("events").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    /** The first {@code excellent} members 优秀, the next {@code basic} 基本合格, the rest 合格. */
    private static Map<String, Object> grades(List<String> members, int excellent, int basic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("excellent", members.subList(0, excellent));
        body.put("basicallyQualified", members.subList(excellent, excellent + basic));
        body.put("qualified", members.subList(excellent + basic, members.size()));
        return body;
    }
}
