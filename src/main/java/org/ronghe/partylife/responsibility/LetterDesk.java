package org.ronghe.partylife.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.MeetingKind;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may issue and sign a responsibility letter and change its duty items, the step on the aggregate, the store,
 * the event and the audit entry, in one transaction. Refusals come in a fixed order: the role (403), the letter
 * (404, 403 outside the scope), the input (400), the state (409).
 */
@Service
public class LetterDesk {

    private final Letters letters;
    private final Responsibilities reads;
    private final NamedParameterJdbcTemplate jdbc;
    private final Audit audit;
    private final Clock clock;
    private final ComplianceBook book;
    private final TransactionTemplate transactions;

    LetterDesk(Letters letters, Responsibilities reads, NamedParameterJdbcTemplate jdbc, Audit audit, Clock clock, ComplianceBook book,
               TransactionTemplate transactions) {
        this.letters = letters;
        this.reads = reads;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.book = book;
        this.transactions = transactions;
    }

    public record Created(long id, boolean replayed) {
    }

    /** A letter as sent: the organ's code and the year; title and text optional. */
    public record NewLetter(String organ, Integer year, String title, String body) {
    }

    /** An item as sent (to add or revise; {@code list} only when adding): owner as member code, due date as text. */
    public record ItemRequest(String list, String text, String owner, String dueOn, String measure, String meetingKind,
                              Integer target) {
    }

    public record Withdrawal(String reason) {
    }

    /** A meeting (by id) or one of its decisions (by position) attached to an item as fulfilment. */
    public record RecordRequest(Long meeting, Integer decision) {
    }

    /** The organ as the desk needs it. */
    record Organ(long id, String code, String name) {
    }

    /** The committee issues an organ's letter for a year, once per organ and year. */
    public Created issue(CurrentUser user, NewLetter request, String idempotencyKey) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以下达责任书");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = letters.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null || request.organ() == null || request.organ().isBlank()) {
            throw new IllegalArgumentException("请指定机关单位编码（organ）");
        }
        Organ organ = organ(request.organ().trim());
        ResponsibilityLetter letter = ResponsibilityLetter.issue(organ.id(), organ.name(), request.year(), request.title(),
                request.body(), user.username(), key, clock.instant(), book.today());
        if (letters.exists(organ.id(), letter.year())) {
            throw new ConflictException(organ.name() + " " + letter.year() + " 年度的责任书已经下达，每个单位每年一份",
                    Map.of("organ", organ.code(), "year", letter.year()));
        }
        try {
            return new Created(transactions.execute(status -> {
                letters.saveAllNew(List.of(letter));
                audit.record(Audit.Entry.change("LETTER_ISSUED", "responsibility_letter", String.valueOf(letter.id()), null,
                        Map.of("organ", organ.code(), "year", letter.year(), "state", letter.state().name())));
                return letter.id();
            }), false);
        } catch (DuplicateKeyException raced) {
            return letters.idForKey(user.username(), key == null ? "" : key).map(id -> new Created(id, true))
                    .orElseThrow(() -> new ConflictException(organ.name() + " " + letter.year() + " 年度的责任书已经下达",
                            Map.of("organ", organ.code())));
        }
    }

    /** The organ's secretary signs the letter issued to their organ. */
    public void sign(CurrentUser user, long id) {
        if (user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有本单位党组书记可以签订责任书");
        }
        ResponsibilityLetter letter = reads.visible(user, id);
        LetterState before = letter.state();
        letter.sign(user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            letters.save(letter);
            audit.record(Audit.Entry.change("LETTER_SIGNED", "responsibility_letter", String.valueOf(id),
                    Map.of("state", before.name()), Map.of("state", letter.state().name())));
        });
    }

    /** The committee or the organ's secretary adds an item to one of the letter's lists. @return its position */
    public int addItem(CurrentUser user, long letterId, ItemRequest request) {
        ResponsibilityLetter letter = editable(user, letterId);
        if (request == null) {
            throw new IllegalArgumentException("请填写责任事项");
        }
        DutyList list = DutyList.parse(request.list());
        DutyItem.Terms terms = terms(letter, request);
        int position = letters.nextPosition(letterId);
        DutyItem item = DutyItem.add(letter, position, list, terms, user.username(), clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                letters.saveAllNewItems(List.of(item));
                audit.record(Audit.Entry.change("DUTY_ITEM_ADDED", "duty_item", letterId + "/" + position, null, describe(item)));
            });
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("责任事项正被他人同时增加，请刷新后重试", Map.of("letter", letterId));
        }
        return position;
    }

    public void reviseItem(CurrentUser user, long letterId, int position, ItemRequest request) {
        ResponsibilityLetter letter = editable(user, letterId);
        DutyItem item = item(letterId, position);
        if (request == null) {
            throw new IllegalArgumentException("请填写修改后的责任事项");
        }
        if (request.list() != null && !request.list().isBlank() && DutyList.parse(request.list()) != item.list()) {
            throw new IllegalArgumentException("责任事项不能移到另一份清单：请撤回后在另一份清单中增加");
        }
        Map<String, Object> before = describe(item);
        item.revise(letter, terms(letter, request), user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            letters.save(item);
            audit.record(Audit.Entry.change("DUTY_ITEM_REVISED", "duty_item", letterId + "/" + position, before, describe(item)));
        });
    }

    public void withdrawItem(CurrentUser user, long letterId, int position, Withdrawal request) {
        ResponsibilityLetter letter = editable(user, letterId);
        DutyItem item = item(letterId, position);
        item.withdraw(letter, request == null ? null : request.reason(), user.username(), clock.instant());
        transactions.executeWithoutResult(status -> {
            letters.save(item);
            audit.record(Audit.Entry.change("DUTY_ITEM_WITHDRAWN", "duty_item", letterId + "/" + position,
                    Map.of("withdrawn", false), Map.of("withdrawn", true, "reason", item.withdrawnReason())));
        });
    }

    /** Attaches a meeting of the organ's party organisations held in the letter's year or after, or one of its decisions. */
    public void attach(CurrentUser user, long letterId, int position, RecordRequest request) {
        ResponsibilityLetter letter = editable(user, letterId);
        DutyItem item = item(letterId, position);
        if (request == null || request.meeting() == null) {
            throw new IllegalArgumentException("请指定会议（meeting，会议编号）");
        }
        int decision = request.decision() == null ? 0 : request.decision();
        if (decision < 0) {
            throw new IllegalArgumentException("决定事项序号（decision）应为正整数");
        }
        record Found(long organ, LocalDate heldOn) {
        }
        Found meeting = jdbc.query("""
                        SELECT p.organ_id, g.held_on FROM meeting g JOIN party_org p ON p.id = g.party_org_id WHERE g.id = :m""",
                Map.of("m", request.meeting()), (rs, n) -> new Found(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("会议", String.valueOf(request.meeting())));
        if (meeting.organ() != letter.organId()) {
            throw new IllegalArgumentException("只能附本单位党组织的会议记录");
        }
        if (meeting.heldOn().isBefore(letter.startsOn())) {
            throw new IllegalArgumentException("只能附 " + letter.year() + " 年度及以后的会议记录");
        }
        if (decision > 0 && jdbc.queryForObject("SELECT COUNT(*) FROM meeting_decision WHERE meeting_id = :m AND position = :p",
                Map.of("m", request.meeting(), "p", decision), Long.class) == 0) {
            throw new NotFoundException("决定事项", request.meeting() + "/" + decision);
        }
        item.attach(letter, request.meeting(), decision, letters.attached(item.id(), request.meeting(), decision), user.username(),
                clock.instant());
        transactions.executeWithoutResult(status -> {
            letters.save(item);
            audit.record(Audit.Entry.change("DUTY_RECORD_ATTACHED", "duty_item", letterId + "/" + position, null,
                    Map.of("meeting", request.meeting(), "decision", decision)));
        });
    }

    /** The committee, or the secretary of the letter's organ, on a letter that exists. */
    private ResponsibilityLetter editable(CurrentUser user, long letterId) {
        if (user.role() != Role.COMMITTEE_ADMIN && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("只有区直机关工委或本单位党组书记可以修改责任清单");
        }
        return reads.visible(user, letterId);
    }

    private DutyItem item(long letterId, int position) {
        return letters.item(letterId, position).orElseThrow(() -> new NotFoundException("责任事项", letterId + "/" + position));
    }

    private DutyItem.Terms terms(ResponsibilityLetter letter, ItemRequest request) {
        String ownerCode = request.owner() == null ? "" : request.owner().trim();
        if (ownerCode.isEmpty()) {
            throw new IllegalArgumentException("请指定责任人（owner，党员编码）");
        }
        // 一岗双责: the owner is one of the organ's own people, a member of one of its party organisations.
        long owner = jdbc.queryForList("""
                        SELECT m.id FROM member m JOIN party_org p ON p.id = m.party_org_id WHERE m.code = :c AND p.organ_id = :o""",
                Map.of("c", ownerCode, "o", letter.organId()), Long.class).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("责任人不是本单位党员：" + ownerCode));
        MeetingKind kind = request.meetingKind() == null || request.meetingKind().isBlank() ? null : MeetingKind.parse(request.meetingKind());
        return new DutyItem.Terms(request.text(), owner, date(request.dueOn()), Measure.parse(request.measure()), kind, request.target());
    }

    private static Map<String, Object> describe(DutyItem item) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("list", item.list().name());
        d.put("text", item.terms().text());
        d.put("owner", item.terms().ownerId());
        d.put("dueOn", item.terms().dueOn().toString());
        d.put("measure", item.terms().measure().name());
        d.put("meetingKind", item.terms().meetingKind() == null ? "" : item.terms().meetingKind().name());
        d.put("target", item.terms().target() == null ? "" : item.terms().target());
        return d;
    }

    Organ organ(String code) {
        return jdbc.query("SELECT id, code, name FROM organ WHERE code = :c", Map.of("c", code),
                        (rs, n) -> new Organ(rs.getLong(1), rs.getString(2), rs.getString(3))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("机关单位", code));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请填写完成时限（dueOn）");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("完成时限格式应为“年-月-日”，例如 2026-12-31");
        }
    }
}
