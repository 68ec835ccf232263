package org.ronghe.partylife.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.commitment.Commitment;
import org.ronghe.partylife.commitment.CommitmentCard;
import org.ronghe.partylife.commitment.CommitmentDesk;
import org.ronghe.partylife.commitment.TargetKind;
import org.ronghe.platform.Audit;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.visits.MemberWork;
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
 * Gives about two thirds of the demo district's members a 三亮 card for this year at the first start, after the
 * visits, the service logs and the meetings: duties from their post, a commitment without a target, and one or two
 * with a target — households visited or confirmed service hours set against what their records already show, so that
 * some are met and some are not, now and then problems resolved, and for a few a decision of their branch's
 * meeting to deliver. Published through {@link CommitmentDesk#publishAll} (the aggregate and its batch store), in
 * chunks. A marker row records that it ran.
 */
@Component
@Order(60)
class DemoCommitments implements ApplicationRunner {

    static final String MARKER = "demo.commitments";
    static final long SEED = 20_261_201L;
    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(DemoCommitments.class);
    private static final String[] DUTIES = {"按时参加组织生活，按期足额交纳党费", "联系结对社区，每季度走访困难群众", "做好本岗位业务工作，不推诿、不拖延",
            "参加社区志愿服务和“双报到”活动", "带头遵守廉洁自律各项规定", "收集群众意见建议并及时反映"};
    private static final String[] LEAD_DUTIES = {"落实全面从严治党主体责任，抓好支部班子建设", "每年为党员讲党课不少于一次",
            "督促检查支部“三会一课”落实情况"};
    private static final String[] PLAIN = {"立足岗位作表率，办事公道讲效率", "带头学习党的创新理论，学深悟透", "亮明身份接受群众监督",
            "热情服务群众，做到首问负责"};

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final CommitmentDesk desk;
    private final MemberWork work;
    private final ComplianceBook book;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final boolean enabled;

    DemoCommitments(JdbcClient jdbc, DemoMarkers markers, CommitmentDesk desk, MemberWork work, ComplianceBook book, Audit audit,
                    TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.desk = desk;
        this.work = work;
        this.book = book;
        this.audit = audit;
        this.transactions = transactions;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !markers.due(MARKER) || jdbc.sql("SELECT COUNT(*) FROM commitment_card").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        int count = seed();
        log.info("Demo commitments seeded in {} ms: {} cards", (System.nanoTime() - started) / 1_000_000, count);
    }

    private record Member(long id, long partyOrgId, boolean lead) {
    }

    int seed() {
        Random random = new Random(SEED);
        LocalDate today = book.today();
        int year = today.getYear();
        List<Member> chosen = new ArrayList<>();
        jdbc.sql("SELECT id, party_org_id, position FROM member ORDER BY id").query(rs -> {
            if (random.nextInt(100) < 65) {
                chosen.add(new Member(rs.getLong(1), rs.getLong(2), rs.getString(3) != null));
            }
        });
        // The decisions of each organisation's meetings this year, for the few who promise to deliver one.
        Map<Long, List<long[]>> decisions = new HashMap<>();
        jdbc.sql("""
                SELECT g.party_org_id, d.meeting_id, d.position FROM meeting_decision d JOIN meeting g ON g.id = d.meeting_id
                WHERE g.held_on >= :from ORDER BY d.meeting_id, d.position""").param("from", LocalDate.of(year, 1, 1))
                .query(rs -> {
                    decisions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new long[]{rs.getLong(2), rs.getLong(3)});
                });
        Map<Long, MemberWork.Record> records = work.of(chosen.stream().map(Member::id).toList(), LocalDate.of(year, 1, 1), today);
        Map<Long, CommitmentCard.Draft> drafts = new LinkedHashMap<>();
        for (Member m : chosen) {
            drafts.put(m.id(), draft(m, records.getOrDefault(m.id(), MemberWork.Record.none(m.id())),
                    decisions.getOrDefault(m.partyOrgId(), List.of()), random));
        }
        List<Long> members = new ArrayList<>(drafts.keySet());
        int[] made = {0};
        for (int i = 0; i < members.size(); i += CHUNK) {
            Map<Long, CommitmentCard.Draft> chunk = new LinkedHashMap<>();
            members.subList(i, Math.min(members.size(), i + CHUNK)).forEach(id -> chunk.put(id, drafts.get(id)));
            transactions.executeWithoutResult(status -> made[0] += desk.publishAll("system", year, chunk));
        }
        transactions.executeWithoutResult(status -> {
            audit.record(Audit.Entry.change("DEMO_COMMITMENTS_SEEDED", "commitment_card", null, null, Map.of("cards", made[0], "year", year)));
            markers.set(MARKER, String.valueOf(made[0]));
        });
        return made[0];
    }

    private static CommitmentCard.Draft draft(Member m, MemberWork.Record record, List<long[]> decisions, Random random) {
        List<String> duties = new ArrayList<>();
        if (m.lead()) {
            duties.add(LEAD_DUTIES[random.nextInt(LEAD_DUTIES.length)]);
        }
        int n = 2 + random.nextInt(2);
        for (int i = 0; duties.size() < n + (m.lead() ? 1 : 0) && i < 10; i++) {
            String duty = DUTIES[random.nextInt(DUTIES.length)];
            if (!duties.contains(duty)) {
                duties.add(duty);
            }
        }
        List<CommitmentCard.Item> items = new ArrayList<>();
        items.add(new CommitmentCard.Item(null, PLAIN[random.nextInt(PLAIN.length)], null));
        // Half the targets are set at or below what the records already show (met), half above it (not yet).
        boolean met = random.nextBoolean();
        if (random.nextInt(3) > 0) {
            int target = against(record.householdsVisited(), met, random);
            items.add(new CommitmentCard.Item(null, "走访结对社区住户不少于 " + target + " 户，听民声、解民忧",
                    new Commitment.Target(TargetKind.HOUSEHOLDS_VISITED, target, null, null)));
        } else {
            int target = against(record.serviceHours().intValue(), met, random);
            items.add(new CommitmentCard.Item(null, "到居住社区报到服务，全年不少于 " + target + " 小时",
                    new Commitment.Target(TargetKind.SERVICE_HOURS, target, null, null)));
        }
        if (random.nextInt(5) == 0) {
            int target = against((int) record.problemsResolved(), random.nextBoolean(), random);
            items.add(new CommitmentCard.Item(null, "走访中听到的群众诉求跟踪到底，办结不少于 " + target + " 件",
                    new Commitment.Target(TargetKind.PROBLEMS_RESOLVED, target, null, null)));
        }
        if (!decisions.isEmpty() && random.nextInt(20) == 0) {
            long[] d = decisions.get(random.nextInt(decisions.size()));
            items.add(new CommitmentCard.Item(null, "带头落实支部会议决定事项",
                    new Commitment.Target(TargetKind.DECISION_DELIVERED, null, d[0], (int) d[1])));
        }
        return new CommitmentCard.Draft(duties, items);
    }

    /** A round target met by {@code actual} (when {@code met} and there is something to meet) or above it. */
    private static int against(long actual, boolean met, Random random) {
        if (met && actual > 0) {
            return (int) Math.max(1, actual - random.nextInt((int) Math.min(actual, 3)));
        }
        return (int) Math.min(Commitment.MAX_COUNT, actual + 2 + random.nextInt(8));
    }
}
