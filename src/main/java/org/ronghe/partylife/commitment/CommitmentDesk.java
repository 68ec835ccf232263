package org.ronghe.partylife.commitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.Meetings;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.ronghe.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may publish, revise and withdraw a member's 三亮 card, the step on the aggregate, the store and the audit
 * entry, in one transaction. A member publishes their own; their organ's secretary and the committee may record one
 * for them (within their party life scope). Refusals come in a fixed order: the role (403), the member (404, 403),
 * the input (400), the state (409).
 */
@Service
public class CommitmentDesk {

    public static final String WHO = "只有党员本人、本单位党组书记或区直机关工委可以发布或修改承诺卡";

    private final Cards cards;
    private final MeetingDesk meetingDesk;
    private final Meetings meetings;
    private final ComplianceBook book;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CommitmentDesk(Cards cards, MeetingDesk meetingDesk, Meetings meetings, ComplianceBook book, JdbcClient jdbc, Audit audit,
                   Clock clock, TransactionTemplate transactions) {
        this.cards = cards;
        this.meetingDesk = meetingDesk;
        this.meetings = meetings;
        this.book = book;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A card as sent: the member (a member's own by default), the year (this year by default), the content. */
    public record Publication(String member, Integer year, Integer version, List<String> duties, List<NewCommitment> commitments) {
    }

    /**
     * A commitment as sent: {@code id} to keep one already on the card; {@code target} a {@link TargetKind} with
     * {@code count}, or {@code DECISION_DELIVERED} with {@code meeting} and {@code decision} (from 1); no target: 不可量化.
     */
    public record NewCommitment(Long id, String text, String target, Integer count, Long meeting, Integer decision) {
    }

    /** @param created a new card (otherwise a revision, or nothing changed); @param replayed answered from the key */
    public record Published(long cardId, String memberCode, int year, boolean created, boolean replayed) {
    }

    /** A member as the desk needs them. */
    public record MemberRef(long id, String code, long partyOrgId, Long organId, Long communityId) {
    }

    public Published publish(CurrentUser user, Publication request, String idempotencyKey) {
        requireRole(user);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        Texts.check("Idempotency-Key", key, CommitmentCard.KEY_LENGTH);
        if (key != null) {
            Optional<Published> replay = replay(user, key);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        if (request == null) {
            throw new IllegalArgumentException("请填写承诺卡");
        }
        MemberRef member = memberFor(user, request.member());
        int thisYear = book.today().getYear();
        int year = request.year() == null ? thisYear : request.year();
        CommitmentCard.Draft draft = draft(member, request);
        Optional<CommitmentCard> existing = cards.find(member.id(), year);
        if (existing.isPresent() && request.version() != null && request.version() != existing.get().version()) {
            throw new ConflictException("承诺卡已更新为第 " + existing.get().version() + " 版，请刷新后重试",
                    Map.of("version", existing.get().version()));
        }
        try {
            return transactions.execute(status -> {
                if (existing.isEmpty()) {
                    CommitmentCard card = CommitmentCard.publish(member.id(), year, draft, user.username(), clock.instant(), thisYear);
                    cards.saveAllNew(List.of(card));
                    remember(user, key, card.id());
                    audit.record(Audit.Entry.change("COMMITMENT_CARD_PUBLISHED", "commitment_card", member.code() + "/" + year, null,
                            content(card)));
                    return new Published(card.id(), member.code(), year, true, false);
                }
                CommitmentCard card = existing.get();
                int read = card.version();
                Map<String, Object> before = content(card);
                if (card.revise(draft, user.username(), clock.instant(), thisYear)) {
                    cards.save(card, read);
                    audit.record(Audit.Entry.change("COMMITMENT_CARD_REVISED", "commitment_card", member.code() + "/" + year, before,
                            content(card)));
                }
                remember(user, key, card.id());
                return new Published(card.id(), member.code(), year, false, false);
            });
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                Optional<Published> replay = replay(user, key);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw new ConflictException("该党员本年度的承诺卡刚由他人发布，请刷新后修订", Map.of("member", member.code()));
        }
    }

    /** Withdraws one commitment, with the reason; it stays on the card, marked withdrawn. */
    public Published withdraw(CurrentUser user, long commitmentId, String reason) {
        requireRole(user);
        long cardId = cards.cardOfCommitment(commitmentId).orElseThrow(() -> new NotFoundException("承诺", String.valueOf(commitmentId)));
        CommitmentCard card = cards.find(cardId).orElseThrow(() -> new NotFoundException("承诺", String.valueOf(commitmentId)));
        MemberRef member = member(card.memberId());
        checkMayEdit(user, member, String.valueOf(commitmentId));
        int read = card.version();
        Map<String, Object> before = content(card);
        transactions.executeWithoutResult(status -> {
            Commitment c = card.withdraw(commitmentId, reason, user.username(), clock.instant(), book.today().getYear());
            cards.save(card, read);
            audit.record(Audit.Entry.change("COMMITMENT_WITHDRAWN", "commitment", String.valueOf(c.id()), before,
                    Map.of("card", member.code() + "/" + card.year(), "version", card.version(), "reason", c.withdrawnReason())));
        });
        return new Published(card.id(), member.code(), card.year(), false, false);
    }

    /**
     * Publishes the cards of many members at once, for a seeding run (the demo): each through the aggregate, stored in
     * one batch in the caller's transaction. Members who already have a card for the year are skipped.
     * @return how many cards were published
     */
    public int publishAll(String actor, int year, Map<Long, CommitmentCard.Draft> drafts) {
        int thisYear = book.today().getYear();
        Set<Long> taken = new HashSet<>(jdbc.sql("SELECT member_id FROM commitment_card WHERE card_year = :y").param("y", year)
                .query(Long.class).list());
        List<CommitmentCard> made = new ArrayList<>();
        drafts.forEach((member, draft) -> {
            if (!taken.contains(member)) {
                made.add(CommitmentCard.publish(member, year, draft, actor, clock.instant(), thisYear));
            }
        });
        cards.saveAllNew(made);
        return made.size();
    }

    /** Whether the person may publish or change this member's card. */
    public boolean mayEdit(CurrentUser user, MemberRef member) {
        return switch (user.role()) {
            case MEMBER -> member.code().equals(user.scopeCode());
            case COMMITTEE_ADMIN, ORGAN_SECRETARY -> meetingDesk.scopeOf(user).sees(member.partyOrgId(), member.organId(), member.communityId());
            default -> false;
        };
    }

    public Optional<MemberRef> member(String code) {
        return jdbc.sql("""
                        SELECT m.id, m.code, p.id, p.organ_id, p.community_id FROM member m JOIN party_org p ON p.id = m.party_org_id
                        WHERE m.code = :c""").param("c", code)
                .query((rs, n) -> new MemberRef(rs.getLong(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4, Long.class),
                        (Long) rs.getObject(5, Long.class))).optional();
    }

    private MemberRef member(long id) {
        String code = jdbc.sql("SELECT code FROM member WHERE id = :id").param("id", id).query(String.class).single();
        return member(code).orElseThrow();
    }

    private static void requireRole(CurrentUser user) {
        if (user.role() != Role.MEMBER && user.role() != Role.ORGAN_SECRETARY && user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException(WHO);
        }
    }

    /** The member whose card it is: a member's own (naming another is refused), or the one named, within the scope. */
    private MemberRef memberFor(CurrentUser user, String code) {
        String named = code == null ? "" : code.trim();
        if (user.role() == Role.MEMBER) {
            if (!named.isEmpty() && !named.equals(user.scopeCode())) {
                throw new AccessDeniedException("党员只能发布本人的承诺卡");
            }
            named = user.scopeCode() == null ? "" : user.scopeCode();
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("请指定党员编码（member）");
        }
        String found = named;
        MemberRef member = member(found).orElseThrow(() -> new NotFoundException("党员", found));
        checkMayEdit(user, member, found);
        return member;
    }

    private void checkMayEdit(CurrentUser user, MemberRef member, String key) {
        if (!mayEdit(user, member)) {
            throw user.role() == Role.MEMBER ? new AccessDeniedException("党员只能发布或修改本人的承诺卡")
                    : new OutOfScopeException("党员", key);
        }
    }

    private Optional<Published> replay(CurrentUser user, String key) {
        return cards.cardForKey(user.username(), key).flatMap(cards::find).map(card -> {
            String code = jdbc.sql("SELECT code FROM member WHERE id = :id").param("id", card.memberId()).query(String.class).single();
            return new Published(card.id(), code, card.year(), false, true);
        });
    }

    private void remember(CurrentUser user, String key, long cardId) {
        if (key != null) {
            cards.remember(user.username(), key, cardId);
        }
    }

    /** The content as sent, its targets parsed and every named decision checked against the meetings. */
    private CommitmentCard.Draft draft(MemberRef member, Publication request) {
        List<CommitmentCard.Item> items = new ArrayList<>();
        Set<Long> chain = null;
        for (NewCommitment c : request.commitments() == null ? List.<NewCommitment>of() : request.commitments()) {
            if (c == null) {
                continue;
            }
            TargetKind kind = TargetKind.parse(c.target());
            Commitment.Target target = kind == null && c.count() == null && c.meeting() == null && c.decision() == null ? null
                    : new Commitment.Target(kind, c.count(), c.meeting(), c.decision());
            if (kind == TargetKind.DECISION_DELIVERED && c.meeting() != null && c.decision() != null) {
                chain = chain == null ? chainOf(member) : chain;
                checkDecision(chain, c.meeting(), c.decision());
            }
            items.add(new CommitmentCard.Item(c.id(), c.text(), target));
        }
        return new CommitmentCard.Draft(request.duties(), items);
    }

    /** A decision is promised only from a meeting of the member's organisation, one above it or one below it. */
    private void checkDecision(Set<Long> chain, long meeting, int decision) {
        String ref = meeting + "/" + decision;
        Meetings.Owner owner = meetings.owner(meeting).orElseThrow(() -> new IllegalArgumentException("会议不存在：" + meeting));
        if (meetings.decision(meeting, decision).isEmpty()) {
            throw new IllegalArgumentException("会议没有这项决定事项：" + ref);
        }
        if (!chain.contains(owner.partyOrgId())) {
            throw new IllegalArgumentException("只能承诺落实本人所在党组织及其上下级党组织会议的决定事项：" + ref);
        }
    }

    /** The member's organisation, those above it and those below it. */
    private Set<Long> chainOf(MemberRef member) {
        Set<Long> chain = new HashSet<>(jdbc.sql("""
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM party_org WHERE id = :p
                    UNION ALL
                    SELECT o.id FROM party_org o JOIN tree t ON o.parent_id = t.id)
                SELECT id FROM tree""").param("p", member.partyOrgId()).query(Long.class).list());
        chain.addAll(jdbc.sql("""
                WITH RECURSIVE up (id, parent_id) AS (
                    SELECT id, parent_id FROM party_org WHERE id = :p
                    UNION ALL
                    SELECT o.id, o.parent_id FROM party_org o JOIN up u ON o.id = u.parent_id)
                SELECT id FROM up""").param("p", member.partyOrgId()).query(Long.class).list());
        return chain;
    }

    private static Map<String, Object> content(CommitmentCard card) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("version", card.version());
        content.put("duties", card.duties());
        content.put("commitments", card.commitments().stream().filter(c -> !c.withdrawn())
                .map(c -> c.text() + (c.target() == null ? "" : "｜" + c.target().describe())).toList());
        return content;
    }

    /** The party life scope of a person, for the lists. */
    public PartyLifeScope scopeOf(CurrentUser user) {
        return meetingDesk.scopeOf(user);
    }
}
