package org.ronghe.insight.diagnosis;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.assessment.AssessmentResults;
import org.ronghe.assessment.Subject;
import org.ronghe.calls.CallResolution;
import org.ronghe.directory.DataScope;
import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.partylife.Compliance;
import org.ronghe.partylife.OrganisationalLife;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads what the judgements need through the other modules' APIs (a handful of set-based queries, whatever the number
 * of organs) and runs {@link Fading}, {@link TwoSkins} and {@link Attenuation} over it. The work committee sees every
 * organ, an organ's secretary their own; nobody else diagnoses organs.
 */
@Service
public class Diagnoses {

    static final String NO_RESULTS = "尚无考核结果，无法比对";

    private final OrganisationalLife life;
    private final CallResolution calls;
    private final AssessmentResults results;
    private final Directory directory;
    private final DataScopes scopes;
    private final Clock clock;
    private final ZoneId zone;
    private final Diagnosis.Settings settings;
    private final Fading.Thresholds thresholds;

    Diagnoses(OrganisationalLife life, CallResolution calls, AssessmentResults results, Directory directory,
              DataScopes scopes, Clock clock, @Value("${ronghe.zone:Asia/Shanghai}") ZoneId zone,
              @Value("${ronghe.diagnosis.first-item-floor:0.9}") double firstItemFloor,
              @Value("${ronghe.diagnosis.study-floor:0.8}") double studyFloor,
              @Value("${ronghe.diagnosis.attendance-floor:0.8}") double attendanceFloor,
              @Value("${ronghe.diagnosis.attendance-drop:0.1}") double attendanceDrop,
              @Value("${ronghe.diagnosis.two-skins-gap:20}") BigDecimal gap,
              @Value("${ronghe.diagnosis.attenuation-margin:0.1}") double margin) {
        this.life = life;
        this.calls = calls;
        this.results = results;
        this.directory = directory;
        this.scopes = scopes;
        this.clock = clock;
        this.zone = zone;
        this.thresholds = new Fading.Thresholds(firstItemFloor, studyFloor, attendanceFloor, attendanceDrop);
        this.settings = new Diagnosis.Settings(firstItemFloor, studyFloor, attendanceFloor, attendanceDrop, gap, margin);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The year asked for, this year when none; a year before 2000 or after this one is refused. */
    public int year(Integer year) {
        int current = today().getYear();
        if (year == null) {
            return current;
        }
        if (year < 2000 || year > current) {
            throw new IllegalArgumentException("年份应在 2000 年至 " + current + " 年之间");
        }
        return year;
    }

    public Diagnosis diagnose(CurrentUser user, Integer year, String organ) {
        if (!user.role().seesWholeTree() && user.role() != Role.ORGAN_SECRETARY) {
            throw new AccessDeniedException("诊断仅向区直机关工委和机关党组书记开放");
        }
        int y = year(year);
        String only = organ == null || organ.isBlank() ? null : organ.trim();
        Map<String, Directory.OrganRef> organs = visibleOrgans(user, only);
        List<OrganisationalLife.OrgCompliance> compliance = life.compliance(user, only, y).stream()
                .filter(o -> o.organCode() != null && organs.containsKey(o.organCode())).toList();
        List<OrganisationalLife.MonthlyAttendance> attendance = life.attendance(user, only, y).stream()
                .filter(a -> organs.containsKey(a.organCode())).toList();
        return new Diagnosis(y, only, today(), settings, fading(organs, compliance, attendance, y), twoSkins(organs, y),
                attenuation(organs, compliance, y), withoutOutcomes(user, organs, y));
    }

    private Map<String, Directory.OrganRef> visibleOrgans(CurrentUser user, String only) {
        DataScope scope = scopes.of(user);
        Map<String, Directory.OrganRef> organs = new LinkedHashMap<>();
        directory.organs().stream().filter(o -> scope.seesOrgan(o.id()) && (only == null || o.code().equals(only)))
                .forEach(o -> organs.put(o.code(), o));
        return organs;
    }

    private Diagnosis.FadingPart fading(Map<String, Directory.OrganRef> organs, List<OrganisationalLife.OrgCompliance> compliance,
                                        List<OrganisationalLife.MonthlyAttendance> attendance, int y) {
        Map<String, List<OrganisationalLife.OrgCompliance>> complianceOf = byOrgan(compliance, OrganisationalLife.OrgCompliance::organCode);
        Map<String, List<OrganisationalLife.MonthlyAttendance>> attendanceOf = byOrgan(attendance, OrganisationalLife.MonthlyAttendance::organCode);
        List<Fading.Verdict> verdicts = new ArrayList<>();
        for (Directory.OrganRef organ : organs.values()) {
            long quorate = 0, firstItem = 0, studyDue = 0, studyHeld = 0;
            for (OrganisationalLife.OrgCompliance o : complianceOf.getOrDefault(organ.code(), List.of())) {
                quorate += o.tally().held() + o.tally().noFirstItem();
                firstItem += o.tally().held();
                studyDue += o.study().due();
                studyHeld += o.study().held() + o.study().noFirstItem();
            }
            List<Fading.Month> months = attendanceOf.getOrDefault(organ.code(), List.of()).stream()
                    .map(a -> new Fading.Month(a.month(), a.expected(), a.present())).toList();
            if (quorate == 0 && studyDue == 0 && months.isEmpty()) {
                continue;
            }
            verdicts.add(Fading.judge(new Fading.OrganLife(organ.code(), organ.name(), quorate, firstItem, studyDue, studyHeld, months,
                    complianceLink(organ.code(), y)), thresholds));
        }
        return new Diagnosis.FadingPart(verdicts, verdicts.stream().filter(Fading.Verdict::flagged).count());
    }

    private Diagnosis.TwoSkinsPart twoSkins(Map<String, Directory.OrganRef> organs, int y) {
        AssessmentResults.Ranking ranking = results.of(y, Subject.Kind.ORGAN).orElse(null);
        if (ranking == null) {
            return new Diagnosis.TwoSkinsPart(false, NO_RESULTS, null, null, false, List.of(), 0);
        }
        List<TwoSkins.Sides> sides = ranking.results().stream().filter(r -> organs.containsKey(r.subject().code()))
                .map(r -> new TwoSkins.Sides(r.subject().code(), organs.get(r.subject().code()).name(), r.partyBuilding(), r.business(),
                        r.link())).toList();
        List<TwoSkins.Verdict> verdicts = TwoSkins.judge(sides, settings.twoSkinsGap());
        return new Diagnosis.TwoSkinsPart(true, verdicts.isEmpty() ? "考核结果中没有可比对的机关" : null, ranking.runId(), ranking.asOf(),
                ranking.published(), verdicts, verdicts.stream().filter(TwoSkins.Verdict::flagged).count());
    }

    private Diagnosis.AttenuationPart attenuation(Map<String, Directory.OrganRef> organs, List<OrganisationalLife.OrgCompliance> compliance,
                                                  int y) {
        Map<Attenuation.Level, Attenuation.LevelRate> overall = new EnumMap<>(Attenuation.Level.class);
        List<Diagnosis.OrganAttenuation> perOrgan = new ArrayList<>();
        Map<String, List<OrganisationalLife.OrgCompliance>> complianceOf = byOrgan(compliance, OrganisationalLife.OrgCompliance::organCode);
        for (Directory.OrganRef organ : organs.values()) {
            Map<Attenuation.Level, Attenuation.LevelRate> levels = new EnumMap<>(Attenuation.Level.class);
            for (OrganisationalLife.OrgCompliance o : complianceOf.getOrDefault(organ.code(), List.of())) {
                Attenuation.Level level = Attenuation.Level.of(o.kind());
                if (level == null) {
                    continue;
                }
                Compliance.Tally t = o.tally();
                levels.merge(level, new Attenuation.LevelRate(level, t.due(), t.held() + t.noFirstItem()),
                        (a, b) -> a.plus(b.due(), b.quorate()));
                overall.merge(level, new Attenuation.LevelRate(level, t.due(), t.held() + t.noFirstItem()),
                        (a, b) -> a.plus(b.due(), b.quorate()));
            }
            if (!levels.isEmpty()) {
                perOrgan.add(new Diagnosis.OrganAttenuation(organ.code(), organ.name(),
                        Attenuation.judge(List.copyOf(levels.values()), settings.attenuationMargin()), complianceLink(organ.code(), y)));
            }
        }
        return new Diagnosis.AttenuationPart(Attenuation.judge(List.copyOf(overall.values()), settings.attenuationMargin()),
                "/compliance?year=" + y, perOrgan, perOrgan.stream().filter(o -> o.verdict().flagged()).count());
    }

    private List<Diagnosis.WithoutOutcome> withoutOutcomes(CurrentUser user, Map<String, Directory.OrganRef> organs, int y) {
        List<Diagnosis.WithoutOutcome> found = new ArrayList<>();
        for (OrganisationalLife.Unfinished u : life.unfinished(user, y)) {
            found.add(new Diagnosis.WithoutOutcome(u.key(), u.label(), u.count(), u.of(), u.yearBound(), u.link(), List.of()));
        }
        List<Diagnosis.Part> parts = calls.byOrgan(organs.values().stream().map(Directory.OrganRef::id).toList(),
                        LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream()
                .map(r -> new Diagnosis.Part(r.organCode(), organs.get(r.organCode()).name(), r.unsolved(), r.rated(), r.link())).toList();
        long unsolved = parts.stream().mapToLong(Diagnosis.Part::count).sum();
        long rated = parts.stream().mapToLong(Diagnosis.Part::of).sum();
        found.add(new Diagnosis.WithoutOutcome("callsUnsolved", "诉求已答复但评价为未解决（按承办机关计）", unsolved, rated, true,
                parts.size() == 1 ? parts.get(0).link() : null, parts));
        return found;
    }

    private static <T> Map<String, List<T>> byOrgan(List<T> rows, java.util.function.Function<T, String> organ) {
        return rows.stream().collect(java.util.stream.Collectors.groupingBy(organ));
    }

    static String complianceLink(String organ, int year) {
        return "/compliance?organ=" + organ + "&year=" + year;
    }
}
