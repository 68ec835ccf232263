package org.ronghe.visits.service.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.visits.service.CheckIn;
import org.ronghe.visits.service.CheckIns;
import org.ronghe.visits.service.ServiceItem;
import org.ronghe.visits.service.ServiceItems;
import org.ronghe.visits.service.ServiceLog;
import org.ronghe.visits.service.ServiceLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo district a year of community service at the first start, after the directory: most
 * members checked in at their residential community, items in every community (some claimed, some done,
 * a few withdrawn) and service logs over the past year, mostly confirmed. Everything goes through the
 * aggregates and their stores, in chunks; a marker row records that it ran.
 */
@Component
@Order(45)
class DemoService implements ApplicationRunner {

    static final String MARKER = "demo.service";
    static final long SEED = 20_260_713L;
    static final int CHUNK = 2000;
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(DemoService.class);
    private static final Map<ServiceItem.Kind, String[]> TITLES = Map.of(
            ServiceItem.Kind.NEED, new String[]{"独居老人助餐配送", "社区垃圾分类督导", "老旧小区楼道清理", "防诈骗宣传入户", "疫苗接种现场引导"},
            ServiceItem.Kind.POST, new String[]{"党群服务中心周末值班", "社区议事会记录员", "青少年四点半课堂辅导", "文明交通劝导岗", "长者饭堂志愿岗"},
            ServiceItem.Kind.WISH, new String[]{"为困难儿童送一套学习用品", "帮独居老人修理电视", "为残疾居民代购药品", "陪孤寡老人过生日", "为低保户更换门锁"});
    private static final String[] REMARKS = {"服务认真，居民满意", "按时到岗，表现积极", "主动协调解决问题", null, null};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final CheckIns checkIns;
    private final ServiceItems items;
    private final ServiceLogs logs;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoService(JdbcClient jdbc, DemoMarkers markers, CheckIns checkIns, ServiceItems items, ServiceLogs logs, Audit audit, Clock clock,
                TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.checkIns = checkIns;
        this.items = items;
        this.logs = logs;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER)
                || jdbc.sql("SELECT COUNT(*) FROM service_checkin").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        log.info("Seeding a year of community service for the demo district — first start only");
        Map<String, Integer> counts = seed();
        log.info("Demo service seeded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, counts);
    }

    private record Resident(long id, long community) {
    }

    private Map<String, Integer> seed() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        List<Resident> residents = jdbc.sql("SELECT id, community_id FROM member WHERE community_id IS NOT NULL ORDER BY id")
                .query((rs, n) -> new Resident(rs.getLong(1), rs.getLong(2))).list();
        List<Long> communities = jdbc.sql("SELECT id FROM community ORDER BY id").query(Long.class).list();

        // Check-ins: most members confirmed within a few days; some still waiting; the rest never reported.
        List<CheckIn> newCheckIns = new ArrayList<>();
        Map<Long, Instant> confirmedAt = new HashMap<>();
        Map<Long, List<Long>> confirmedByCommunity = new HashMap<>();
        for (Resident r : residents) {
            int roll = random.nextInt(100);
            if (roll < 85) {
                Instant reported = now.minus(Duration.ofDays(330 + random.nextInt(35))).minus(Duration.ofMinutes(random.nextInt(600)));
                CheckIn checkIn = CheckIn.report(r.id(), r.community(), ACTOR, null, reported);
                Instant confirmed = reported.plus(Duration.ofHours(4 + random.nextInt(96)));
                checkIn.confirm(ACTOR, confirmed);
                confirmedAt.put(r.id(), confirmed);
                confirmedByCommunity.computeIfAbsent(r.community(), k -> new ArrayList<>()).add(r.id());
                newCheckIns.add(checkIn);
            } else if (roll < 90) {
                newCheckIns.add(CheckIn.report(r.id(), r.community(), ACTOR, null, now.minus(Duration.ofDays(1 + random.nextInt(20)))));
            }
        }
        store(newCheckIns, checkIns::saveAllNew);

        // Items: six per community over the year; most claimed by a checked-in resident, half of those done.
        List<ServiceItem> newItems = new ArrayList<>();
        Map<Long, ServiceItem> claimedItemOf = new HashMap<>();
        ServiceItem.Kind[] kinds = ServiceItem.Kind.values();
        for (long community : communities) {
            List<Long> members = confirmedByCommunity.getOrDefault(community, List.of());
            for (int i = 0; i < 6; i++) {
                ServiceItem.Kind kind = kinds[random.nextInt(kinds.length)];
                String[] titles = TITLES.get(kind);
                Instant published = now.minus(Duration.ofDays(5 + random.nextInt(300)));
                LocalDate publishedOn = LocalDate.ofInstant(published, zone);
                ServiceItem item = ServiceItem.publish(community, new ServiceItem.Details(kind, titles[random.nextInt(titles.length)],
                                null, BigDecimal.valueOf(2 + random.nextInt(3)),
                                random.nextBoolean() ? publishedOn.plusDays(30 + random.nextInt(60)) : null),
                        ACTOR, null, published, publishedOn);
                int roll = random.nextInt(100);
                if (roll < 65 && !members.isEmpty()) {
                    long member = members.get(random.nextInt(members.size()));
                    Instant claimed = later(published, confirmedAt.get(member)).plus(Duration.ofHours(1 + random.nextInt(48)));
                    if (claimed.isBefore(now)) {
                        item.claim(member, ACTOR, claimed);
                        claimedItemOf.putIfAbsent(member, item);
                        if (random.nextBoolean() && claimed.plus(Duration.ofDays(3)).isBefore(now)) {
                            item.done(ACTOR, claimed.plus(Duration.ofDays(1 + random.nextInt(2))));
                        }
                    }
                } else if (roll < 70) {
                    item.withdraw("需求已由其他渠道解决", ACTOR, published.plus(Duration.ofDays(2)));
                }
                newItems.add(item);
            }
        }
        store(newItems, items::saveAllNew);

        // Logs: up to six per checked-in member after their confirmation; most confirmed, a few rejected or waiting.
        List<ServiceLog> newLogs = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Resident r : residents) {
            Instant since = confirmedAt.get(r.id());
            if (since == null) {
                continue;
            }
            LocalDate first = LocalDate.ofInstant(since, zone).plusDays(1);
            long span = Math.max(1, today.toEpochDay() - first.toEpochDay());
            int howMany = random.nextInt(7);
            ServiceItem claimed = claimedItemOf.get(r.id());
            for (int i = 0; i < howMany; i++) {
                LocalDate day = first.plusDays(random.nextLong(span));
                if (day.isAfter(today)) {
                    day = today;
                }
                BigDecimal hours = BigDecimal.valueOf(2 + random.nextInt(7), 1).multiply(BigDecimal.valueOf(5));
                Instant logged = day.atTime(18, 0).atZone(zone).toInstant();
                if (logged.isAfter(now)) {
                    logged = now;
                }
                Long item = i == 0 && claimed != null && claimed.id() != null ? claimed.id() : null;
                ServiceLog entry = ServiceLog.log(r.id(), r.community(), item, day, hours, "参加社区志愿服务", null, ACTOR, null,
                        logged, LocalDate.ofInstant(logged, zone));
                int roll = random.nextInt(100);
                Instant decided = logged.plus(Duration.ofHours(2 + random.nextInt(70)));
                if (decided.isAfter(now)) {
                    // Too recent to have been looked at.
                } else if (roll < 92) {
                    entry.confirm(REMARKS[random.nextInt(REMARKS.length)], ACTOR, decided);
                } else if (roll < 96) {
                    entry.reject("未见服务记录，请补充说明", ACTOR, decided);
                }
                newLogs.add(entry);
            }
        }
        store(newLogs, logs::saveAllNew);

        Map<String, Integer> counts = Map.of("checkIns", newCheckIns.size(), "confirmed", confirmedAt.size(),
                "items", newItems.size(), "logs", newLogs.size());
        transactions.executeWithoutResult(status -> {
            markers.set(MARKER, String.valueOf(newLogs.size()));
            audit.record(Audit.Entry.change("DEMO_SERVICE_SEEDED", "service_log", null, null, counts));
        });
        return counts;
    }

    private <T> void store(List<T> records, java.util.function.Consumer<List<T>> writer) {
        for (int i = 0; i < records.size(); i += CHUNK) {
            List<T> chunk = records.subList(i, Math.min(records.size(), i + CHUNK));
            transactions.executeWithoutResult(status -> writer.accept(chunk));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

}
