package org.ronghe.visits.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.ronghe.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to evaluations goes through here: who may act, the aggregate's own rules, the store
 * with its event rows and the audit entry, in one transaction. The work committee opens and closes
 * periods; a community rates and revises its ratings of the organs paired with it.
 */
@Service
public class EvaluationDesk {

    private final EvaluationPeriods periods;
    private final Evaluations evaluations;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    EvaluationDesk(EvaluationPeriods periods, Evaluations evaluations, Directory directory, Audit audit, Clock clock,
                   TransactionTemplate transactions) {
        this.periods = periods;
        this.evaluations = evaluations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public record NewPeriod(String code, String name, LocalDate startsOn, LocalDate endsOn, LocalDate ratingClosesOn) {
    }

    /**
     * @param community the rating community's code; a community's own staff may leave it out
     */
    public record Rate(String period, String organ, String community, String grade, String remarks) {
    }

    /** @param created a new rating; {@code replayed}: the answer to an earlier request with the same key */
    public record Rated(long id, boolean created, boolean replayed) {
    }

    public EvaluationPeriod openPeriod(CurrentUser user, NewPeriod request) {
        requireCommittee(user, "设立评议期");
        Instant now = clock.instant();
        EvaluationPeriod period = EvaluationPeriod.open(request.code(), request.name(), request.startsOn(), request.endsOn(),
                request.ratingClosesOn(), user.username(), now);
        try {
            return transactions.execute(status -> {
                if (periods.exists(period.code())) {
                    throw new ConflictException("评议期 " + period.code() + " 已存在", Map.of("code", period.code()));
                }
                periods.save(period);
                audit.record(Audit.Entry.change("EVALUATION_PERIOD_OPENED", "evaluation_period", period.code(), null,
                        period.state(true)));
                return period;
            });
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("评议期 " + period.code() + " 已存在", Map.of("code", period.code()));
        }
    }

    public EvaluationPeriod closePeriod(CurrentUser user, String code) {
        requireCommittee(user, "关闭评议期");
        return transactions.execute(status -> {
            EvaluationPeriod period = periods.byCode(code).orElseThrow(() -> new NotFoundException("评议期", shorten(code)));
            Map<String, Object> before = period.state(false);
            period.close(user.username(), clock.instant());
            periods.save(period);
            audit.record(Audit.Entry.change("EVALUATION_PERIOD_CLOSED", "evaluation_period", period.code(), before,
                    period.state(false)));
            return period;
        });
    }

    /**
     * A community rates an organ paired with it, or revises its rating while the period takes ratings. The
     * same {@code Idempotency-Key} from the same person returns the rating the first request made.
     */
    public Rated rate(CurrentUser user, Rate request, String idempotencyKey) {
        if (user.role() != Role.COMMUNITY_STAFF) {
            throw new AccessDeniedException("只有社区工作人员可以评议结对机关");
        }
        String own = user.scopeCode();
        String named = request.community() == null || request.community().isBlank() ? null : request.community().trim();
        if (own == null || (named != null && !named.equals(own))) {
            throw new OutOfScopeException("社区", named == null ? "-" : shorten(named));
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : Texts.check("Idempotency-Key", idempotencyKey.trim(), 100);
        if (key != null) {
            Optional<Long> earlier = evaluations.idForKey(user.username(), key);
            if (earlier.isPresent()) {
                return new Rated(earlier.get(), false, true);
            }
        }
        Directory.CommunityRef community = directory.community(own)
                .orElseThrow(() -> new OutOfScopeException("社区", shorten(own)));
        if (request.period() == null || request.period().isBlank()) {
            throw new IllegalArgumentException("请指明评议期，如 " + LocalDate.now(clock).getYear());
        }
        EvaluationPeriod period = periods.byCode(request.period())
                .orElseThrow(() -> new IllegalArgumentException("评议期不存在：" + shorten(request.period())));
        if (request.organ() == null || request.organ().isBlank()) {
            throw new IllegalArgumentException("请指明被评议的机关单位");
        }
        Directory.OrganRef organ = directory.organ(request.organ().trim())
                .orElseThrow(() -> new IllegalArgumentException("机关单位不存在：" + shorten(request.organ())));
        Grade grade = Grade.parse(request.grade());
        Evaluation.checked(grade, request.remarks());
        if (!evaluations.paired(organ.id(), community.id())) {
            throw new IllegalArgumentException(community.name() + "未与" + organ.name() + "结对，不能评议该单位");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDateTime.ofInstant(now, clock.getZone()).toLocalDate();
        try {
            return transactions.execute(status -> {
                Optional<Evaluation> existing = evaluations.find(period.id(), community.id(), organ.id());
                String subjectKey = period.code() + "/" + community.code() + "/" + organ.code();
                Rated rated;
                if (existing.isPresent()) {
                    Evaluation e = existing.get();
                    Map<String, Object> before = e.auditState();
                    if (e.revise(period, grade, request.remarks(), user.username(), now, today)) {
                        evaluations.save(e);
                        audit.record(Audit.Entry.change("EVALUATION_REVISED", "evaluation", subjectKey, before, e.auditState()));
                    }
                    rated = new Rated(e.id(), false, false);
                } else {
                    Evaluation e = Evaluation.rate(period, community.id(), organ.id(), grade, request.remarks(), user.username(),
                            now, today);
                    evaluations.save(e);
                    audit.record(Audit.Entry.change("EVALUATION_RATED", "evaluation", subjectKey, null, e.auditState()));
                    rated = new Rated(e.id(), true, false);
                }
                if (key != null) {
                    evaluations.rememberKey(user.username(), key, rated.id(), now);
                }
                return rated;
            });
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                Optional<Long> earlier = evaluations.idForKey(user.username(), key);
                if (earlier.isPresent()) {
                    return new Rated(earlier.get(), false, true);
                }
            }
            throw new ConflictException("同一评议刚被同时提交，请刷新后重试", Map.of());
        }
    }

    private static void requireCommittee(CurrentUser user, String what) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("只有区直机关工委可以" + what);
        }
    }

    static String shorten(String text) {
        return text == null ? "" : Grade.shorten(text.trim());
    }
}
