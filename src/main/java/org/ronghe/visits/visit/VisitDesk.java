package org.ronghe.visits.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.calls.CallChanged;
import org.ronghe.calls.CallIntake;
import org.ronghe.calls.CallState;
import org.ronghe.calls.Origin;
import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Photo;
import org.ronghe.platform.Role;
import org.ronghe.visits.VisitScope;
import org.ronghe.visits.VisitScopes;
import org.ronghe.visits.campaign.Campaigns;
import org.ronghe.visits.campaign.VisitCampaign;
import org.ronghe.visits.household.Household;
import org.ronghe.visits.household.Households;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records visits and follows their problems: a visit and the calls of its problems are stored in one
 * transaction (a problem the call desk refuses leaves no visit and no call behind); a closed call makes
 * the household's follow-up due; the follow-up closes the loop.
 */
@Service
public class VisitDesk {

    private final Visits visits;
    private final VisitTallies tallies;
    private final Households households;
    private final Campaigns campaigns;
    private final CallIntake intake;
    private final VisitScopes scopes;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    VisitDesk(Visits visits, VisitTallies tallies, Households households, Campaigns campaigns, CallIntake intake, VisitScopes scopes,
              Directory directory, JdbcClient jdbc, Audit audit, Clock clock, TransactionTemplate transactions) {
        this.visits = visits;
        this.tallies = tallies;
        this.households = households;
        this.campaigns = campaigns;
        this.intake = intake;
        this.scopes = scopes;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * @param member   for a secretary or the committee recording on a member's behalf: the member's code
     * @param leader   for the committee recording a leader's liaison visit: the leader's code
     * @param campaign the campaign the visit counts towards; by default the open one the visitor takes part in
     */
    public record NewVisit(Long household, String member, String leader, LocalDate visitedOn, String heard,
                           List<Visit.Heard> problems, Long campaign) {
    }

    public record Recorded(long id, boolean replayed) {
    }

    /** Records a visit; the same idempotency key returns the visit recorded the first time. */
    public Recorded record(CurrentUser user, NewVisit request, String idempotencyKey) {
        return record(user, request, idempotencyKey, null);
    }

    /** @param photo the optional photo, stored with the visit (never required, never scored) */
    public Recorded record(CurrentUser user, NewVisit request, String idempotencyKey, Photo photo) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = visits.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Recorded(existing.get(), true);
            }
        }
        try {
            return new Recorded(transactions.execute(status -> store(user, request, key, photo)), false);
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced;
            }
            return visits.idForKey(user.username(), key).map(id -> new Recorded(id, true)).orElseThrow(() -> raced);
        }
    }

    private long store(CurrentUser user, NewVisit request, String key, Photo photo) {
        if (request.household() == null) {
            throw new IllegalArgumentException("请选择走访的住户");
        }
        Household household = households.find(request.household())
                .orElseThrow(() -> new NotFoundException("住户", String.valueOf(request.household())));
        if ((user.role() == Role.ORGAN_SECRETARY || user.role() == Role.COMMITTEE_ADMIN)
                && households.find(scopes.of(user), household.id()).isEmpty()) {
            throw new OutOfScopeException("住户", String.valueOf(household.id()));
        }
        Visit.Visitor visitor = visitor(user, request);
        if (!mayVisit(visitor, household)) {
            throw new OutOfScopeException("住户", String.valueOf(household.id()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = request.visitedOn() == null ? today : request.visitedOn();
        Long campaign = campaign(request.campaign(), visitor, day);
        Visit visit = Visit.record(household.id(), household.communityId(), campaign, visitor, day, request.heard(), request.problems(),
                today);
        Instant now = clock.instant();
        boolean first = visits.firstInCampaign(campaign, household.id());
        long id = visits.add(visit, first, user.username(), now, key);
        tallies.visited(campaign, household.communityId(), visitor, first);
        if (photo != null) {
            visits.addPhoto(id, photo, user.username(), now);
        }
        for (Visit.Heard heard : visit.problems()) {
            long call = intake.raise(new CallIntake.Problem(user.username(), heard.summary(), description(visit, heard, household),
                    heard.category(), Origin.VISIT, household.communityId(), household.gridId(), household.place(),
                    household.headName(), household.headPhone())).callId();
            visits.addProblem(id, visit, heard, call, user.username(), now);
        }
        if (!visit.problems().isEmpty()) {
            tallies.problemsChanged(campaign, household.communityId(), visitor);
        }
        audit.record(Audit.Entry.change("VISIT_RECORDED", "visit", String.valueOf(id), null,
                Map.of("household", household.code(), "problems", visit.problems().size(), "visitedOn", day.toString())));
        return id;
    }

    /** The visitor goes back to the household and records what it heard back (回访). */
    @Transactional
    public void followUp(CurrentUser user, long problemId, String note, Boolean satisfied) {
        Visits.Located located = visits.problem(problemId).orElseThrow(() -> new NotFoundException("走访问题", String.valueOf(problemId)));
        VisitScope scope = scopes.of(user);
        if (!mayFollowUp(user, scope, located)) {
            throw new OutOfScopeException("走访问题", String.valueOf(problemId));
        }
        located.problem().followUp(note, satisfied, user.username(), clock.instant());
        visits.save(located.problem());
        tallies.problemsChanged(located.campaignId(), located.communityId(), located.visitor());
        audit.record(Audit.Entry.change("PROBLEM_FOLLOWED_UP", "visit-problem", String.valueOf(problemId),
                Map.of("state", "DUE"), Map.of("state", "FOLLOWED_UP", "satisfied", satisfied)));
    }

    /** A call raised on a visit changed: its closing makes the follow-up due, its reopening opens the problem again. */
    @EventListener
    void on(CallChanged changed) {
        if (changed.origin() != Origin.VISIT) {
            return;
        }
        visits.problemOfCall(changed.callId()).ifPresent(located -> {
            Problem problem = located.problem();
            Instant now = clock.instant();
            boolean moved = changed.state() == CallState.CLOSED ? problem.callClosed(changed.solved(), now) : problem.callReopened(now);
            if (moved) {
                visits.save(problem);
                tallies.problemsChanged(located.campaignId(), located.communityId(), located.visitor());
            }
        });
    }

    private Visit.Visitor visitor(CurrentUser user, NewVisit request) {
        return switch (user.role()) {
            case MEMBER -> member(scopes.of(user).member());
            case LEADER -> leader(scopes.of(user).leader());
            case ORGAN_SECRETARY -> {
                Visit.Visitor member = member(memberId(request.member()));
                Long organ = directory.organ(user.scopeCode()).map(Directory.OrganRef::id).orElse(null);
                if (organ == null || !organ.equals(member.organId())) {
                    throw new OutOfScopeException("党员", request.member());
                }
                yield member;
            }
            case COMMITTEE_ADMIN -> request.leader() != null && !request.leader().isBlank()
                    ? leader(directory.leaderId(request.leader().trim()).orElseThrow(() -> new IllegalArgumentException("区领导编码不存在：" + request.leader())))
                    : member(memberId(request.member()));
            default -> throw new AccessDeniedException("走访由党员或区领导记录（机关党组书记和区直机关工委可代为记录）");
        };
    }

    private Long memberId(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请填写走访党员的编码");
        }
        return jdbc.sql("SELECT id FROM member WHERE code = :c").param("c", code.trim()).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("党员编码不存在：" + code));
    }

    private Visit.Visitor member(Long id) {
        if (id == null) {
            throw new AccessDeniedException("账户未关联党员");
        }
        return jdbc.sql("SELECT id, organ_id, party_org_id FROM member WHERE id = :id").param("id", id)
                .query((rs, n) -> new Visit.Visitor(rs.getLong(1), null, (Long) rs.getObject(2, Long.class), rs.getLong(3))).single();
    }

    private static Visit.Visitor leader(Long id) {
        if (id == null) {
            throw new AccessDeniedException("账户未关联区领导");
        }
        return new Visit.Visitor(null, id, null, null);
    }

    /** A member visits the communities paired with their organ or households assigned to them; a leader their liaison streets. */
    private boolean mayVisit(Visit.Visitor visitor, Household household) {
        String sql = visitor.memberId() != null ? """
                SELECT COUNT(*) FROM visit_assignment a WHERE a.household_id = :h AND a.member_id = :who
                UNION ALL SELECT COUNT(*) FROM pairing p WHERE p.community_id = :c AND p.organ_id = :organ AND p.ended_on IS NULL""" : """
                SELECT COUNT(*) FROM visit_assignment a WHERE a.household_id = :h AND a.leader_id = :who
                UNION ALL SELECT COUNT(*) FROM liaison l JOIN community c ON c.street_id = l.street_id
                WHERE c.id = :c AND l.leader_id = :who AND l.ended_on IS NULL""";
        return jdbc.sql(sql).param("h", household.id()).param("c", household.communityId())
                .param("who", visitor.memberId() != null ? visitor.memberId() : visitor.leaderId())
                .param("organ", visitor.organId() == null ? -1L : visitor.organId())
                .query(Long.class).list().stream().anyMatch(n -> n > 0);
    }

    private Long campaign(Long requested, Visit.Visitor visitor, LocalDate day) {
        if (requested == null) {
            return campaigns.openFor(visitor.organId(), visitor.leaderId() != null, day).orElse(null);
        }
        VisitCampaign campaign = campaigns.find(requested).orElseThrow(() -> new NotFoundException("走访活动", String.valueOf(requested)));
        if (!campaign.takesVisitOn(day)) {
            throw new IllegalArgumentException("走访日期不在活动「" + campaign.name() + "」的进行期间内，或活动已结束");
        }
        boolean takesPart = campaign.kind() == VisitCampaign.Kind.LIAISON ? visitor.leaderId() != null
                : visitor.organId() != null && campaign.organs().contains(visitor.organId());
        if (!takesPart) {
            throw new IllegalArgumentException("走访人不是活动「" + campaign.name() + "」的参加者");
        }
        return requested;
    }

    private boolean mayFollowUp(CurrentUser user, VisitScope scope, Visits.Located located) {
        Visit.Visitor visitor = located.visitor();
        return switch (user.role()) {
            case MEMBER -> visitor.memberId() != null && visitor.memberId().equals(scope.member());
            case LEADER -> visitor.leaderId() != null && visitor.leaderId().equals(scope.leader());
            case ORGAN_SECRETARY -> visitor.organId() != null && scope.scope().seesOrgan(visitor.organId());
            case COMMUNITY_STAFF -> scope.scope().seesCommunity(located.communityId());
            case COMMITTEE_ADMIN -> true;
            default -> false;
        };
    }

    private static String description(Visit visit, Visit.Heard heard, Household household) {
        String detail = heard.detail() == null ? "" : heard.detail() + "\n";
        return detail + "（走访中听到：" + visit.visitedOn() + " 走访 " + household.place() + "）";
    }
}
