package org.ronghe.calls.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.ronghe.calls.CallScope;
import org.ronghe.calls.CallState;
import org.ronghe.calls.CallsClient;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.ronghe.support.RongheTest;
import org.ronghe.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An organ's call lists are read from its handler and dispatch rows (which also know whether the call is open),
 * not from the calls: each list, filter and count must still show exactly the calls the rules in words name,
 * here computed from the plain rows with none of the list's SQL.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=organ_lists", "ronghe.demo.calls=400"})
class OrganCallListTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    CallQueries queries;
    @Autowired
    CallScopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @Test
    void aSecretarySeesExactlyTheCallsTheirOrganTookPartInUnderEveryFilter() {
        CallsClient calls = new CallsClient(context);
        long closedAgain = calls.raiseId("community", "ELDERLY", "独居老人需要助餐服务");
        calls.ok("secretary", closedAgain, "accept", null);
        calls.ok("secretary", closedAgain, "reply", java.util.Map.of("text", "已安排送餐"));
        calls.ok("community", closedAgain, "rate", java.util.Map.of("rating", "UNSATISFIED", "solved", false));
        calls.ok("community", closedAgain, "reopen", java.util.Map.of("reason", "仍未解决"));
        long closed = calls.raiseId("community", "ELDERLY", "长者饭堂就餐名额");
        calls.ok("secretary", closed, "accept", null);
        calls.ok("secretary", closed, "reply", java.util.Map.of("text", "已协调"));
        calls.ok("community", closed, "rate", java.util.Map.of("rating", "SATISFIED", "solved", true));

        CallScope organ = scopes.of(calls.user("secretary"));
        assertThat(organ.onlyOneOrgan()).isTrue();
        long organId = organ.organs().iterator().next();
        List<Row> handled = rows("EXISTS (SELECT 1 FROM call_handler h WHERE h.call_id = c.id AND h.organ_id = " + organId + ")");
        assertThat(handled).extracting(Row::id).contains(closedAgain, closed);
        assertThat(handled).filteredOn(r -> r.id() == closedAgain).extracting(Row::state).doesNotContain(CallState.CLOSED);
        // Both kinds of handler rows are there, whatever the demo year simulated around today: closed and open calls.
        assertThat(handled).extracting(Row::state).contains(CallState.CLOSED);
        assertThat(handled).anyMatch(r -> r.state() != CallState.CLOSED);

        assertSameCalls(organ, CallQueries.Filter.none(), handled, r -> true);
        assertEveryFilter(organ, CallQueries.Filter.none(), handled);

        String code = jdbc.sql("SELECT code FROM organ WHERE id = :id").param("id", organId).query(String.class).single();
        CallScope city = scopes.of(calls.user("committee"));
        assertEveryFilter(city, CallsClient.byOrgan(code), handled);
        List<Row> dispatched = rows("EXISTS (SELECT 1 FROM call_assignment a WHERE a.call_id = c.id AND a.organ_id = " + organId + ")");
        assertThat(dispatched).isNotEmpty();
        assertEveryFilter(city, CallQueries.Filter.none().withLead(code), dispatched);
    }

    private void assertEveryFilter(CallScope scope, CallQueries.Filter base, List<Row> expected) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        assertSameCalls(scope, base, expected, r -> true);
        assertSameCalls(scope, base.withOpen(), expected, r -> r.state() != CallState.CLOSED);
        assertSameCalls(scope, base.withQueue(), expected, r -> r.state() == CallState.RAISED || r.state() == CallState.RETURNED);
        assertSameCalls(scope, base.withOverdue(), expected, r -> (r.state() == CallState.DISPATCHED && r.acceptBy() != null
                && r.acceptBy().isBefore(now)) || ((r.state() == CallState.DISPATCHED || r.state() == CallState.ACCEPTED)
                && r.replyBy() != null && r.replyBy().isBefore(now)));
        for (CallState state : CallState.values()) {
            assertSameCalls(scope, base.withState(state), expected, r -> r.state() == state);
        }
        CallQueries.Filter lastMonths = new CallQueries.Filter(null, base.organ(), base.lead(), null, null, null, null, null, null,
                null, null, today.minusMonths(2), today, null, null);
        Instant from = today.minusMonths(2).atStartOfDay(clock.getZone()).toInstant();
        assertSameCalls(scope, lastMonths, expected, r -> !r.raisedAt().isBefore(from));
    }

    private void assertSameCalls(CallScope scope, CallQueries.Filter filter, List<Row> candidates, Predicate<Row> rule) {
        List<Long> expected = candidates.stream().filter(rule)
                .sorted(Comparator.comparing(Row::raisedAt).thenComparing(Row::id).reversed()).map(Row::id).toList();
        PageResult<CallQueries.CallRow> page = queries.page(scope, filter, new PageQuery(1, PageQuery.MAX_SIZE));
        assertThat(page.total()).as(filter.toString()).isEqualTo(expected.size());
        assertThat(page.items()).extracting(CallQueries.CallRow::id).as(filter.toString())
                .containsExactlyElementsOf(expected.subList(0, Math.min(expected.size(), PageQuery.MAX_SIZE)));
        assertThat(queries.count(scope, filter)).as(filter.toString()).isEqualTo(expected.size());
    }

    private List<Row> rows(String condition) {
        List<Row> rows = new ArrayList<>();
        jdbc.sql("SELECT c.id, c.state, c.raised_at, c.accept_by, c.reply_by FROM call c WHERE " + condition)
                .query((rs, n) -> rows.add(new Row(rs.getLong("id"), CallState.valueOf(rs.getString("state")),
                        instant(rs.getObject("raised_at", OffsetDateTime.class)), instant(rs.getObject("accept_by", OffsetDateTime.class)),
                        instant(rs.getObject("reply_by", OffsetDateTime.class))))).list();
        return rows;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    record Row(long id, CallState state, Instant raisedAt, Instant acceptBy, Instant replyBy) {
    }
}
