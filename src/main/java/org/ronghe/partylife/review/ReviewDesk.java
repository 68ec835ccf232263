package org.ronghe.partylife.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.directory.DataScopes;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may take each step of a democratic review and where, the step on the aggregate, the store, the event and the
 * audit entry, in one transaction. Refusals come in a fixed order: the role (403), the review or organisation (404,
 * 403 outside the scope), its state (409), the input (400). The organ's secretary and the committee open, run and
 * decide; a member writes their own self-review, comments on others and votes.
 */
@Service
public class ReviewDesk {

    private final Reviews reviews;
    private final MeetingDesk meetings;
    private final ComplianceBook book;
    private final DataScopes dataScopes;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ReviewDesk(Reviews reviews, MeetingDesk meetings, ComplianceBook book, DataScopes dataScopes, JdbcClient jdbc, Audit audit,
               Clock clock, TransactionTemplate transactions) {
        this.reviews = reviews;
        this.meetings = meetings;
        this.book = book;
        this.dataScopes = dataScopes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record Created(long id, boolean replayed) {
    }

    /** A review to open: party organisation code and the year reviewed. */
    public record NewReview(String org, Integer year) {
    }

    /** A self-review: {@code member} is the member's code, the caller's own when a member writes it. */
    public record SelfReview(String member, String text) {
    }

    /** A peer review: {@code reviewer} (the caller when a member writes it) on {@code about}. */
    public record PeerReview(String reviewer, String about, String text) {
    }

    /** Grades as member codes per grade: a ballot, or the decision (with the meeting that took it, optionally). */
    public record Grades(List<String> excellent, List<String> qualified, List<String> basicallyQualified, List<String> unqualified,
                         Long meeting) {

        Map<Grade, List<String>> byGrade() {
            Map<Grade, List<String>> by = new EnumMap<>(Grade.class);
            by.put(Grade.EXCELLENT, excellent == null ? List.of() : excellent);
            by.put(Grade.QUALIFIED, qualified == null ? List.of() : qualified);
            by.put(Grade.BASICALLY_QUALIFIED, basicallyQualified == null ? List.of() : basicallyQualified);
            by.put(Grade.UNQUALIFIED, unqualified == null ? List.of() : unqualified);
            return by;
        }
    }

    /** The count of a paper vote: how many ballots, and the votes per grade for each full member. */
    public record PaperVote(Integer ballots, List<Review.PaperCount> tallies) {
    }

    public PartyLifeScope scopeOf(CurrentUser user) {
        return meetings.scopeOf(user);
    }

    /** Whether the person runs reviews (opens, starts the vote, counts paper ballots, decides) somewhere. */
    public static boolean runs(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.ORGAN_SECRETARY;
    }

    /** Opens the review of an organisation for a year, with the members on its roll now; once per organisation and year. */
    public Created open(CurrentUser user, NewReview request, String idempotencyKey) {
        if (!runs(user)) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以开展民主评议");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = reviews.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null || request.org() == null || request.org().isBlank()) {
            throw new IllegalArgumentException("请指定党组织编码（org）");
        }
        MeetingDesk.PartyOrg org = meetings.partyOrg(request.org().trim());
        if (!scopeOf(user).sees(org.id(), org.organId(), org.communityId())) {
            throw new OutOfScopeException("党组织", org.code());
        }
        if ("GROUP".equals(org.kind())) {
            throw new IllegalArgumentException("党小组不单独开展民主评议：请在所属党支部开展，党小组的党员参加支部的评议");
        }
        int year = year(request.year());
        Optional<Long> taken = reviews.idOf(org.id(), year);
        if (taken.isPresent()) {
            throw new ConflictException(org.name() + " " + year + " 年的民主评议已经开展（评议 " + taken.get() + "），每个党组织每年一次",
                    Map.of("review", taken.get()));
        }
        Review review = Review.open(org.id(), year, roll(org.id()), user.username(), key, clock.instant());
        try {
            return new Created(transactions.execute(status -> {
                reviews.insertAll(List.of(review));
                audit.record(Audit.Entry.change("REVIEW_OPENED", "review", String.valueOf(review.id()), null,
                        Map.of("org", org.code(), "year", year, "participants", review.roll().size(), "fullMembers", review.fullMembers())));
                return review.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                Optional<Long> replay = reviews.idForKey(user.username(), key);
                if (replay.isPresent()) {
                    return new Created(replay.get(), true);
                }
            }
            throw new ConflictException(org.name() + " " + year + " 年的民主评议已经开展，每个党组织每年一次", Map.of());
        }
    }

    /** The vote begins (OPEN → VOTING). */
    public void startVoting(CurrentUser user, long id) {
        Review review = runnable(user, id);
        String before = review.state().name();
        review.startVoting(user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            reviews.save(review);
            audit.record(Audit.Entry.change("REVIEW_VOTING_STARTED", "review", String.valueOf(id), Map.of("state", before),
                    Map.of("state", review.state().name())));
        });
    }

    /** A member writes their own self-review; the secretary or the committee records one for a participant. */
    public void selfReview(CurrentUser user, long id, SelfReview body) {
        Review review = writable(user, id);
        String member = actingAs(user, review, body == null ? null : body.member(), "自评");
        Review.SelfReviewed written = review.writeSelfReview(member, body == null ? null : body.text(), user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            reviews.writeSelfReviews(id, List.of(written));
            reviews.writeEvents(List.of(review));
            audit.record(Audit.Entry.change("REVIEW_SELF_REVIEWED", "review", id + "/" + review.member(written.memberId()).code(), null,
                    Map.of("length", written.text().length())));
        });
    }

    /** A participant comments on another; the secretary or the committee records a comment made on paper. */
    public void peerReview(CurrentUser user, long id, PeerReview body) {
        Review review = writable(user, id);
        String reviewer = actingAs(user, review, body == null ? null : body.reviewer(), "互评");
        Review.PeerReviewed written = review.writePeerReview(reviewer, body == null ? null : body.about(), body == null ? null : body.text(),
                user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            reviews.writePeerReview(id, written);
            reviews.writeEvents(List.of(review));
            audit.record(Audit.Entry.change("REVIEW_PEER_REVIEWED", "review", String.valueOf(id), null,
                    Map.of("reviewer", reviewer, "about", review.member(written.aboutId()).code())));
        });
    }

    /**
     * A participant casts their ballot, once. A retry with the key of their ballot answers it again ({@code true}:
     * replayed); any other second ballot is refused (409). Only the counts keep what was chosen.
     */
    public boolean ballot(CurrentUser user, long id, Grades body, String idempotencyKey) {
        if (user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有参加评议的党员本人可以投票；纸质投票请由书记登记计票结果");
        }
        Review review = visible(user, id);
        long voter = self(user, review, "投票");
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && review.voted(voter) && key.equals(review.keyOf(voter))) {
            return true;
        }
        Review.Ballot ballot = review.castBallot(voter, body == null ? null : body.byGrade(), key, user.username(), clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                reviews.cast(review, ballot);
                audit.record(Audit.Entry.change("REVIEW_BALLOT_CAST", "review", String.valueOf(id), null,
                        Map.of("ballots", review.ballots())));
            });
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("您已投票，每名党员只能投一次票", Map.of("review", id));
        }
        return false;
    }

    /** The secretary (or the committee) records the count of a paper vote; a later count replaces it. */
    public void paperVote(CurrentUser user, long id, PaperVote body) {
        Review review = runnable(user, id);
        int before = review.paperBallots();
        review.recordPaperVote(body == null ? null : body.ballots(), body == null ? null : body.tallies(), user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            reviews.save(review);
            reviews.savePaper(review);
            audit.record(Audit.Entry.change("REVIEW_PAPER_COUNTED", "review", String.valueOf(id), Map.of("paperBallots", before),
                    Map.of("paperBallots", review.paperBallots())));
        });
    }

    /** The branch's decision closes the vote and grades every full member (VOTING → DECIDED); the review is then frozen. */
    public void decide(CurrentUser user, long id, Grades body) {
        Review review = runnable(user, id);
        if (review.state() == ReviewState.VOTING && body != null && body.meeting() != null) {
            checkMeeting(review, body.meeting());
        }
        Map<Long, Grade> decided = review.decide(body == null ? null : body.byGrade(), body == null ? null : body.meeting(),
                user.username(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", review.state().name());
        for (Grade grade : Grade.values()) {
            after.put(grade.name(), decided.values().stream().filter(g -> g == grade).count());
        }
        after.put("meeting", review.meetingId() == null ? "none" : review.meetingId());
        transactions.executeWithoutResult(status -> {
            reviews.save(review);
            reviews.saveGrades(review);
            audit.record(Audit.Entry.change("REVIEW_DECIDED", "review", String.valueOf(id), Map.of("state", ReviewState.VOTING.name()), after));
        });
    }

    /**
     * A review in full, if the person may see it: tallies, never who voted what. Until the decision only those who run
     * it (and decide from the tallies) see the counts; members see them once decided.
     */
    public Reviews.Detail review(CurrentUser user, long id) {
        visible(user, id);
        Reviews.Detail detail = reviews.detail(id);
        return runs(user) || detail.review().state() == ReviewState.DECIDED ? detail : detail.withoutTallies();
    }

    /** The member behind a member's account, if they take part in the review (for the page's forms). */
    public Optional<String> participantCode(CurrentUser user, Reviews.Detail detail) {
        if (user.role() != Role.MEMBER || user.scopeCode() == null) {
            return Optional.empty();
        }
        return detail.participants().stream().map(Reviews.Participant::code).filter(user.scopeCode()::equals).findFirst();
    }

    // ---------------------------------------------------------------- who, where

    private Review runnable(CurrentUser user, long id) {
        if (!runs(user)) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以组织投票、登记计票和作出评定");
        }
        return visible(user, id);
    }

    private Review writable(CurrentUser user, long id) {
        if (!runs(user) && user.role() != Role.MEMBER) {
            throw new AccessDeniedException("只有参加评议的党员本人、本单位党组书记或区直机关工委可以填写评议");
        }
        return visible(user, id);
    }

    private Review visible(CurrentUser user, long id) {
        Reviews.Owner owner = reviews.owner(id).orElseThrow(() -> new NotFoundException("民主评议", String.valueOf(id)));
        if (!scopeOf(user).sees(owner.partyOrgId(), owner.organId(), owner.communityId())) {
            throw new OutOfScopeException("民主评议", String.valueOf(id));
        }
        return reviews.load(id).orElseThrow(() -> new NotFoundException("民主评议", String.valueOf(id)));
    }

    /** The member a step is taken for: a member only for themselves, the others for the participant they name. */
    private String actingAs(CurrentUser user, Review review, String named, String what) {
        if (user.role() != Role.MEMBER) {
            return named;
        }
        long self = self(user, review, what);
        String own = review.member(self).code();
        if (named != null && !named.isBlank() && !named.trim().equals(own)) {
            throw new AccessDeniedException("党员只能以本人名义" + what);
        }
        return own;
    }

    private long self(CurrentUser user, Review review, String what) {
        Long self = dataScopes.of(user).self();
        if (self == null || review.member(self) == null) {
            throw new AccessDeniedException("只有参加本次民主评议的党员可以" + what);
        }
        return self;
    }

    /** The meeting that decided: a DEMOCRATIC_REVIEW meeting of the organisation, in the year or the first quarter after. */
    private void checkMeeting(Review review, long meetingId) {
        record Held(long org, String kind, LocalDate on) {
        }
        Held held = jdbc.sql("SELECT party_org_id, kind, held_on FROM meeting WHERE id = :id").param("id", meetingId)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).optional()
                .orElseThrow(() -> new IllegalArgumentException("会议不存在：" + meetingId));
        if (held.org() != review.partyOrgId() || !MeetingKind.DEMOCRATIC_REVIEW.name().equals(held.kind())) {
            throw new IllegalArgumentException("评定所依据的会议须为本党组织的“民主评议党员”会议：" + meetingId);
        }
        if (held.on().isBefore(LocalDate.of(review.year(), 1, 1)) || held.on().isAfter(LocalDate.of(review.year() + 1, 3, 31))) {
            throw new IllegalArgumentException("评定所依据的会议应在评议年度内或次年第一季度召开：" + held.on());
        }
    }

    private int year(Integer year) {
        if (year == null) {
            throw new IllegalArgumentException("请填写评议年度（year）");
        }
        int current = book.today().getYear();
        if (year < current - 5 || year > current) {
            throw new IllegalArgumentException("评议年度应在 " + (current - 5) + " 年至 " + current + " 年之间");
        }
        return year;
    }

    /**
     * The members on the organisation's roll: its own and those of its party groups (the quorum's rule for a branch). A
     * general branch's branches review their own members, so nobody is graded twice in a year.
     */
    public List<Review.OnRoll> roll(long partyOrgId) {
        return jdbc.sql("""
                        SELECT m.id, m.code, m.status FROM member m JOIN party_org o ON o.id = m.party_org_id
                        WHERE o.id = :p OR (o.parent_id = :p AND o.kind = 'GROUP') ORDER BY m.code""").param("p", partyOrgId)
                .query((rs, n) -> new Review.OnRoll(rs.getLong(1), rs.getString(2), "FULL".equals(rs.getString(3)))).list();
    }
}
