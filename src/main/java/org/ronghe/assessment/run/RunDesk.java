package org.ronghe.assessment.run;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ronghe.assessment.Assessment;
import org.ronghe.assessment.Evidence;
import org.ronghe.assessment.Facts;
import org.ronghe.assessment.Grade;
import org.ronghe.assessment.ManualScore;
import org.ronghe.assessment.Measure;
import org.ronghe.assessment.Metric;
import org.ronghe.assessment.Scheme;
import org.ronghe.assessment.Scoring;
import org.ronghe.assessment.Subject;
import org.ronghe.assessment.facts.FactsReader;
import org.ronghe.assessment.scheme.SchemeDesk;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.OutOfScopeException;
import org.ronghe.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of the assessment: compute every organ and organisation under the year's active scheme from the records
 * (plus the violations and manual scores entered with the run) and store the dated run; publish (freeze) one; read
 * rankings and explanations within the reader's scope. The work committee runs and publishes; an organ's secretary
 * sees the results of their organ and its organisations.
 */
@Service
public class RunDesk {

    /** The body of a run. */
    public record NewRun(Integer year, LocalDate asOf, String kind, List<Violation> violations, List<Manual> manual) {
    }

    /** Disciplinary cases of a subject in the year (no module keeps them), with the record they rest on. */
    public record Violation(String kind, String subject, Long count, String evidence, String link) {
    }

    /** A manual indicator's score for a subject, with the evidence in words and the records it cites. */
    public record Manual(String kind, String subject, String indicator, BigDecimal score, String evidence, List<Cite> cites) {
    }

    public record Cite(Long count, String link) {
    }

    public record Created(long id, boolean replayed) {
    }

    /** A run's ranking: the run, the results best first, the count per grade. */
    public record Ranking(Runs.Run run, List<Runs.Result> results, Map<Grade, Long> grades) {
    }

    private final FactsReader facts;
    private final SchemeDesk schemes;
    private final Runs runs;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    RunDesk(FactsReader facts, SchemeDesk schemes, Runs runs, Audit audit, TransactionTemplate transactions, JsonMapper json, Clock clock,
            @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone) {
        this.facts = facts;
        this.schemes = schemes;
        this.runs = runs;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    public static boolean runs(CurrentUser user) {
        return user.role() == Role.COMMITTEE_ADMIN;
    }

    /** Whose results a person sees: everything, one organ's (its own and its organisations'), or none. */
    public Optional<String> organOf(CurrentUser user) {
        if (user.role().seesWholeTree()) {
            return Optional.empty();
        }
        if (user.role() == Role.ORGAN_SECRETARY) {
            return Optional.of(user.scopeCode());
        }
        throw new AccessDeniedException("考核结果只对区直机关工委和各机关党组书记开放");
    }

    public Created run(CurrentUser user, NewRun request, String idempotencyKey) {
        if (!runs(user)) {
            throw new AccessDeniedException("只有区直机关工委可以计算考核结果");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = runs.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        if (request == null || request.year() == null) {
            throw new IllegalArgumentException("请提交考核年度（year）");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int year = schemes.year(request.year());
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate asOf = request.asOf() == null ? (end.isAfter(today) ? today : end) : request.asOf();
        if (asOf.getYear() != year || asOf.isAfter(today)) {
            throw new IllegalArgumentException("截止日期（asOf）须在考核年度内且不晚于今天：" + asOf);
        }
        Runs.Kind kind = kind(request.kind(), asOf.equals(end));
        SchemeDesk.Chosen scheme = schemes.chosen(year);
        List<Runs.Placed> placed = place(compute(scheme.scheme(), year, asOf, request));
        String inputs = json.writeValueAsString(Map.of("violations", request.violations() == null ? List.of() : request.violations(),
                "manual", request.manual() == null ? List.of() : request.manual()));
        if (inputs.length() > 60_000) {
            throw new IllegalArgumentException("录入的违纪违法案件和人工评分过多（超过 60000 字符）");
        }
        try {
            long id = transactions.execute(status -> {
                long schemeId = schemes.install(scheme, user.username());
                long runId = runs.insert(year, asOf, kind, schemeId, scheme.scheme().version(), placed.size(), inputs, user.username(),
                        clock.instant(), key);
                runs.insertResults(runId, placed);
                runs.event(runId, "RUN_COMPUTED", user.username(), clock.instant(), scheme.scheme() + "，截至 " + asOf);
                audit.record(Audit.Entry.change("ASSESSMENT_RUN_COMPUTED", "assessment_run", String.valueOf(runId), null,
                        Map.of("year", year, "asOf", asOf.toString(), "kind", kind.name(), "scheme", scheme.scheme().version(),
                                "subjects", placed.size())));
                return runId;
            });
            return new Created(id, false);
        } catch (DuplicateKeyException raced) {
            if (key != null) {
                Optional<Long> replay = runs.idForKey(user.username(), key);
                if (replay.isPresent()) {
                    return new Created(replay.get(), true);
                }
            }
            throw new ConflictException("同时有人在计算 " + year + " 年的考核或启用方案，请重试", Map.of());
        }
    }

    /** Scores every subject: pure given the records, the scheme and the inputs, so computing again gives equal results. */
    List<Runs.Placed> compute(Scheme scheme, int year, LocalDate asOf, NewRun request) {
        List<FactsReader.Read> reads = facts.read(year, asOf);
        Map<String, FactsReader.Read> bySubject = new LinkedHashMap<>();
        reads.forEach(r -> bySubject.put(r.subject().kind() + ":" + r.subject().code(), r));
        Map<String, Measure> violations = new HashMap<>();
        for (Violation v : request.violations() == null ? List.<Violation>of() : request.violations()) {
            String at = subject(bySubject, v == null ? null : v.kind(), v == null ? null : v.subject());
            if (v.count() == null || v.count() < 0) {
                throw new IllegalArgumentException("违纪违法案件数（count）须为不小于 0 的整数：" + v.subject());
            }
            if (v.evidence() == null || v.evidence().isBlank() || v.evidence().length() > 1000) {
                throw new IllegalArgumentException("违纪违法案件须写明依据（evidence，不超过 1000 字）：" + v.subject());
            }
            Measure m = new Measure(Metric.DISCIPLINARY_VIOLATIONS, BigDecimal.valueOf(v.count()), new Evidence(v.count(), link(v.link())));
            if (violations.put(at, m) != null) {
                throw new IllegalArgumentException("考核对象 " + v.subject() + " 的违纪违法案件数重复");
            }
        }
        Map<String, List<ManualScore>> manual = new HashMap<>();
        for (Manual m : request.manual() == null ? List.<Manual>of() : request.manual()) {
            String at = subject(bySubject, m == null ? null : m.kind(), m == null ? null : m.subject());
            if (m.evidence() != null && m.evidence().length() > 1000 || m.cites() != null && m.cites().size() > 20) {
                throw new IllegalArgumentException("人工评分的依据不超过 1000 字、引用不超过 20 条记录：" + m.subject());
            }
            List<Evidence> cites = m.cites() == null ? List.of() : m.cites().stream()
                    .map(c -> new Evidence(c == null || c.count() == null ? 0 : c.count(), link(c == null ? null : c.link()))).toList();
            manual.computeIfAbsent(at, k -> new ArrayList<>()).add(new ManualScore(m.indicator(), m.score(), m.evidence(), cites));
        }
        List<Runs.Placed> scored = new ArrayList<>();
        for (Map.Entry<String, FactsReader.Read> e : bySubject.entrySet()) {
            FactsReader.Read r = e.getValue();
            List<Measure> measures = new ArrayList<>(r.measures());
            measures.add(violations.getOrDefault(e.getKey(), new Measure(Metric.DISCIPLINARY_VIOLATIONS, BigDecimal.ZERO,
                    new Evidence(0, "/assessments"))));
            Facts f = Facts.of(r.subject(), measures, manual.getOrDefault(e.getKey(), List.of()));
            scored.add(new Runs.Placed(Scoring.score(scheme, f), r.organCode(), 0));
        }
        return scored;
    }

    /** Places per kind of subject, best total first; equal totals share a place (1, 1, 3), listed by code. */
    static List<Runs.Placed> place(List<Runs.Placed> scored) {
        List<Runs.Placed> placed = new ArrayList<>();
        for (Subject.Kind kind : Subject.Kind.values()) {
            List<Runs.Placed> ofKind = scored.stream().filter(p -> p.assessment().subject().kind() == kind)
                    .sorted(Comparator.comparing((Runs.Placed p) -> p.assessment().total()).reversed()
                            .thenComparing(p -> p.assessment().subject().code())).toList();
            for (int i = 0; i < ofKind.size(); i++) {
                Runs.Placed p = ofKind.get(i);
                int rank = i > 0 && ofKind.get(i - 1).assessment().total().compareTo(p.assessment().total()) == 0
                        ? placed.get(placed.size() - 1).rank() : i + 1;
                placed.add(new Runs.Placed(p.assessment(), p.organCode(), rank));
            }
        }
        return placed;
    }

    private static String subject(Map<String, FactsReader.Read> subjects, String kind, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("请指明考核对象的编码（subject）");
        }
        Subject.Kind k;
        try {
            k = kind == null || kind.isBlank() ? Subject.Kind.ORGAN : Subject.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("考核对象类别（kind）应为 ORGAN 或 ORGANISATION");
        }
        String at = k + ":" + code.trim();
        if (!subjects.containsKey(at)) {
            throw new IllegalArgumentException("没有这个考核对象：" + k.label() + " " + code.trim());
        }
        return at;
    }

    private static String link(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.length() > 500) {
            throw new IllegalArgumentException("依据须链接到平台内的记录（以 / 开头），现为：" + (link == null ? "未填" : link));
        }
        return link;
    }

    private static Runs.Kind kind(String text, boolean wholeYear) {
        if (text == null || text.isBlank()) {
            return wholeYear ? Runs.Kind.ANNUAL : Runs.Kind.INTERIM;
        }
        Runs.Kind kind;
        try {
            kind = Runs.Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("考核类别（kind）应为 ANNUAL（年度）或 INTERIM（截至某日）");
        }
        if (kind == Runs.Kind.ANNUAL && !wholeYear) {
            throw new IllegalArgumentException("年度考核须截至 12 月 31 日（年度结束后计算）；年中考核请用 INTERIM");
        }
        return kind;
    }

    /** Freezes the run: its rows never change again; the year's run of the same kind published before is superseded. */
    public Runs.Run publish(CurrentUser user, long id) {
        if (!runs(user)) {
            throw new AccessDeniedException("只有区直机关工委可以发布考核结果");
        }
        Runs.Run run = runs.run(id).orElseThrow(() -> new NotFoundException("考核", String.valueOf(id)));
        if (run.state() != Runs.State.COMPUTED) {
            throw new ConflictException("考核 " + id + " 已" + run.stateLabel() + "，不能再发布", Map.of("state", run.state().name()));
        }
        transactions.executeWithoutResult(status -> {
            Optional<Long> before = runs.published(run.year(), run.kind());
            if (runs.publish(run, user.username(), clock.instant()) != 1) {
                throw new ConflictException("考核 " + id + " 已被发布", Map.of());
            }
            before.ifPresent(b -> runs.event(b, "RUN_SUPERSEDED", user.username(), clock.instant(), "由考核 " + id + " 取代"));
            runs.event(id, "RUN_PUBLISHED", user.username(), clock.instant(), before.map(b -> "取代考核 " + b).orElse(null));
            audit.record(Audit.Entry.change("ASSESSMENT_RUN_PUBLISHED", "assessment_run", String.valueOf(id), Map.of("state", "COMPUTED"),
                    before.<Map<String, Object>>map(b -> Map.of("state", "PUBLISHED", "supersedes", b)).orElse(Map.of("state", "PUBLISHED"))));
        });
        return runs.run(id).orElseThrow();
    }

    public List<Runs.Run> list(CurrentUser user, Integer year) {
        organOf(user);
        return runs.runs(year);
    }

    public Runs.Run one(CurrentUser user, long id) {
        organOf(user);
        return runs.run(id).orElseThrow(() -> new NotFoundException("考核", String.valueOf(id)));
    }

    public Ranking ranking(CurrentUser user, long id, Subject.Kind kind, Grade grade) {
        Optional<String> organ = organOf(user);
        Runs.Run run = one(user, id);
        List<Runs.Result> results = runs.results(id, kind, organ.orElse(null), grade);
        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            grades.put(g, 0L);
        }
        results.forEach(r -> grades.merge(r.grade(), 1L, Long::sum));
        return new Ranking(run, results, grades);
    }

    /** Every result the person sees, with its explanation: what the export writes. */
    public List<Runs.Result> explained(CurrentUser user, long id) {
        Optional<String> organ = organOf(user);
        one(user, id);
        return runs.results(id, null, organ.orElse(null), null, true);
    }

    public Runs.Result explain(CurrentUser user, long id, String code, Subject.Kind kind) {
        Optional<String> organ = organOf(user);
        one(user, id);
        Runs.Result result = runs.result(id, code == null ? "" : code.trim(), kind)
                .orElseThrow(() -> new NotFoundException("考核对象", code));
        if (organ.isPresent() && !organ.get().equals(result.organCode())) {
            throw new OutOfScopeException("考核对象", code);
        }
        return result;
    }
}
