package org.ronghe.assessment.scheme;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.ronghe.assessment.DefaultScheme;
import org.ronghe.assessment.Scheme;
import org.ronghe.assessment.SchemeRefused;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.RejectedInputException;
import org.ronghe.platform.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schemes' use cases: the year's active scheme (the default one installed on first need), a new version (a
 * draft, validated whole), activating a version (the previous one retires, its row kept). Only the work committee
 * writes schemes; everyone who sees results may read them.
 */
@Service
public class SchemeDesk {

    private final Schemes schemes;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SchemeDesk(Schemes schemes, Audit audit, TransactionTemplate transactions, Clock clock) {
        this.schemes = schemes;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public static boolean writes(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN;
    }

    public List<Schemes.Stored> list(Integer year) {
        return schemes.ofYear(year);
    }

    public Schemes.Stored one(long id) {
        return schemes.byId(id).orElseThrow(() -> new NotFoundException("考核方案", String.valueOf(id)));
    }

    /**
     * The scheme a run of the year uses: the active one, or the default scheme as the year's next version, not yet
     * stored ({@code id} null) so that a run refused for its input stores nothing; {@link #install} stores it with the run.
     */
    public record Chosen(Long id, Scheme scheme) {
    }

    public Chosen chosen(int year) {
        return schemes.active(year).map(s -> new Chosen(s.id(), s.scheme()))
                .orElseGet(() -> new Chosen(null, SchemeDocument.of(DefaultScheme.of(year)).toScheme(year, schemes.nextVersion(year))));
    }

    /** The chosen scheme's id, installing the default one as active first (in the caller's transaction). */
    public long install(Chosen chosen, String actor) {
        if (chosen.id() != null) {
            return chosen.id();
        }
        Scheme scheme = chosen.scheme();
        long id = schemes.insert(scheme, Schemes.State.ACTIVE, actor, clock.instant());
        schemes.event(null, id, "SCHEME_INSTALLED", actor, clock.instant(), scheme.toString());
        audit.recordAs(actor, Audit.Entry.change("ASSESSMENT_SCHEME_INSTALLED", "assessment_scheme", String.valueOf(id), null,
                Map.of("year", scheme.year(), "version", scheme.version())));
        return id;
    }

    /** A new version of the year's scheme, stored as a draft; refused whole (422) with every problem listed. */
    public Schemes.Stored create(CurrentUser user, Integer year, SchemeDocument document) {
        if (!writes(user)) {
            throw new AccessDeniedException("只有区直机关工委可以制定考核方案");
        }
        int y = year(year);
        if (document == null) {
            throw new IllegalArgumentException("请提交考核方案");
        }
        if (document.name() != null && document.name().length() > 200) {
            throw new IllegalArgumentException("方案名称不超过 200 字");
        }
        int version = schemes.nextVersion(y);
        Scheme scheme;
        try {
            scheme = document.toScheme(y, version);
        } catch (SchemeRefused refused) {
            throw new RejectedInputException("scheme-refused", "考核方案未通过校验", refused.getMessage(), refused.problems(), Map.of());
        }
        if (schemes.treeLength(scheme) > 20_000) {
            throw new IllegalArgumentException("方案过大（指标体系超过 20000 字符）");
        }
        try {
            return transactions.execute(status -> {
                long id = schemes.insert(scheme, Schemes.State.DRAFT, user.username(), clock.instant());
                schemes.event(null, id, "SCHEME_DRAFTED", user.username(), clock.instant(), scheme.toString());
                audit.record(Audit.Entry.change("ASSESSMENT_SCHEME_DRAFTED", "assessment_scheme", String.valueOf(id), null,
                        Map.of("year", y, "version", version)));
                return schemes.byId(id).orElseThrow();
            });
        } catch (DuplicateKeyException raced) {
            throw new org.ronghe.platform.ConflictException("同时有人提交了 " + y + " 年的新版本方案，请刷新后重试", Map.of());
        }
    }

    /** The version becomes the year's scheme; the one active before retires (kept, with the runs that used it). */
    public Schemes.Stored activate(CurrentUser user, long id) {
        if (!writes(user)) {
            throw new AccessDeniedException("只有区直机关工委可以启用考核方案");
        }
        Schemes.Stored stored = one(id);
        if (stored.state() == Schemes.State.ACTIVE) {
            return stored;
        }
        transactions.executeWithoutResult(status -> {
            schemes.activate(id, stored.year(), user.username(), clock.instant());
            schemes.event(null, id, "SCHEME_ACTIVATED", user.username(), clock.instant(), stored.scheme().toString());
            audit.record(Audit.Entry.change("ASSESSMENT_SCHEME_ACTIVATED", "assessment_scheme", String.valueOf(id),
                    Map.of("state", stored.state().name()), Map.of("state", "ACTIVE")));
        });
        return one(id);
    }

    public int year(Integer year) {
        int current = java.time.LocalDate.now(clock).getYear();
        if (year == null) {
            return current;
        }
        if (year < 2000 || year > current + 1) {
            throw new IllegalArgumentException("考核年度应在 2000 年至 " + (current + 1) + " 年之间");
        }
        return year;
    }
}
