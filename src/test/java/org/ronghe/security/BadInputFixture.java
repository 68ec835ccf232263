package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.security.BadInputTests.Field.of;
import static org.ronghe.security.BadInputTests.Field.text;
import static org.ronghe.security.BadInputTests.Kind.BOOL;
import static org.ronghe.security.BadInputTests.Kind.CODE;
import static org.ronghe.security.BadInputTests.Kind.CODES;
import static org.ronghe.security.BadInputTests.Kind.ENUM;
import static org.ronghe.security.BadInputTests.Kind.INSTANT;
import static org.ronghe.security.BadInputTests.Kind.NUMBER;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.calls.CallsClient;
import org.ronghe.security.BadInputTests.Field;
import org.ronghe.security.BadInputTests.Operation;
import org.ronghe.security.BadInputTests.Read;
import org.ronghe.security.BadInputTests.Write;
import org.ronghe.support.Api;
import org.springframework.http.HttpMethod;

/**
 * The records the bad-input properties aim at: one call in each state a step can meet, a directive, an
 * Open311 client; every user signed in. Made once, before the first snapshot, so the properties
 * themselves must write nothing.
 */
record BadInputFixture(Map<String, Long> calls, long directive, long open311Client, String open311Key,
                       List<String> stepUsers, List<Write> writes, List<Operation> operationsWithAnId) {

    static final String SUMMONED = "sec-jg002";

    static final List<Read> READS = List.of(
            new Read("/api/v1/directory/streets", List.of("q", "page", "size")),
            new Read("/api/v1/directory/communities", List.of("q", "street", "paired", "page", "size")),
            new Read("/api/v1/directory/grids", List.of("q", "community", "street", "page", "size")),
            new Read("/api/v1/directory/organs", List.of("q", "category", "page", "size")),
            new Read("/api/v1/directory/party-orgs", List.of("q", "organ", "kind", "grassroots", "page", "size")),
            new Read("/api/v1/directory/members", List.of("q", "organ", "partyOrg", "community", "street", "status",
                    "position", "partyAffairsRole", "cadre", "page", "size")),
            new Read("/api/v1/directory/leaders", List.of("q", "page", "size")),
            new Read("/api/v1/directory/liaisons", List.of("street", "leader", "includeEnded", "page", "size")),
            new Read("/api/v1/directory/pairings", List.of("organ", "community", "street", "includeEnded", "page", "size")),
            new Read("/api/v1/directory/search", List.of("q")),
            new Read("/api/v1/directory/findings", List.of("organ")),
            new Read("/api/v1/directory/categories", List.of("q")),
            new Read("/api/v1/figures", List.of("street")),
            new Read("/api/v1/calls", List.of("state", "organ", "lead", "street", "community", "category", "origin", "overdue",
                    "queue", "open", "q", "from", "to", "rating", "solved", "urgency", "repliedOn", "page", "size")),
            new Read("/api/v1/calls/metrics", List.of("groupBy", "from", "to")),
            new Read("/api/v1/directives", List.of("page", "size")),
            new Read("/api/v1/accounts", List.of("q", "role", "page", "size")),
            new Read("/api/v1/audit", List.of("actor", "action", "subject", "key", "from", "to", "page", "size")),
            new Read("/api/v1/open311/clients", List.of("q")),
            // visits.service
            new Read("/api/v1/checkins", List.of("state", "community", "organ", "member", "page", "size")),
            new Read("/api/v1/service-items", List.of("state", "kind", "community", "page", "size")),
            new Read("/api/v1/service-logs", List.of("state", "member", "community", "organ", "from", "to", "page", "size")),
            new Read("/api/v1/service-feedback", List.of("organ", "quarter")),
            // visits.evaluation
            new Read("/api/v1/evaluations", List.of("period", "organ", "community", "grade", "page", "size")),
            // visits
            new Read("/api/v1/households", List.of("community", "q", "visited", "followedUp", "mine", "page", "size")),
            new Read("/api/v1/visits", List.of("campaign", "community", "organ", "partyOrg", "member", "household", "first", "from", "to",
                    "page", "size")),
            new Read("/api/v1/visits/problems", List.of("campaign", "community", "organ", "partyOrg", "member", "household", "state",
                    "resolved", "page", "size")),
            new Read("/api/v1/visits/coverage", List.of("campaign", "by", "page", "size")),
            new Read("/api/v1/campaigns", List.of()),
            // partylife
            new Read("/api/v1/meetings", List.of("org", "kind", "from", "to", "firstItemStudy", "organ", "page", "size")),
            new Read("/api/v1/meetings/decisions", List.of("org", "delivered", "organ", "page", "size")),
            new Read("/api/v1/compliance", List.of("org", "organ", "year")),
            new Read("/api/v1/compliance/reminders", List.of("org", "page", "size")),
            new Read("/api/v1/compliance/rules", List.of()),
            // insight
            new Read("/api/v1/diagnosis", List.of("year", "organ")),
            new Read("/api/v1/reports/annual", List.of("year")),
            // partylife responsibilities
            new Read("/api/v1/responsibilities", List.of("organ", "year", "state", "page", "size")),
            new Read("/api/v1/responsibilities/items", List.of("organ", "year", "status", "page", "size")),
            new Read("/api/v1/responsibilities/duty-reports", List.of("organ", "year", "page", "size")),
            // partylife commitments
            new Read("/api/v1/commitments", List.of("org", "organ", "member", "q", "year", "measurable", "fulfilled", "page", "size")),
            new Read("/api/v1/commitments/cards/DY000001", List.of("year")),
            // partylife reviews
            new Read("/api/v1/reviews", List.of("org", "year", "state", "q", "organ", "page", "size")),
            // assessment
            new Read("/api/v1/assessments", List.of("year", "page", "size")),
            new Read("/api/v1/schemes", List.of("year", "page", "size")),
            // insight: the command dashboard
            new Read("/api/v1/dashboard/today", List.of()),
            new Read("/api/v1/dashboard/overdue-by-organ", List.of("limit")),
            new Read("/api/v1/dashboard/communities", List.of("measure")),
            new Read("/api/v1/dashboard/rankings", List.of("year")),
            new Read("/api/v1/dashboard/trends", List.of("days", "year")),
            // network
            new Read("/api/v1/service-centres", List.of("level", "street", "community", "state", "q", "page", "size")),
            new Read("/api/v1/temporary-points", List.of("kind", "street", "community", "activeOn", "emergency", "q", "page", "size")),
            // emergency
            new Read("/api/v1/emergencies", List.of("state", "page", "size")),
            new Read("/api/v1/emergencies/temporary-branches", List.of("emergency", "founded", "page", "size")),
            new Read("/api/v1/emergencies/teams", List.of("emergency", "kind", "page", "size")),
            new Read("/api/v1/emergencies/mobilised-members", List.of("page", "size")),
            new Read("/api/v1/emergencies/my-call-ups", List.of()),
            // BAD-E1 is the first emergency declared in the fixture's fresh schema: id 1 (another id would be a 404, refused as well)
            new Read("/api/v1/emergencies/1/needs", List.of("community", "kind", "open", "overdue", "unrouted", "page", "size")),
            new Read("/api/v1/emergencies/stationed-cadres", List.of("page", "size")),
            new Read("/api/v1/emergencies/covered-communities", List.of("page", "size")),
            new Read("/api/v1/member-skills", List.of("skill", "member", "withdrawn", "page", "size")));

    static BadInputFixture create(CallsClient calls, Api api) {
        String summoned = calls.secretaryOf("JG002");
        assertThat(summoned).isEqualTo(SUMMONED);
        Instant later = Instant.now().plus(Duration.ofDays(60));

        Map<String, Long> targets = new LinkedHashMap<>();
        targets.put("dispatched", calls.raiseId("community", "ELDERLY", "待签收的养老诉求"));
        long accepted = calls.raiseId("community", "ELDERLY", "已签收的养老诉求");
        calls.ok("secretary", accepted, "accept", null);
        targets.put("accepted", accepted);
        long replied = calls.raiseId("community", "ELDERLY", "已答复的养老诉求");
        calls.ok("secretary", replied, "accept", null);
        calls.ok("secretary", replied, "reply", Map.of("text", "已上门处理"));
        targets.put("replied", replied);
        long closed = calls.raiseId("community", "ELDERLY", "不满意后关闭的养老诉求");
        calls.ok("secretary", closed, "accept", null);
        calls.ok("secretary", closed, "reply", Map.of("text", "已上门处理"));
        calls.ok("community", closed, "rate", Map.of("rating", "UNSATISFIED", "solved", false));
        targets.put("closed", closed);
        long extension = calls.raiseId("community", "ELDERLY", "申请延期的养老诉求");
        calls.ok("secretary", extension, "accept", null);
        calls.ok("secretary", extension, "extend", Map.of("until", later.toString(), "reason", "需要协调"));
        targets.put("extension", extension);
        long whistled = calls.raiseId("community", "ELDERLY", "已吹哨的养老诉求");
        calls.ok("secretary", whistled, "accept", null);
        calls.ok("street", whistled, "whistle", Map.of("organs", List.of("JG002")));
        targets.put("whistled", whistled);
        long queued = calls.raiseId("committee", "NOISE", "排队中的噪音诉求", "community", "440103002001");
        targets.put("queued", queued);

        Api.Response issued = calls.post("committee", "/api/v1/directives", Map.of("title", "入户走访", "body", "本周内完成",
                "deadline", Instant.now().plus(Duration.ofDays(3)).toString(), "audience", "CHOSEN",
                "communities", List.of("440103001001")));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        long directive = issued.json().get("id").asLong();

        Api.Response client = calls.post("admin", "/api/v1/open311/clients", Map.of("name", "居民小程序", "community", "440103001001"));
        assertThat(client.status()).as(client.text()).isEqualTo(201);

        for (String user : BadInputTests.USERS) {
            api.token(user);
        }
        api.token(SUMMONED);

        // visits.service: a check-in waiting for the community, an open item, a logged service to confirm
        Service service = Service.create(calls, api);

        String call = "/api/v1/calls/";
        List<Write> writes = new java.util.ArrayList<>(List.of(
                new Write("raise a call", "community", "/api/v1/calls", body("title", "路灯不亮", "description", "小区门口路灯不亮",
                        "category", "MUNICIPAL", "urgency", "NORMAL", "community", "440103001001", "address", "仁涌社区 3 栋",
                        "latitude", 23.1, "longitude", 113.2, "contactName", "李女士", "contactPhone", "13800138000"),
                        List.of(text("title", 200, true), text("description", 4000, false), of("category", CODE, true),
                                of("urgency", ENUM, false), of("origin", ENUM, false), of("community", CODE, false),
                                of("grid", CODE, false), text("address", 300, false), of("latitude", NUMBER, false),
                                of("longitude", NUMBER, false), text("contactName", 50, false), text("contactPhone", 20, false)), true),
                new Write("dispatch", "committee", call + queued + "/dispatch", body("lead", "JG002", "coHandlers", List.of("JG003")),
                        List.of(of("lead", CODE, true), of("coHandlers", CODES, false)), true),
                new Write("return", "secretary", call + targets.get("dispatched") + "/return", body("reason", "不属于本单位职责"),
                        List.of(text("reason", 2000, true)), true),
                new Write("reply", "secretary", call + accepted + "/reply", body("text", "已处理完毕"),
                        List.of(text("text", 4000, true)), true),
                new Write("rate", "community", call + replied + "/rate", body("rating", "SATISFIED", "solved", true, "comment", "很好"),
                        List.of(of("rating", ENUM, true), of("solved", BOOL, false), text("comment", 1000, false)), true),
                new Write("reopen", "community", call + closed + "/reopen", body("reason", "仍未解决"),
                        List.of(text("reason", 2000, false)), false),
                new Write("request an extension", "secretary", call + accepted + "/extend",
                        body("until", later.toString(), "reason", "需要多部门协调"),
                        List.of(of("until", INSTANT, true), text("reason", 500, true)), true),
                new Write("decide an extension", "committee", call + extension + "/extend", body("approve", true),
                        List.of(of("approve", BOOL, false)), true),
                new Write("whistle", "street", call + accepted + "/whistle", body("organs", List.of("JG003")),
                        List.of(of("organs", CODES, true)), true),
                new Write("issue a directive", "committee", "/api/v1/directives", body("title", "防汛检查", "body", "检查排水设施",
                        "deadline", Instant.now().plus(Duration.ofDays(5)).toString(), "audience", "CHOSEN",
                        "organs", List.of("JG001"), "streets", List.of("440103001"), "communities", List.of("440103001001")),
                        List.of(text("title", 200, true), text("body", 4000, false), of("deadline", INSTANT, true),
                                of("audience", ENUM, true), of("organs", CODES, false), of("streets", CODES, false),
                                of("communities", CODES, false)), true),
                new Write("answer a directive", "community", "/api/v1/directives/" + directive + "/replies",
                        body("action", "COMPLETE", "report", "已走访 30 户"),
                        List.of(of("action", ENUM, false), text("report", 2000, true)), true),
                new Write("create an account", "admin", "/api/v1/accounts", body("username", "new-secretary",
                        "displayName", "新书记", "role", "ORGAN_SECRETARY", "scopeCode", "JG002", "password", "Valid#Pass9"),
                        List.of(of("username", CODE, true), text("displayName", 100, true), of("role", ENUM, true),
                                of("scopeCode", CODE, true), text("password", 72, true)), true),
                new Write("reset a password", "admin", "/api/v1/accounts/leader/password", body("password", "Valid#Pass9"),
                        List.of(text("password", 72, true)), true),
                new Write("register an Open311 client", "admin", "/api/v1/open311/clients",
                        body("name", "街坊通", "community", "440103001001"),
                        List.of(text("name", 100, true), of("community", CODE, false)), true)));
        writes.addAll(service.writes());

        long anyCall = targets.get("accepted");
        List<Operation> withId = new java.util.ArrayList<>(service.operations());
        withId.addAll(List.of(
                new Operation(HttpMethod.GET, "/api/v1/calls/{id}", String.valueOf(anyCall), null, false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/dispatch", String.valueOf(queued), Map.of("lead", "JG002"), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/accept", String.valueOf(targets.get("dispatched")), null, false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/return", String.valueOf(targets.get("dispatched")),
                        Map.of("reason", "不属于本单位职责"), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/reply", String.valueOf(accepted), Map.of("text", "已处理"), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/rate", String.valueOf(replied), Map.of("rating", "SATISFIED"), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/reopen", String.valueOf(closed), Map.of("reason", "未解决"), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/extend", String.valueOf(extension), Map.of("approve", true), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/whistle", String.valueOf(accepted), Map.of("organs", List.of("JG003")), false),
                new Operation(HttpMethod.POST, "/api/v1/calls/{id}/checkin", String.valueOf(whistled), null, false),
                new Operation(HttpMethod.GET, "/api/v1/directives/{id}", String.valueOf(directive), null, false),
                new Operation(HttpMethod.POST, "/api/v1/directives/{id}/replies", String.valueOf(directive),
                        Map.of("action", "ACKNOWLEDGE"), false),
                new Operation(HttpMethod.GET, "/api/v1/directory/streets/{id}", "440103001", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/communities/{id}", "440103001001", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/organs/{id}", "JG001", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/party-orgs/{id}", "JG001-001", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/members/{id}", "DY000001", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/leaders/{id}", "LD01", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/exports/{id}.xlsx", "members", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/templates/{id}.xlsx", "members", null, false),
                new Operation(HttpMethod.GET, "/api/v1/directory/templates/{id}.csv", "members", null, false),
                new Operation(HttpMethod.POST, "/api/v1/directory/imports/{id}", "members", null, true),
                new Operation(HttpMethod.POST, "/api/v1/accounts/{id}/unlock", "leader", null, false),
                new Operation(HttpMethod.POST, "/api/v1/accounts/{id}/disable", "leader", null, false),
                new Operation(HttpMethod.POST, "/api/v1/accounts/{id}/enable", "leader", null, false),
                new Operation(HttpMethod.POST, "/api/v1/accounts/{id}/password", "leader", Map.of("password", "Valid#Pass9"), false),
                new Operation(HttpMethod.POST, "/api/v1/open311/clients/{id}/disable",
                        String.valueOf(client.json().get("id").asLong()), null, false),
                new Operation(HttpMethod.POST, "/api/v1/open311/clients/{id}/enable",
                        String.valueOf(client.json().get("id").asLong()), null, false)));

        // visits.evaluation: a rating of the paired organ in this year's open period (the demo's), a new period, an
        // organ's results, closing this year's period
        String period = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
        writes = new java.util.ArrayList<>(writes);
        writes.add(new Write("rate a paired organ", "community", "/api/v1/evaluations", body("period", period, "organ", "JG001",
                "grade", "FAIRLY_SATISFIED", "remarks", "结对共建扎实"),
                List.of(of("period", CODE, true), of("organ", CODE, true), of("community", CODE, false), of("grade", ENUM, true),
                        text("remarks", 1000, false)), true));
        writes.add(new Write("open an evaluation period", "committee", "/api/v1/evaluations/periods", body("code", "2035",
                "name", "2035 年度基层评议", "startsOn", "2035-01-01", "endsOn", "2035-12-31", "ratingClosesOn", "2036-01-31"),
                List.of(of("code", CODE, true), text("name", 100, false), of("startsOn", INSTANT, true), of("endsOn", INSTANT, true),
                        of("ratingClosesOn", INSTANT, true)), true));
        withId = new java.util.ArrayList<>(withId);
        withId.add(new Operation(HttpMethod.GET, "/api/v1/evaluations/organs/{id}", "JG001", null, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/evaluations/periods/{id}/close", period, null, false));

        // visits: a campaign, a household of the member's organ's paired communities, the member's visit with a problem
        java.time.LocalDate today = java.time.LocalDate.now(CallsClient.SHANGHAI);
        Api.Response campaign = calls.post("committee", "/api/v1/campaigns", body("name", "入户走访", "startsOn", today.minusDays(5).toString(),
                "endsOn", today.plusDays(30).toString(), "targetPerVisitor", 2));
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(201);
        String campaignId = String.valueOf(campaign.json().get("id").asLong());
        String paired = api.get("committee", "/api/v1/directory/pairings?organ=JG001").json().get("items").get(0).get("communityCode").asString();
        long household = api.get("committee", "/api/v1/households?community=" + paired).json().get("items").get(0).get("id").asLong();
        Api.Response visit = calls.post("member", "/api/v1/visits", body("household", household, "heard", "住户反映楼道照明",
                "problems", List.of(Map.of("summary", "楼道照明损坏", "category", "MUNICIPAL"))));
        assertThat(visit.status()).as(visit.text()).isEqualTo(201);
        writes.add(new Write("record a visit", "member", "/api/v1/visits", body("household", household, "heard", "住户反映路面积水"),
                List.of(text("heard", 2000, false)), true));
        writes.add(new Write("open a visit campaign", "committee", "/api/v1/campaigns", body("name", "冬季走访", "kind", "PAIRING",
                "startsOn", today.toString(), "endsOn", today.plusDays(60).toString(), "targetPerVisitor", 3, "organs", List.of("JG001")),
                List.of(text("name", 100, true), of("kind", ENUM, false), of("startsOn", INSTANT, true), of("endsOn", INSTANT, true),
                        of("organs", CODES, false)), true));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/households/{id}", String.valueOf(household), null, false));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/visits/{id}", String.valueOf(visit.json().get("visit").get("id").asLong()), null, false));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/campaigns/{id}", campaignId, null, false));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/campaigns/{id}/assignments", campaignId, null, false));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/campaigns/{id}/coverage", campaignId, null, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/visits/problems/{id}/follow-up",
                String.valueOf(visit.json().get("problems").get(0).get("id").asLong()), Map.of("note", "回访", "satisfied", true), false));

        // partylife: a meeting of a branch of JG001 recorded by the committee; recording another, changing a rule
        String branch = api.get("committee", "/api/v1/directory/party-orgs?organ=JG001&kind=BRANCH&size=200").json().get("items")
                .get(0).get("code").asString();
        String chair = api.get("committee", "/api/v1/directory/members?partyOrg=" + branch + "&size=200").json().get("items")
                .get(0).get("code").asString();
        String held = today.minusDays(3).toString();
        Map<String, Object> meeting = body("org", branch, "kind", "THEMED_DAY", "heldOn", held, "place", "机关会议室", "chair", chair,
                "firstItemStudy", true, "studyTopic", "学习党章", "present", List.of(chair), "excused", List.of(),
                "minutes", "会议记录", "decisions", List.of("开展志愿服务"));
        Api.Response recorded = calls.post("committee", "/api/v1/meetings", meeting);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        writes.add(new Write("record a meeting", "committee", "/api/v1/meetings", meeting,
                List.of(of("org", CODE, true), of("kind", ENUM, true), of("heldOn", INSTANT, true), text("place", 200, true),
                        of("chair", CODE, true), of("firstItemStudy", BOOL, false), text("studyTopic", 500, false),
                        of("present", CODES, false), of("excused", CODES, false), text("minutes", 10000, false)), true));
        writes.add(new Write("change a meeting rule", "committee", "/api/v1/compliance/rules", body("orgKind", "BRANCH",
                "kind", "LECTURE", "cadence", "QUARTERLY", "active", true),
                List.of(of("orgKind", ENUM, true), of("kind", ENUM, true), of("cadence", ENUM, true), of("active", BOOL, false),
                        of("secretaryYearly", BOOL, false)), true));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/meetings/{id}",
                String.valueOf(recorded.json().get("meeting").get("id").asLong()), null, false));
        // partylife decisions: the meeting's decision raised as a call (valid once; every hostile body refused, nothing raised)
        long meetingId = recorded.json().get("meeting").get("id").asLong();
        writes.add(new Write("raise a decision as a call", "committee", "/api/v1/meetings/" + meetingId + "/decisions/1/call",
                body("category", "ELDERLY", "community", "440103001001", "title", "会议决定的诉求"),
                List.of(of("category", CODE, true), of("community", CODE, true), text("title", 200, false)), true));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/meetings/{id}/decisions/1/call", String.valueOf(meetingId),
                Map.of("category", "ELDERLY", "community", "440103001001"), false));
        // partylife decision tasks: a decision of a second meeting given as a task, one of a third reported done
        String due = today.plusDays(7).toString();
        long taskMeeting = calls.post("committee", "/api/v1/meetings", meeting).json().get("meeting").get("id").asLong();
        writes.add(new Write("give a decision as a task", "committee", "/api/v1/meetings/" + taskMeeting + "/decisions/1/task",
                body("owner", chair, "dueOn", due), List.of(of("owner", CODE, true), of("dueOn", INSTANT, true)), true));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/meetings/{id}/decisions/1/task", String.valueOf(taskMeeting),
                Map.of("owner", chair, "dueOn", due), false));
        long directiveMeeting = calls.post("committee", "/api/v1/meetings", meeting).json().get("meeting").get("id").asLong();
        writes.add(new Write("issue a decision as a directive", "committee",
                "/api/v1/meetings/" + directiveMeeting + "/decisions/1/directive", body("organs", List.of("JG001"), "deadline", due),
                List.of(of("organs", CODES, false), of("deadline", INSTANT, true)), true));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/meetings/{id}/decisions/1/directive", String.valueOf(directiveMeeting),
                Map.of("organs", List.of("JG001"), "deadline", due), false));
        Map<String, Object> withTask = new LinkedHashMap<>(meeting);
        withTask.put("decisions", List.of(Map.of("text", "整理支部台账", "task", Map.of("owner", chair, "dueOn", due))));
        Api.Response tasked = calls.post("committee", "/api/v1/meetings", withTask);
        assertThat(tasked.status()).as(tasked.text()).isEqualTo(201);
        long reportMeeting = tasked.json().get("meeting").get("id").asLong();
        writes.add(new Write("report a task delivered", "committee", "/api/v1/meetings/" + reportMeeting + "/decisions/1/report",
                body("report", "台账已整理完毕"), List.of(text("report", 1000, true)), true));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/meetings/{id}/decisions/1/report", String.valueOf(reportMeeting),
                Map.of("report", "台账已整理完毕"), false));
        // partylife ledgers: the branch's year, with a hostile organisation or a hostile year, as JSON and as files
        String ledgerYear = String.valueOf(today.getYear());
        for (String suffix : List.of("", ".xlsx", ".docx")) {
            withId.add(new Operation(HttpMethod.GET, "/api/v1/ledgers/{id}/" + ledgerYear + suffix, branch, null, false));
            withId.add(new Operation(HttpMethod.GET, "/api/v1/ledgers/" + branch + "/{id}" + suffix, ledgerYear, null, false));
        }

        Responsibility responsibility = Responsibility.create(calls, api, meetingId);
        writes.addAll(responsibility.writes());
        withId.addAll(responsibility.operations());
        // emergency
        Emergency emergency = Emergency.create(calls);
        writes.addAll(emergency.writes());
        withId.addAll(emergency.operations());

        // partylife commitments: DY000001's card with a commitment to withdraw; publishing (or revising) a card
        int year = today.getYear();
        Map<String, Object> card = body("member", "DY000001", "year", year, "duties", List.of("按时参加组织生活"),
                "commitments", List.of(Map.of("text", "走访结对社区住户", "target", "HOUSEHOLDS_VISITED", "count", 5)));
        Api.Response published = calls.post("committee", "/api/v1/commitments", card);
        assertThat(published.status()).as(published.text()).isBetween(200, 201);
        long commitment = published.json().get("commitments").get(0).get("id").asLong();
        writes.add(new Write("publish a commitment card", "committee", "/api/v1/commitments", card,
                List.of(of("member", CODE, true), of("year", NUMBER, false)), true));
        writes.add(new Write("withdraw a commitment", "committee", "/api/v1/commitments/" + commitment + "/withdraw",
                body("reason", "调整工作岗位"), List.of(text("reason", 500, true)), true));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/commitments/cards/{id}", "DY000001", null, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/commitments/{id}/withdraw", String.valueOf(commitment),
                Map.of("reason", "调整工作岗位"), false));

        // partylife reviews: this year's review of the demo member's branch, voting; each write valid as it stands
        Reviews reviews = Reviews.create(calls, api);
        writes.addAll(reviews.writes());
        withId.addAll(reviews.operations());

        // assessment: last year's run and its scheme; each write valid as it stands
        Assessments assessments = Assessments.create(calls, api);
        writes.addAll(assessments.writes());
        withId.addAll(assessments.operations());

        // network: a station and a sampling point of the community account's community, each write valid as it stands
        Map<String, Object> centre = body("code", "BI-SC-1", "name", "仁涌党群服务驿站", "level", "STATION", "community", "440103001001",
                "address", "仁涌路 8 号", "latitude", 23.11, "longitude", 113.24, "openingHours", "周一至周五 9:00-17:30");
        Api.Response opened = calls.post("committee", "/api/v1/service-centres", centre);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String centreId = String.valueOf(opened.json().get("centre").get("id").asLong());
        Map<String, Object> point = body("code", "BI-TP-1", "name", "仁涌核酸采样点", "kind", "SAMPLING", "community", "440103001001",
                "address", "仁涌社区广场", "latitude", 23.11, "longitude", 113.24, "startsOn", today.toString(),
                "endsOn", today.plusDays(10).toString(), "emergency", "YJ2025001");
        Api.Response pointOpened = calls.post("committee", "/api/v1/temporary-points", point);
        assertThat(pointOpened.status()).as(pointOpened.text()).isEqualTo(201);
        String pointId = String.valueOf(pointOpened.json().get("point").get("id").asLong());
        List<Field> centreFields = List.of(text("name", 100, true), of("level", ENUM, true), of("community", CODE, true),
                text("address", 200, true), of("latitude", NUMBER, false), of("longitude", NUMBER, false), text("openingHours", 100, false));
        List<Field> pointFields = List.of(text("name", 100, true), of("kind", ENUM, true), of("community", CODE, true),
                text("address", 200, true), of("latitude", NUMBER, false), of("longitude", NUMBER, false), of("startsOn", INSTANT, true),
                of("endsOn", INSTANT, false), of("emergency", CODE, false));
        Map<String, Object> newCentre = new LinkedHashMap<>(centre);
        newCentre.put("code", "BI-SC-2");
        writes.add(new Write("open a service centre", "community", "/api/v1/service-centres", newCentre,
                java.util.stream.Stream.concat(centreFields.stream(), java.util.stream.Stream.of(of("code", CODE, true))).toList(), true));
        writes.add(new Write("revise a service centre", "community", "/api/v1/service-centres/" + centreId + "/update", centre,
                centreFields, true));
        Map<String, Object> newPoint = new LinkedHashMap<>(point);
        newPoint.put("code", "BI-TP-2");
        writes.add(new Write("open a temporary point", "street", "/api/v1/temporary-points", newPoint,
                java.util.stream.Stream.concat(pointFields.stream(), java.util.stream.Stream.of(of("code", CODE, true))).toList(), true));
        writes.add(new Write("revise a temporary point", "street", "/api/v1/temporary-points/" + pointId + "/update", point,
                pointFields, true));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/service-centres/{id}", centreId, null, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/service-centres/{id}/update", centreId, centre, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/service-centres/{id}/close", centreId, Map.of("reason", "场地收回"), false));
        withId.add(new Operation(HttpMethod.GET, "/api/v1/temporary-points/{id}", pointId, null, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/temporary-points/{id}/update", pointId, point, false));
        withId.add(new Operation(HttpMethod.POST, "/api/v1/temporary-points/{id}/close", pointId, null, false));

        List<String> stepUsers = List.of("admin", "committee", "secretary", "member", "street", "community", "leader", SUMMONED);
        return new BadInputFixture(Map.copyOf(targets), directive, client.json().get("id").asLong(),
                client.json().get("apiKey").asString(), stepUsers, List.copyOf(writes), List.copyOf(withId));
    }

    // visits.service
    /** A check-in waiting at the community account's community; an open item and a logged service at the demo member's. */
    record Service(String staff, long checkIn, long item, long log) {

        static Service create(CallsClient calls, Api api) {
            // The demo member works through the community they live in: checked in (recorded by the committee if need be).
            Api.Response recorded = calls.post("committee", "/api/v1/checkins", Map.of("member", "DY000001"));
            assertThat(recorded.status()).as(recorded.text()).isIn(201, 409);
            tools.jackson.databind.JsonNode own = api.get("committee", "/api/v1/checkins?member=DY000001&size=200").json()
                    .get("items").get(0);
            if (own.get("state").asString().equals("REPORTED")) {
                assertThat(calls.post("committee", "/api/v1/checkins/" + own.get("id").asLong() + "/confirm", null).status())
                        .isEqualTo(200);
            }
            String staff = calls.account("bad-svc-staff", "COMMUNITY_STAFF", own.get("communityCode").asString());
            Api.Response published = calls.post(staff, "/api/v1/service-items", Map.of("kind", "POST", "title", "社区值班岗"));
            assertThat(published.status()).as(published.text()).isEqualTo(201);
            long item = published.json().get("id").asLong();
            Api.Response logged = calls.post("member", "/api/v1/service-logs", Map.of("date", java.time.LocalDate.now().minusDays(1)
                    .toString(), "hours", 1.5, "note", "社区值班"));
            assertThat(logged.status()).as(logged.text()).isEqualTo(201);
            // A newcomer of the community account's community reports and waits.
            java.util.Set<String> reportedBefore = new java.util.HashSet<>();
            api.get("committee", "/api/v1/checkins?community=440103001001&size=200").json().get("items")
                    .forEach(c -> reportedBefore.add(c.get("memberCode").asString()));
            String code = null;
            for (tools.jackson.databind.JsonNode m : api.get("committee", "/api/v1/directory/members?community=440103001001&size=200")
                    .json().get("items")) {
                if (code == null && !reportedBefore.contains(m.get("code").asString())) {
                    code = m.get("code").asString();
                }
            }
            String newcomer = calls.account("bad-svc-member", "MEMBER", code);
            Api.Response reported = calls.post(newcomer, "/api/v1/checkins", Map.of());
            assertThat(reported.status()).as(reported.text()).isEqualTo(201);
            api.token(staff);
            return new Service(staff, reported.json().get("id").asLong(), item, logged.json().get("id").asLong());
        }

        List<Write> writes() {
            String unreported = "DY000002";
            return List.of(
                    new Write("record a check-in", "committee", "/api/v1/checkins", body("member", unreported),
                            List.of(of("member", CODE, true)), true),
                    new Write("decline a check-in", "community", "/api/v1/checkins/" + checkIn + "/decline", body("reason", "不在本社区居住"),
                            List.of(text("reason", 500, true)), true),
                    new Write("publish a service item", "community", "/api/v1/service-items", body("kind", "WISH",
                            "title", "为独居老人送餐", "description", "每周三次", "plannedHours", 2, "dueOn",
                            java.time.LocalDate.now().plusDays(20).toString(), "community", "440103001001"),
                            List.of(of("kind", ENUM, true), text("title", 200, true), text("description", 2000, false),
                                    of("plannedHours", NUMBER, false), of("dueOn", INSTANT, false), of("community", CODE, false)), true),
                    new Write("withdraw a service item", staff, "/api/v1/service-items/" + item + "/withdraw",
                            body("reason", "需求已解决"), List.of(text("reason", 500, true)), true),
                    new Write("log service", "member", "/api/v1/service-logs", body("date", java.time.LocalDate.now().toString(),
                            "hours", 2, "note", "社区值班"), List.of(of("date", INSTANT, true), of("hours", NUMBER, true),
                            of("item", NUMBER, false), text("note", 1000, false)), true),
                    new Write("confirm service", staff, "/api/v1/service-logs/" + log + "/confirm", body("remark", "认真负责"),
                            List.of(text("remark", 500, false)), false),
                    new Write("reject service", staff, "/api/v1/service-logs/" + log + "/reject", body("reason", "未见记录"),
                            List.of(text("reason", 500, true)), true));
        }

        List<Operation> operations() {
            return List.of(
                    new Operation(HttpMethod.POST, "/api/v1/checkins/{id}/confirm", String.valueOf(checkIn), null, false),
                    new Operation(HttpMethod.POST, "/api/v1/checkins/{id}/decline", String.valueOf(checkIn), Map.of("reason", "不在本社区"), false),
                    new Operation(HttpMethod.POST, "/api/v1/service-items/{id}/claim", String.valueOf(item), null, false),
                    new Operation(HttpMethod.POST, "/api/v1/service-items/{id}/done", String.valueOf(item), null, false),
                    new Operation(HttpMethod.POST, "/api/v1/service-items/{id}/withdraw", String.valueOf(item), Map.of("reason", "已解决"), false),
                    new Operation(HttpMethod.POST, "/api/v1/service-logs/{id}/confirm", String.valueOf(log), null, false),
                    new Operation(HttpMethod.POST, "/api/v1/service-logs/{id}/reject", String.valueOf(log), Map.of("reason", "未见记录"), false));
        }
    }

    // emergency
    /**
     * An active emergency on the demo member's community and the street's first community, with a call-up of their
     * residents that the demo member has not answered.
     */
    record Emergency(long id, long callUp, long stationing) {

        static Emergency create(CallsClient calls) {
            String home = calls.get("committee", "/api/v1/directory/members/DY000001").json().get("communityCode").asString();
            List<Map<String, Object>> zone = new java.util.ArrayList<>(List.of(body("community", home, "control", "SEALED")));
            if (!home.equals("440103001001")) {
                zone.add(body("community", "440103001001", "control", "CONTROLLED"));
            }
            Api.Response declared = calls.post("committee", "/api/v1/emergencies", body("code", "BAD-E1", "name", "防汛应急",
                    "kind", "FLOOD", "zone", zone));
            assertThat(declared.status()).as(declared.text()).isEqualTo(201);
            long id = declared.json().get("emergency").get("id").asLong();
            Api.Response called = calls.post("committee", "/api/v1/emergencies/" + id + "/call-ups", body("title", "居住党员报到", "zone", true));
            assertThat(called.status()).as(called.text()).isEqualTo(201);
            Instant shift = org.ronghe.emergency.Shifts.startOf(Instant.now(), CallsClient.SHANGHAI);
            Api.Response stationed = calls.post("committee", "/api/v1/emergencies/" + id + "/stationings", body("level", "COMMUNITY",
                    "community", "440103001001", "members", List.of("DY000002"), "shiftStart", shift.toString(),
                    "shiftEnd", org.ronghe.emergency.Shifts.after(shift, 1, CallsClient.SHANGHAI).toString()));
            assertThat(stationed.status()).as(stationed.text()).isEqualTo(201);
            // A skill to withdraw (the withdrawal write is valid once).
            Api.Response skill = calls.post("committee", "/api/v1/member-skills", body("member", "DY000001", "skill", "驾驶"));
            assertThat(skill.status()).as(skill.text()).isEqualTo(201);
            return new Emergency(id, called.json().get("id").asLong(), stationed.json().get("id").asLong());
        }

        List<Write> writes() {
            String base = "/api/v1/emergencies";
            return List.of(
                    new Write("declare an emergency", "committee", base, body("code", "BAD-E2", "name", "台风应急", "kind", "TYPHOON",
                            "startedAt", Instant.now().minus(Duration.ofHours(2)).toString()),
                            List.of(text("code", 32, true), text("name", 200, true), of("kind", ENUM, true), of("startedAt", INSTANT, false)),
                            true),
                    new Write("request a temporary branch", "street", base + "/" + id + "/temporary-branches", body("name", "卡口临时党支部",
                            "siteKind", "CHECKPOINT", "siteName", "东门卡口", "siteAddress", "东门", "community", "440103001001",
                            "secretary", "DY000001"),
                            List.of(text("name", 150, true), of("siteKind", ENUM, true), text("siteName", 150, true),
                                    text("siteAddress", 300, false), of("community", CODE, true), of("secretary", CODE, true),
                                    of("parent", CODE, false), of("members", CODES, false)), true),
                    new Write("form a team", "street", base + "/" + id + "/teams", body("kind", "VANGUARD", "name", "党群先锋队",
                            "lead", "DY000001", "community", "440103001001", "site", "东门"),
                            List.of(of("kind", ENUM, true), text("name", 150, true), of("lead", CODE, true), of("community", CODE, true),
                                    text("site", 150, false), of("members", CODES, false)), true),
                    new Write("set up a vanguard post", "committee", base + "/" + id + "/posts", body("name", "党员先锋岗",
                            "holder", "DY000001", "community", "440103001001"),
                            List.of(text("name", 150, true), of("holder", CODE, true), of("community", CODE, false)), true),
                    new Write("call members up", "committee", base + "/" + id + "/call-ups", body("title", "第二次动员", "zone", true),
                            List.of(text("title", 200, true), of("organs", CODES, false), of("skills", CODES, false)), true),
                    new Write("answer a call-up", "member", base + "/" + id + "/call-ups/" + callUp + "/answer", body("answer", "REPORTING"),
                            List.of(of("answer", ENUM, true), text("reason", 500, false)), true),
                    new Write("assign a commander", "committee", base + "/" + id + "/command", body("role", "COMMANDER", "member", "DY000001"),
                            List.of(of("role", ENUM, true), of("member", CODE, true), text("duties", 500, false)), true),
                    new Write("station a cadre at a community", "street", base + "/" + id + "/stationings", stationing("COMMUNITY",
                            "community", "440103001001", "members", List.of("DY000001")),
                            List.of(of("level", ENUM, true), of("community", CODE, true), of("members", CODES, true),
                                    of("shiftStart", INSTANT, true), of("shiftEnd", INSTANT, true)), true),
                    new Write("station a district leader at a street", "committee", base + "/" + id + "/stationings", stationing("STREET",
                            "street", "440103001", "leader", "LD01"),
                            List.of(of("level", ENUM, true), of("street", CODE, true), of("leader", CODE, true),
                                    of("shiftStart", INSTANT, true), of("shiftEnd", INSTANT, true)), true),
                    new Write("record answers by phone", "committee", base + "/" + id + "/call-ups/" + callUp + "/answers",
                            body("answers", List.of(body("member", "DY000001", "answer", "REPORTING"))),
                            List.of(of("answers", CODES, true)), true),
                    new Write("record a member's skill", "committee", "/api/v1/member-skills", body("member", "DY000001", "skill", "医护"),
                            List.of(of("member", CODE, true), text("skill", 32, true)), true),
                    new Write("withdraw a member's skill", "committee", "/api/v1/member-skills/withdraw",
                            body("member", "DY000001", "skill", "驾驶", "reason", "驾照过期"),
                            List.of(of("member", CODE, true), text("skill", 32, true), text("reason", 500, true)), true));
        }

        /** A stationing for the shift after the one under way (the board's second column). */
        private static Map<String, Object> stationing(String level, Object... more) {
            java.time.ZoneId zone = CallsClient.SHANGHAI;
            Instant start = org.ronghe.emergency.Shifts.after(org.ronghe.emergency.Shifts.startOf(Instant.now(), zone), 1, zone);
            Map<String, Object> body = new java.util.LinkedHashMap<>(body(more));
            body.put("level", level);
            body.put("shiftStart", start.toString());
            body.put("shiftEnd", org.ronghe.emergency.Shifts.after(start, 2, zone).toString());
            return body;
        }

        List<Operation> operations() {
            String base = "/api/v1/emergencies";
            String key = String.valueOf(id);
            return List.of(
                    new Operation(HttpMethod.GET, base + "/{id}", key, null, false),
                    new Operation(HttpMethod.GET, base + "/{id}/call-ups", key, null, false),
                    new Operation(HttpMethod.GET, base + "/{id}/needs", key, null, false),
                    new Operation(HttpMethod.POST, base + "/{id}/command", key, Map.of("role", "DEPUTY", "member", "DY000001"), false),
                    new Operation(HttpMethod.POST, base + "/{id}/call-ups", key, Map.of("title", "动员", "zone", true), false),
                    new Operation(HttpMethod.POST, base + "/{id}/teams", key, Map.of("kind", "COMMANDO", "name", "突击队", "lead", "DY000001"), false),
                    new Operation(HttpMethod.POST, base + "/{id}/posts", key, Map.of("name", "先锋岗", "holder", "DY000001"), false),
                    new Operation(HttpMethod.GET, base + "/{id}/stationings", key, null, false),
                    new Operation(HttpMethod.GET, base + "/{id}/coverage", key, null, false),
                    new Operation(HttpMethod.POST, base + "/{id}/stationings", key, Map.of("level", "COMMUNITY"), false),
                    new Operation(HttpMethod.POST, base + "/" + id + "/stationings/{id}/withdraw", String.valueOf(stationing), null, false),
                    new Operation(HttpMethod.POST, base + "/{id}/call-ups/" + callUp + "/answers", key,
                            Map.of("answers", List.of(Map.of("member", "DY000001", "answer", "REPORTING"))), false),
                    new Operation(HttpMethod.POST, base + "/" + id + "/call-ups/{id}/answers", String.valueOf(callUp),
                            Map.of("answers", List.of(Map.of("member", "DY000001", "answer", "REPORTING"))), false));
        }
    }

    // partylife responsibilities
    /**
     * JG001's letter (the demo's) with its items, a JG001 meeting to attach, its top organisation with this year's
     * duty-report meeting (the demo's) to report at, and two reports of three years back: one the demo member may vote on,
     * one to tally on paper.
     */
    record Responsibility(long letter, long meeting, String top, long dutyMeeting, long ballotReport, long paperReport) {

        static Responsibility create(CallsClient calls, Api api, long meeting) {
            long letter = api.get("committee", "/api/v1/responsibilities?organ=JG001").json().get("items").get(0).get("id").asLong();
            String top = api.get("committee", "/api/v1/directory/party-orgs?organ=JG001&kind=COMMITTEE&size=200").json().get("items")
                    .path(0).path("code").asString(null);
            if (top == null) {
                top = api.get("committee", "/api/v1/directory/party-orgs?organ=JG001&kind=GENERAL_BRANCH&size=200").json().get("items")
                        .get(0).get("code").asString();
            }
            long dutyMeeting = api.get("committee", "/api/v1/meetings?org=" + top + "&kind=DUTY_REPORT").json().get("items").get(0)
                    .get("id").asLong();
            // Three years back, a duty-report meeting of the top organisation that the demo member attended.
            List<String> present = new java.util.ArrayList<>();
            api.get("committee", "/api/v1/directory/members?organ=JG001&status=FULL&size=200").json().get("items")
                    .forEach(m -> present.add(m.get("code").asString()));
            String held = java.time.LocalDate.now(CallsClient.SHANGHAI).minusYears(3).toString();
            Api.Response old = calls.post("committee", "/api/v1/meetings", body("org", top, "kind", "DUTY_REPORT", "heldOn", held,
                    "place", "机关会议室", "chair", present.get(0), "present", present));
            assertThat(old.status()).as(old.text()).isEqualTo(201);
            long oldMeeting = old.json().get("meeting").get("id").asLong();
            List<String> branches = new java.util.ArrayList<>();
            api.get("committee", "/api/v1/directory/party-orgs?organ=JG001&kind=BRANCH&size=200").json().get("items")
                    .forEach(b -> branches.add(b.get("code").asString()));
            long[] reports = new long[2];
            for (int i = 0; i < 2; i++) {
                // Reported by someone other than the demo member (DY000001), who votes.
                Api.Response report = calls.post("secretary", "/api/v1/responsibilities/duty-reports", body("org", branches.get(i),
                        "reporter", present.get(present.size() - 1 - i), "meeting", oldMeeting, "text", "三年前的述职述廉报告"));
                assertThat(report.status()).as(report.text()).isEqualTo(201);
                reports[i] = report.json().get("report").get("id").asLong();
            }
            return new Responsibility(letter, meeting, top, dutyMeeting, reports[0], reports[1]);
        }

        List<Write> writes() {
            String base = "/api/v1/responsibilities";
            String year = String.valueOf(java.time.LocalDate.now(CallsClient.SHANGHAI).getYear());
            List<Field> itemFields = List.of(of("list", ENUM, true), text("text", 1000, true), of("owner", CODE, true),
                    of("dueOn", INSTANT, true), of("measure", ENUM, false), of("meetingKind", ENUM, false), of("target", NUMBER, false));
            return List.of(
                    new Write("issue a responsibility letter", "committee", base, body("organ", "JG002",
                            "year", Integer.parseInt(year) + 1, "title", "明年的责任书", "body", "全面从严治党"),
                            List.of(of("organ", CODE, true), of("year", NUMBER, true), text("title", 200, false),
                                    text("body", 4000, false)), true),
                    new Write("add a duty item", "secretary", base + "/" + letter + "/items", body("list", "PARTY_BUILDING",
                            "text", "每月开展主题党日", "owner", "DY000001", "dueOn", year + "-12-31", "measure", "MEETINGS",
                            "meetingKind", "THEMED_DAY", "target", 3), itemFields, true),
                    new Write("revise a duty item", "secretary", base + "/" + letter + "/items/1/revise", body("text", "修改后的事项",
                            "owner", "DY000001", "dueOn", year + "-12-31", "measure", "COMPLIANCE", "target", 85),
                            itemFields.subList(1, itemFields.size()), true),
                    new Write("withdraw a duty item", "committee", base + "/" + letter + "/items/2/withdraw", body("reason", "并入其他事项"),
                            List.of(text("reason", 500, true)), true),
                    new Write("attach a record to a duty item", "secretary", base + "/" + letter + "/items/7/records",
                            body("meeting", meeting), List.of(of("meeting", CODE, true), of("decision", NUMBER, false)), true),
                    new Write("submit a duty report", "secretary", base + "/duty-reports", body("org", top, "reporter", "DY000001",
                            "meeting", dutyMeeting, "text", "本年度述职述廉报告"), List.of(of("org", CODE, true), of("reporter", CODE, false),
                            of("meeting", CODE, true), text("text", 10000, true)), true),
                    new Write("vote on a duty report", "member", base + "/duty-reports/" + ballotReport + "/votes", body("grade", "GOOD"),
                            List.of(of("grade", ENUM, true)), true),
                    new Write("tally a paper vote", "committee", base + "/duty-reports/" + paperReport + "/tallies", body("good", 2,
                            "fairlyGood", 1, "fair", 0, "poor", 0), List.of(of("good", NUMBER, true), of("fairlyGood", NUMBER, true),
                            of("fair", NUMBER, true), of("poor", NUMBER, true)), true));
        }

        List<Operation> operations() {
            String base = "/api/v1/responsibilities";
            String id = String.valueOf(letter);
            Map<String, Object> item = Map.of("list", "INTEGRITY", "text", "事项", "owner", "DY000001", "dueOn", "2030-12-31");
            return List.of(
                    new Operation(HttpMethod.GET, base + "/{id}", id, null, false),
                    new Operation(HttpMethod.POST, base + "/{id}/sign", id, null, false),
                    new Operation(HttpMethod.POST, base + "/{id}/items", id, item, false),
                    new Operation(HttpMethod.POST, base + "/{id}/items/1/revise", id, item, false),
                    new Operation(HttpMethod.POST, base + "/{id}/items/2/withdraw", id, Map.of("reason", "并入"), false),
                    new Operation(HttpMethod.POST, base + "/{id}/items/7/records", id, Map.of("meeting", meeting), false),
                    new Operation(HttpMethod.GET, base + "/duty-reports/{id}", String.valueOf(ballotReport), null, false),
                    new Operation(HttpMethod.POST, base + "/duty-reports/{id}/votes", String.valueOf(ballotReport), Map.of("grade", "GOOD"), false),
                    new Operation(HttpMethod.POST, base + "/duty-reports/{id}/tallies", String.valueOf(paperReport),
                            Map.of("good", 1, "fairlyGood", 0, "fair", 0, "poor", 0), false));
        }
    }

    // partylife reviews
    /** A review of the demo member's branch for this year, in VOTING, and its full members. */
    record Reviews(long id, String org, List<String> full) {

        static Reviews create(CallsClient calls, Api api) {
            String org = api.get("committee", "/api/v1/directory/members/DY000001").json().get("partyOrgCode").asString();
            tools.jackson.databind.JsonNode found = api.get("committee", "/api/v1/directory/party-orgs/" + org).json();
            if (found.get("kind").asString().equals("GROUP")) {
                org = found.get("parentCode").asString();
            }
            int year = java.time.LocalDate.now(CallsClient.SHANGHAI).getYear();
            Api.Response opened = calls.post("committee", "/api/v1/reviews", body("org", org, "year", year));
            assertThat(opened.status()).as(opened.text()).isEqualTo(201);
            long id = opened.json().get("review").get("id").asLong();
            List<String> full = new java.util.ArrayList<>();
            opened.json().get("participants").forEach(p -> {
                if (p.get("full").asBoolean()) {
                    full.add(p.get("code").asString());
                }
            });
            assertThat(calls.post("committee", "/api/v1/reviews/" + id + "/voting", null).status()).isEqualTo(200);
            return new Reviews(id, org, List.copyOf(full));
        }

        List<Write> writes() {
            String path = "/api/v1/reviews/" + id;
            String other = full.stream().filter(c -> !c.equals("DY000001")).findFirst().orElse(full.get(0));
            List<BadInputTests.Field> grades = List.of(of("excellent", CODES, false), of("qualified", CODES, false),
                    of("basicallyQualified", CODES, false), of("unqualified", CODES, false));
            List<BadInputTests.Field> decision = new java.util.ArrayList<>(grades);
            decision.add(of("meeting", NUMBER, false));
            int year = java.time.LocalDate.now(CallsClient.SHANGHAI).getYear();
            return List.of(
                    new Write("open a review", "committee", "/api/v1/reviews", body("org", org, "year", year - 2),
                            List.of(of("org", CODE, true), of("year", NUMBER, true)), true),
                    new Write("write a self-review", "member", path + "/self-reviews", body("text", "认真学习，按时参加组织生活"),
                            List.of(text("text", 2000, true), of("member", CODE, false)), true),
                    new Write("write a peer review", "member", path + "/peer-reviews", body("about", other, "text", "工作认真负责"),
                            List.of(of("about", CODE, true), text("text", 1000, true), of("reviewer", CODE, false)), true),
                    new Write("cast a ballot", "member", path + "/ballots", body("qualified", full), grades, true),
                    new Write("count a paper vote", "committee", path + "/tallies", body("ballots", 1, "tallies",
                            List.of(Map.of("member", full.get(0), "qualified", 1))), List.of(of("ballots", NUMBER, true)), true),
                    new Write("decide a review", "committee", path + "/decision", body("qualified", full), decision, true));
        }

        List<Operation> operations() {
            String ids = String.valueOf(id);
            return List.of(
                    new Operation(HttpMethod.GET, "/api/v1/reviews/{id}", ids, null, false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/voting", ids, null, false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/self-reviews", ids, Map.of("text", "自评"), false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/peer-reviews", ids, Map.of("about", "DY000002", "text", "互评"), false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/ballots", ids, Map.of("qualified", full), false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/tallies", ids, Map.of("ballots", 1), false),
                    new Operation(HttpMethod.POST, "/api/v1/reviews/{id}/decision", ids, Map.of("qualified", full), false));
        }
    }

    // assessment
    /** A run of last year (which installs the year's scheme), and that scheme as JSON. */
    record Assessments(long run, long scheme, int year, Map<String, Object> document) {

        @SuppressWarnings("unchecked")
        static Assessments create(CallsClient calls, Api api) {
            int year = java.time.LocalDate.now(CallsClient.SHANGHAI).getYear() - 1;
            Api.Response run = calls.post("committee", "/api/v1/assessments", body("year", year));
            assertThat(run.status()).as(run.text()).isEqualTo(201);
            long scheme = run.json().get("schemeId").asLong();
            tools.jackson.databind.JsonNode found = api.get("committee", "/api/v1/schemes/" + scheme).json();
            Map<String, Object> document = new tools.jackson.databind.json.JsonMapper().convertValue(found.get("scheme"), Map.class);
            return new Assessments(run.json().get("id").asLong(), scheme, year, document);
        }

        List<Write> writes() {
            return List.of(
                    new Write("compute an assessment", "committee", "/api/v1/assessments", body("year", year, "kind", "ANNUAL"),
                            List.of(of("year", NUMBER, true), of("kind", ENUM, false)), true),
                    new Write("draft a scheme", "committee", "/api/v1/schemes?year=" + year, new LinkedHashMap<>(document),
                            List.of(text("name", 200, true)), true));
        }

        List<Operation> operations() {
            String runs = String.valueOf(run);
            String schemes = String.valueOf(scheme);
            return List.of(
                    new Operation(HttpMethod.GET, "/api/v1/assessments/{id}", runs, null, false),
                    new Operation(HttpMethod.GET, "/api/v1/assessments/{id}/subjects/JG001", runs, null, false),
                    new Operation(HttpMethod.GET, "/api/v1/assessments/{id}.xlsx", runs, null, false),
                    new Operation(HttpMethod.POST, "/api/v1/assessments/{id}/publish", runs, null, false),
                    new Operation(HttpMethod.GET, "/api/v1/schemes/{id}", schemes, null, false),
                    new Operation(HttpMethod.POST, "/api/v1/schemes/{id}/activate", schemes, null, false));
        }
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }
}
