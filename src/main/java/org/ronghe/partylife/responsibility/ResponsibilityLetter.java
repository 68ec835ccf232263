package org.ronghe.partylife.responsibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.ConflictException;
import org.ronghe.platform.Texts;

/**
 * An organ's responsibility letter (责任书) for one year: issued by the committee, signed by the organ's secretary
 * (ISSUED → SIGNED, once). Its duty items are aggregates of their own ({@link DutyItem}) and may change in either
 * state. Plain Java: every step is given its instant and registers its event.
 */
public class ResponsibilityLetter {

    public static final int TITLE_LENGTH = 200;
    public static final int BODY_LENGTH = 4000;
    public static final int KEY_LENGTH = 100;

    private Long id;
    private final int version;
    private final long organId;
    private final int year;
    private final String title;
    private final String body;
    private LetterState state;
    private final Instant issuedAt;
    private final String issuedBy;
    private Instant signedAt;
    private String signedBy;
    private final String idempotencyKey;
    private final List<Event> events = new ArrayList<>();

    public ResponsibilityLetter(Long id, int version, long organId, int year, String title, String body, LetterState state,
                                Instant issuedAt, String issuedBy, Instant signedAt, String signedBy, String idempotencyKey) {
        this.id = id;
        this.version = version;
        this.organId = organId;
        this.year = year;
        this.title = title;
        this.body = body;
        this.state = state;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * Issues the letter of an organ for a year between 2000 and next year; the title defaults to
     * “{year}年度{organ}党建工作责任书”.
     */
    public static ResponsibilityLetter issue(long organId, String organName, Integer year, String title, String body, String actor,
                                             String key, Instant now, LocalDate today) {
        Texts.check("Idempotency-Key", key, KEY_LENGTH);
        if (year == null) {
            throw new IllegalArgumentException("请填写责任书年度（year）");
        }
        if (year < 2000 || year > today.getYear() + 1) {
            throw new IllegalArgumentException("责任书年度应在 2000 年至 " + (today.getYear() + 1) + " 年之间");
        }
        String t = title == null || title.isBlank() ? year + "年度" + organName + "党建工作责任书" : title.trim();
        Texts.check("责任书标题", t, TITLE_LENGTH);
        String b = body == null || body.isBlank() ? null : body.trim();
        Texts.check("责任书正文", b, BODY_LENGTH);
        ResponsibilityLetter letter = new ResponsibilityLetter(null, 0, organId, year, t, b, LetterState.ISSUED, now, actor,
                null, null, key);
        letter.events.add(new Event("ISSUED", now, actor, year + " 年度责任书下达"));
        return letter;
    }

    /** The organ's secretary signs the letter, once. */
    public void sign(String actor, Instant now) {
        if (state != LetterState.ISSUED) {
            throw new ConflictException("责任书已于 " + signedAt + " 签订，不能重复签订", Map.of("state", state.name()));
        }
        state = LetterState.SIGNED;
        signedAt = now;
        signedBy = actor;
        events.add(new Event("SIGNED", now, actor, "责任书签订"));
    }

    /** Items may be added, revised and withdrawn while the letter is issued or signed. */
    public boolean takesItems() {
        return state == LetterState.ISSUED || state == LetterState.SIGNED;
    }

    public LocalDate startsOn() {
        return LocalDate.of(year, 1, 1);
    }

    public void assignIdentity(long id) {
        this.id = id;
    }

    public void written() {
        events.clear();
    }

    public Long id() {
        return id;
    }

    public int version() {
        return version;
    }

    public long organId() {
        return organId;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public LetterState state() {
        return state;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String signedBy() {
        return signedBy;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }
}
