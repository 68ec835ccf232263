package org.ronghe.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call-ups (动员令): members selected by residence in the zone, organ, skills or team — within the organiser's
 * scope — are called in one set-based insert; each answers once (a guarded update of their own row: a second answer
 * is 409); those reporting are posted to a temporary branch's site or a team for a shift. The counts are computed
 * from the rows.
 */
@Service
public class CallUpDesk {

    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    /** A roll-call records at most this many answers per request (the demo records 10,000 at once). */
    static final int ROLL_CALL_AT_ONCE = 20_000;
    /** Answers recorded per transaction, so a member answering themself never waits long on a row lock. */
    static final int ROLL_CALL_CHUNK = 500;

    private final Emergencies emergencies;
    private final Places places;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CallUpDesk(Emergencies emergencies, Places places, JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions) {
        this.emergencies = emergencies;
        this.places = places;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Whom to call: residents of the zone ({@code zone}), members of organs (codes), with skills, or of teams (ids);
     * the criteria given all apply together, and at least one is given.
     */
    public record CallUpRequest(String title, Boolean zone, List<String> organs, List<String> skills, List<Long> teams) {
    }

    public record Created(long id, int called, boolean replayed) {
    }

    public record AnswerRequest(String answer, String reason) {
    }

    /** Posts a reporting member to a temporary branch's site or a team, for a shift (ISO instants). */
    public record PostingRequest(String member, Long branch, Long team, String shiftStart, String shiftEnd) {
    }

    /** The coordinator's counts, computed from the call-up's rows. */
    public record Counts(long called, long answered, long unanswered, long reporting, long cannot, long posted) {
    }

    public Created callUp(CurrentUser user, long emergencyId, CallUpRequest r, String idempotencyKey) {
        Places.organiser(user, "发出动员令");
        places.requireVisible(user, emergencyId);
        String key = OrganisationDesk.key(idempotencyKey);
        if (key != null) {
            Optional<Created> existing = existing(user, key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (r == null) {
            throw new IllegalArgumentException("请填写动员令");
        }
        String title = OrganisationDesk.text("动员令标题", "title", r.title(), 200, true);
        List<String> where = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("e", emergencyId);
        if (Boolean.TRUE.equals(r.zone())) {
            where.add("m.community_id IN (SELECT za.community_id FROM emergency_area za WHERE za.emergency_id = :e AND za.until IS NULL)");
            criteria.add("居住在应急范围内");
        }
        if (r.organs() != null && !r.organs().isEmpty()) {
            List<String> organs = codes(r.organs(), "organs", 32);
            where.add("m.organ_id IN (SELECT o.id FROM organ o WHERE o.code IN (:organs))");
            params.put("organs", organs);
            criteria.add("单位 " + String.join("、", organs));
        }
        if (r.skills() != null && !r.skills().isEmpty()) {
            List<String> skills = codes(r.skills(), "skills", 32);
            where.add("m.id IN (SELECT s.member_id FROM member_skill s WHERE s.skill IN (:skills) AND s.withdrawn_at IS NULL)");
            params.put("skills", skills);
            criteria.add("特长 " + String.join("、", skills));
        }
        if (r.teams() != null && !r.teams().isEmpty()) {
            if (r.teams().size() > 200 || r.teams().stream().anyMatch(t -> t == null)) {
                throw new IllegalArgumentException("队伍（teams）应为最多 200 个队伍编号");
            }
            where.add("m.id IN (SELECT tm.member_id FROM emergency_team_member tm JOIN emergency_team t ON t.id = tm.team_id"
                    + " WHERE t.emergency_id = :e AND t.id IN (:teams))");
            params.put("teams", r.teams());
            criteria.add("队伍 " + r.teams());
        }
        if (where.isEmpty()) {
            throw new IllegalArgumentException("请至少选择一种召集范围：应急范围内居住（zone）、单位（organs）、特长（skills）或队伍（teams）");
        }
        SqlClause scope = places.scope(user).members("m");
        where.add(scope.sql());
        params.putAll(scope.params());
        String description = String.join("；", criteria);
        Instant now = clock.instant();
        try {
            return transactions.execute(status -> {
                Emergency emergency = emergencies.lock(emergencyId);
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO call_up (emergency_id, title, criteria, created_at, created_by, idempotency_key)
                                VALUES (:e, :title, :criteria, :now, :by, :key)""")
                        .param("e", emergencyId).param("title", title).param("criteria", description).param("now", Emergencies.at(now))
                        .param("by", user.username()).param("key", key).update(keys, "id");
                long id = keys.getKey().longValue();
                params.put("c", id);
                int called = jdbc.sql("INSERT INTO call_up_member (call_up_id, member_id) SELECT :c, m.id FROM member m WHERE "
                        + String.join(" AND ", where)).params(params).update();
                if (called == 0) {
                    throw new IllegalArgumentException("没有符合条件的党员：" + description);
                }
                emergency.record("CALLED_UP", title + "：召集 " + called + " 名党员（" + description + "）", user.username(), now);
                emergencies.writeEvents(emergency);
                audit.record(Audit.Entry.change("CALLED_UP", "call_up", String.valueOf(id), null,
                        Map.of("emergency", emergency.code(), "title", title, "criteria", description, "called", called)));
                return new Created(id, called, false);
            });
        } catch (DuplicateKeyException raced) {
            return existing(user, key == null ? "" : key).orElseThrow(() -> raced);
        }
    }

    /** The member answers their own call-up, exactly once. */
    public void answer(CurrentUser user, long emergencyId, long callUpId, AnswerRequest r) {
        Places.Member self = places.self(user);
        if (r == null) {
            throw new IllegalArgumentException("请选择报到（REPORTING）或不能参加（CANNOT）");
        }
        Answer answer = Parse.required(Answer.class, "answer", "应答", r.answer());
        String reason = OrganisationDesk.text("不能参加的原因", "reason", r.reason(), 500, answer == Answer.CANNOT);
        if (answer == Answer.REPORTING) {
            reason = null;
        }
        Emergency emergency = emergencies.byId(emergencyId).orElseThrow(() -> new NotFoundException("应急事件", String.valueOf(emergencyId)));
        callUpOf(emergencyId, callUpId);
        if (!called(callUpId, self.id())) {
            throw new OutOfScopeException("动员令", String.valueOf(callUpId));
        }
        emergency.requireActive();
        Instant now = clock.instant();
        String why = reason;
        transactions.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                            UPDATE call_up_member SET answer = :a, reason = :r, answered_at = :now
                            WHERE call_up_id = :c AND member_id = :m AND answer IS NULL
                            AND EXISTS (SELECT 1 FROM call_up u JOIN emergency e ON e.id = u.emergency_id
                                        WHERE u.id = :c AND e.state = 'ACTIVE')""")
                    .param("a", answer.name()).param("r", why).param("now", Emergencies.at(now)).param("c", callUpId).param("m", self.id())
                    .update();
            if (changed == 0) {
                emergencies.byId(emergencyId).ifPresent(Emergency::requireActive);
                throw new ConflictException("您已应答过这次动员，每名党员只应答一次", Map.of("callUp", callUpId));
            }
            emergency.record("ANSWERED", self.code() + " " + answer.label(), user.username(), now);
            emergencies.writeEvents(emergency);
            audit.record(Audit.Entry.change("CALL_UP_ANSWERED", "call_up", callUpId + "/" + self.code(), null,
                    Map.of("answer", answer.name())));
        });
    }

    public void post(CurrentUser user, long emergencyId, long callUpId, PostingRequest r) {
        Places.organiser(user, "安排上岗");
        places.requireVisible(user, emergencyId);
        callUpOf(emergencyId, callUpId);
        if (r == null) {
            throw new IllegalArgumentException("请填写上岗安排");
        }
        Places.Member member = places.memberInScope(user, r.member(), "member");
        if ((r.branch() == null) == (r.team() == null)) {
            throw new IllegalArgumentException("请指定一个临时党支部站点（branch）或一支队伍（team）");
        }
        if (r.branch() != null && count("SELECT COUNT(*) FROM temporary_branch WHERE id = :id AND emergency_id = :e AND state = 'APPROVED'",
                r.branch(), emergencyId) == 0) {
            throw new IllegalArgumentException("该应急事件中没有这个已批准组建的临时党支部：" + r.branch());
        }
        if (r.team() != null && count("SELECT COUNT(*) FROM emergency_team WHERE id = :id AND emergency_id = :e", r.team(), emergencyId) == 0) {
            throw new IllegalArgumentException("该应急事件中没有这支队伍：" + r.team());
        }
        Instant start = EmergencyDesk.instant(r.shiftStart(), "shiftStart");
        Instant end = EmergencyDesk.instant(r.shiftEnd(), "shiftEnd");
        if (start == null || end == null) {
            throw new IllegalArgumentException("请填写班次的开始和结束时刻（shiftStart、shiftEnd）");
        }
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_SHIFT) > 0) {
            throw new IllegalArgumentException("班次结束应晚于开始，且一个班次不超过 24 小时");
        }
        if (!called(callUpId, member.id())) {
            throw new IllegalArgumentException("该党员不在这次动员的召集名单中：" + member.code());
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Emergency emergency = emergencies.lock(emergencyId);
            emergency.requireActive();
            int changed = jdbc.sql("""
                            UPDATE call_up_member SET posted_branch_id = :b, posted_team_id = :t, shift_start = :s, shift_end = :f,
                                posted_at = :now, posted_by = :by WHERE call_up_id = :c AND member_id = :m AND answer = 'REPORTING'""")
                    .param("b", r.branch()).param("t", r.team()).param("s", Emergencies.at(start)).param("f", Emergencies.at(end))
                    .param("now", Emergencies.at(now)).param("by", user.username()).param("c", callUpId).param("m", member.id()).update();
            if (changed == 0) {
                throw new ConflictException("只有已报到的党员才能安排上岗：" + member.name() + " 尚未报到或不能参加", Map.of("member", member.code()));
            }
            emergency.record("POSTED", member.code() + (r.branch() != null ? " → 临时党支部 " + r.branch() : " → 队伍 " + r.team())
                    + "，" + start + " – " + end, user.username(), now);
            emergencies.writeEvents(emergency);
            Map<String, Object> after = new HashMap<>();
            after.put("branch", r.branch());
            after.put("team", r.team());
            after.put("shiftStart", start.toString());
            after.put("shiftEnd", end.toString());
            audit.record(Audit.Entry.change("MEMBER_POSTED", "call_up", callUpId + "/" + member.code(), null, after));
        });
    }

    /** One answer received by phone: the member's code, REPORTING or CANNOT, and the reason for CANNOT. */
    public record RollCallEntry(String member, String answer, String reason) {
    }

    public record RollCallRequest(List<RollCallEntry> answers) {
    }

    /**
     * What a roll-call recorded: {@code recorded} answers, and the members who had already answered (themselves or in
     * another roll-call), whose first answer stands.
     */
    public record RollCall(long id, int entries, int recorded, List<String> alreadyAnswered, boolean replayed) {
    }

    /**
     * A coordinator records answers received by phone for many members at once. Every entry is checked first (every
     * bad one listed, nothing recorded); then each answer lands through the same guarded update as a member's own
     * ({@code answer IS NULL}), set-based per answer and reason, in chunks so no member waits long on a locked row.
     * The rows name the roll-call, so events and audit entries cover exactly the rows it changed.
     */
    public RollCall rollCall(CurrentUser user, long emergencyId, long callUpId, RollCallRequest r, String idempotencyKey) {
        Places.organiser(user, "记录报到");
        places.requireVisible(user, emergencyId);
        callUpOf(emergencyId, callUpId);
        String key = OrganisationDesk.key(idempotencyKey);
        Optional<Started> started = key == null ? Optional.empty() : startedRollCall(user, key);
        if (started.isPresent() && started.get().finished()) {
            return started.get().rollCall();
        }
        if (r == null || r.answers() == null || r.answers().isEmpty()) {
            throw new IllegalArgumentException("请列出要记录的应答（answers：党员编号 member、应答 answer、不能参加的原因 reason）");
        }
        if (r.answers().size() > ROLL_CALL_AT_ONCE) {
            throw new IllegalArgumentException("一次最多记录 " + ROLL_CALL_AT_ONCE + " 名党员的应答");
        }
        record Checked(Places.Member member, Answer answer, String reason) {
        }
        List<String> errors = new ArrayList<>();
        List<RollCallEntry> entries = r.answers();
        Map<String, Places.Member> members = places.membersByCode(entries.stream()
                .filter(e -> e != null && e.member() != null && !e.member().isBlank()).map(e -> e.member().trim()).toList());
        var scope = places.scope(user);
        java.util.Set<Long> called = calledAmong(callUpId, members.values().stream().map(Places.Member::id).toList());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RollCallEntry e = entries.get(i);
            String at = "第 " + (i + 1) + " 项";
            if (e == null || e.member() == null || e.member().isBlank()) {
                errors.add(at + "：请填写党员编号（member）");
                continue;
            }
            String code = e.member().trim();
            at += "（" + (code.length() > 32 ? code.substring(0, 32) + "…" : code) + "）";
            Answer answer;
            String reason;
            try {
                answer = Parse.required(Answer.class, "answer", "应答", e.answer());
                reason = OrganisationDesk.text("不能参加的原因", "reason", e.reason(), 500, answer == Answer.CANNOT);
            } catch (IllegalArgumentException bad) {
                errors.add(at + "：" + bad.getMessage());
                continue;
            }
            Places.Member member = members.get(code);
            if (member == null) {
                errors.add(at + "：党员编号不存在");
            } else if (!scope.seesMember(member.id(), member.partyOrgId(), member.organId(), member.communityId())) {
                errors.add(at + "：党员不在您的数据范围内");
            } else if (!called.contains(member.id())) {
                errors.add(at + "：该党员不在这次动员的召集名单中");
            } else if (!seen.add(code)) {
                errors.add(at + "：同一党员在名单中重复出现");
            } else {
                checked.add(new Checked(member, answer, answer == Answer.REPORTING ? null : reason));
            }
        }
        if (!errors.isEmpty()) {
            throw new org.ronghe.platform.RejectedInputException("roll-call-rejected", "记录报到未通过校验",
                    "记录报到未通过校验：共 " + errors.size() + " 处错误，未记录任何应答", errors.stream().limit(1000).toList(),
                    Map.of("entity", "roll-call"));
        }
        Emergency current = emergencies.byId(emergencyId).orElseThrow(() -> new NotFoundException("应急事件", String.valueOf(emergencyId)));
        current.requireActive();
        Instant now = clock.instant();
        long id;
        // A retry of a roll-call that stopped part-way finishes it under the same id; the members it recorded before
        // are neither recorded again nor reported as "already answered".
        java.util.Set<Long> before = new java.util.HashSet<>();
        if (started.isPresent()) {
            id = started.get().rollCall().id();
            before.addAll(jdbc.sql("SELECT member_id FROM call_up_member WHERE call_up_id = :c AND roll_call_id = :rc")
                    .param("c", callUpId).param("rc", id).query(Long.class).list());
        } else try {
            id = transactions.execute(status -> {
                emergencies.lock(emergencyId).requireActive();
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO roll_call (call_up_id, recorded_at, recorded_by, entries, idempotency_key)
                                VALUES (:c, :now, :by, :n, :key)""")
                        .param("c", callUpId).param("now", Emergencies.at(now)).param("by", user.username()).param("n", checked.size())
                        .param("key", key).update(keys, "id");
                return keys.getKey().longValue();
            });
        } catch (DuplicateKeyException raced) {
            return startedRollCall(user, key == null ? "" : key).map(Started::rollCall).orElseThrow(() -> raced);
        }
        List<String> already = new ArrayList<>();
        int recorded = 0;
        List<Checked> open = checked.stream().filter(c -> !before.contains(c.member().id())).toList();
        for (int from = 0; from < open.size(); from += ROLL_CALL_CHUNK) {
            List<Checked> chunk = open.subList(from, Math.min(open.size(), from + ROLL_CALL_CHUNK));
            recorded += transactions.execute(status -> {
                Emergency emergency = emergencies.lock(emergencyId);
                emergency.requireActive();
                Map<List<String>, List<Long>> groups = new java.util.LinkedHashMap<>();
                chunk.forEach(c -> groups.computeIfAbsent(java.util.Arrays.asList(c.answer().name(), c.reason()), g -> new ArrayList<>())
                        .add(c.member().id()));
                groups.forEach((group, ids) -> jdbc.sql("""
                                UPDATE call_up_member SET answer = :a, reason = :r, answered_at = :now, roll_call_id = :rc
                                WHERE call_up_id = :c AND answer IS NULL AND member_id IN (:ids)""")
                        .param("a", group.get(0)).param("r", group.get(1)).param("now", Emergencies.at(now)).param("rc", id)
                        .param("c", callUpId).param("ids", ids).update());
                List<Long> ids = chunk.stream().map(c -> c.member().id()).toList();
                record Done(String code, String answer) {
                }
                List<Done> done = jdbc.sql("""
                                SELECT m.code, r.answer FROM call_up_member r JOIN member m ON m.id = r.member_id
                                WHERE r.call_up_id = :c AND r.roll_call_id = :rc AND r.member_id IN (:ids)""")
                        .param("c", callUpId).param("rc", id).param("ids", ids)
                        .query((rs, n) -> new Done(rs.getString(1), rs.getString(2))).list();
                // One event per member answered, written set-based from the rows this roll-call changed.
                jdbc.sql("""
                                INSERT INTO emergency_event (emergency_id, kind, at, actor, detail)
                                SELECT :e, 'ANSWERED', :now, :by, m.code || CASE WHEN r.answer = 'REPORTING' THEN ' 报到' ELSE ' 不能参加' END || '（电话记录）'
                                FROM call_up_member r JOIN member m ON m.id = r.member_id
                                WHERE r.call_up_id = :c AND r.roll_call_id = :rc AND r.member_id IN (:ids)""")
                        .param("e", emergencyId).param("now", Emergencies.at(now)).param("by", user.username()).param("c", callUpId)
                        .param("rc", id).param("ids", ids).update();
                audit.recordAll(done.stream().map(d -> Audit.Entry.change("CALL_UP_ANSWERED", "call_up", callUpId + "/" + d.code(), null,
                        Map.of("answer", d.answer(), "rollCall", id))).toList());
                jdbc.sql("UPDATE roll_call SET recorded = recorded + :n WHERE id = :id").param("n", done.size()).param("id", id).update();
                java.util.Set<String> answered = new java.util.HashSet<>();
                done.forEach(d -> answered.add(d.code()));
                chunk.stream().map(c -> c.member().code()).filter(c -> !answered.contains(c)).forEach(already::add);
                return done.size();
            });
        }
        jdbc.sql("UPDATE roll_call SET finished_at = :now WHERE id = :id").param("now", Emergencies.at(now)).param("id", id).update();
        return new RollCall(id, checked.size(), before.size() + recorded, already, started.isPresent());
    }

    private java.util.Set<Long> calledAmong(long callUpId, List<Long> memberIds) {
        java.util.Set<Long> called = new java.util.HashSet<>();
        for (int i = 0; i < memberIds.size(); i += 1000) {
            called.addAll(jdbc.sql("SELECT member_id FROM call_up_member WHERE call_up_id = :c AND member_id IN (:ids)")
                    .param("c", callUpId).param("ids", memberIds.subList(i, Math.min(memberIds.size(), i + 1000))).query(Long.class).list());
        }
        return called;
    }

    /** A roll-call already started under a key, and whether its last chunk was recorded. */
    private record Started(RollCall rollCall, boolean finished) {
    }

    private Optional<Started> startedRollCall(CurrentUser user, String key) {
        return jdbc.sql("SELECT id, entries, recorded, finished_at FROM roll_call WHERE recorded_by = :a AND idempotency_key = :k")
                .param("a", user.username()).param("k", key)
                .query((rs, n) -> new Started(new RollCall(rs.getLong(1), rs.getInt(2), rs.getInt(3), List.of(), true),
                        rs.getObject(4) != null)).optional();
    }

    public Counts counts(CurrentUser user, long emergencyId, long callUpId) {
        Places.organiser(user, "查看动员进度");
        places.requireVisible(user, emergencyId);
        callUpOf(emergencyId, callUpId);
        // Within the reader's scope: a street counts its residents' answers, the committee everyone's.
        SqlClause members = places.scope(user).members("m");
        return jdbc.sql("""
                        SELECT COUNT(*), COUNT(r.answer), SUM(CASE WHEN r.answer = 'REPORTING' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN r.answer = 'CANNOT' THEN 1 ELSE 0 END), COUNT(r.posted_at)
                        FROM call_up_member r JOIN member m ON m.id = r.member_id WHERE r.call_up_id = :c""" + " AND " + members.sql())
                .param("c", callUpId).params(members.params())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(1) - rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .single();
    }

    private void callUpOf(long emergencyId, long callUpId) {
        if (count("SELECT COUNT(*) FROM call_up WHERE id = :id AND emergency_id = :e", callUpId, emergencyId) == 0) {
            throw new NotFoundException("动员令", String.valueOf(callUpId));
        }
    }

    private boolean called(long callUpId, long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM call_up_member WHERE call_up_id = :c AND member_id = :m").param("c", callUpId)
                .param("m", memberId).query(Long.class).single() > 0;
    }

    private long count(String sql, long id, long emergencyId) {
        return jdbc.sql(sql).param("id", id).param("e", emergencyId).query(Long.class).single();
    }

    private Optional<Created> existing(CurrentUser user, String key) {
        return jdbc.sql("""
                        SELECT u.id, (SELECT COUNT(*) FROM call_up_member cm WHERE cm.call_up_id = u.id) FROM call_up u
                        WHERE u.created_by = :a AND u.idempotency_key = :k""")
                .param("a", user.username()).param("k", key)
                .query((rs, n) -> new Created(rs.getLong(1), rs.getInt(2), true)).optional();
    }

    private static List<String> codes(List<String> codes, String field, int max) {
        if (codes.size() > 200) {
            throw new IllegalArgumentException(field + " 最多 200 项");
        }
        List<String> trimmed = new ArrayList<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException(field + " 中有空项");
            }
            trimmed.add(org.ronghe.platform.Texts.check(field, code.trim(), max));
        }
        return trimmed;
    }
}
