package org.ronghe.network.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ronghe.directory.DataScope;
import org.ronghe.directory.Directory;
import org.ronghe.network.site.NetworkDesk;
import org.ronghe.network.site.Staff;
import org.ronghe.platform.Audit;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.DemoMarkers;
import org.ronghe.platform.Role;
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
 * Gives the demo district its service network, opened through the desk as the work committee would: the district's
 * centre, one centre per street and per community, stations in every eighth community or so (27 in the full district),
 * and the sampling points (核酸采样点) of last year's emergency ({@code YJ<last year>001}), one for most communities
 * (198 in the full district), each open for one to four weeks within April and May of last year. Runs once; a
 * marker row records it. {@code ronghe.demo.network}: {@code full} (default) or {@code none}.
 */
@Component
@Order(65)
class DemoNetwork implements ApplicationRunner {

    static final String MARKER = "demo.network";
    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
    private static final CurrentUser COMMITTEE = new CurrentUser(0, "committee", "区直机关工委", Role.COMMITTEE_ADMIN, null);
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚".split("");
    private static final List<String> CENTRE_SERVICES = List.of("政策咨询", "党员教育", "志愿服务", "便民办事", "法律援助", "就业指导",
            "长者服务", "青少年托管", "文体活动", "心理疏导");
    private static final List<String> STATION_SERVICES = List.of("歇脚饮水", "手机充电", "应急药箱", "爱心雨伞", "政策咨询", "微波加热");

    private final JdbcClient jdbc;
    private final DemoMarkers markers;
    private final NetworkDesk desk;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String what;

    DemoNetwork(JdbcClient jdbc, DemoMarkers markers, NetworkDesk desk, Directory directory, Audit audit, Clock clock,
                TransactionTemplate transactions, @Value("${ronghe.demo.seed:true}") boolean enabled,
                @Value("${ronghe.demo.network:full}") String what) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.desk = desk;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.enabled = enabled;
        this.what = what.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The code of the past emergency the demo's sampling points served. */
    static String emergencyCode(LocalDate today) {
        return "YJ" + (today.getYear() - 1) + "001";
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || what.equals("none") || !markers.due(MARKER)
                || jdbc.sql("SELECT COUNT(*) FROM service_centre").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20_260_701L);
        Map<Long, double[]> places = new HashMap<>();
        directory.placedCommunities(DataScope.everything(false)).forEach(p -> places.put(p.id(), new double[]{p.latitude(), p.longitude()}));
        List<Directory.CommunityRef> communities = directory.communities();
        List<Directory.StreetRef> streets = directory.streets();
        int centres = 0;
        String district = jdbc.sql("SELECT name FROM district ORDER BY id").query(String.class).list().stream().findFirst().orElse("区");
        open(new NetworkDesk.CentreForm("FW-QU", district + "党群服务中心", "DISTRICT", null, null, district + "政务服务中心二楼",
                mean(places.values(), 0), mean(places.values(), 1), CENTRE_SERVICES, "周一至周日 9:00-21:00", staff(random, 3)));
        centres++;
        for (Directory.StreetRef s : streets) {
            List<double[]> own = communities.stream().filter(c -> c.streetId() == s.id()).map(c -> places.get(c.id()))
                    .filter(java.util.Objects::nonNull).toList();
            open(new NetworkDesk.CentreForm("FW-" + s.code(), s.name() + "党群服务中心", "STREET", s.code(), null, s.name() + "办事处一楼",
                    mean(own, 0), mean(own, 1), pick(random, CENTRE_SERVICES, 5), "周一至周六 8:30-18:00", staff(random, 2)));
            centres++;
        }
        int stations = Math.max(1, Math.round(27f * communities.size() / 212));
        int points = Math.max(2, Math.round(198f * communities.size() / 212));
        int stride = Math.max(1, communities.size() / stations);
        int opened = 0;
        LocalDate today = LocalDate.now(clock);
        LocalDate window = LocalDate.of(today.getYear() - 1, 4, 1);
        for (int i = 0; i < communities.size(); i++) {
            Directory.CommunityRef c = communities.get(i);
            double[] at = places.get(c.id());
            open(new NetworkDesk.CentreForm("FW-" + c.code(), c.name() + "党群服务中心", "COMMUNITY", null, c.code(), c.name() + "居委会",
                    at == null ? null : at[0], at == null ? null : at[1], pick(random, CENTRE_SERVICES, 4), "周一至周五 9:00-17:30",
                    staff(random, 2)));
            centres++;
            if (i % stride == 0 && opened < stations) {
                open(new NetworkDesk.CentreForm("YZ-" + c.code(), c.name() + "党群服务驿站", "STATION", null, c.code(), c.name() + "沿街驿站",
                        near(at, random, 0), near(at, random, 1), pick(random, STATION_SERVICES, 4), "每天 7:00-22:00", staff(random, 1)));
                opened++;
                centres++;
            }
            if (i < points) {
                LocalDate starts = window.plusDays(random.nextInt(40));
                desk.openPoint(COMMITTEE, new NetworkDesk.PointForm("CY-" + c.code(), c.name() + "核酸采样点", "SAMPLING", c.code(),
                        c.name() + "文化广场", near(at, random, 0), near(at, random, 1), List.of("核酸采样", "咨询引导"), starts.toString(),
                        starts.plusDays(7 + random.nextInt(21)).toString(), emergencyCode(today), staff(random, 3)), null);
            }
        }
        int made = centres;
        int sampling = Math.min(points, communities.size());
        transactions.executeWithoutResult(status -> {
            markers.set(MARKER, what);
            audit.record(Audit.Entry.change("DEMO_NETWORK_SEEDED", "service_centre", null, null,
                    Map.of("centres", made, "temporaryPoints", sampling)));
        });
        log.info("Demo service network: {} centres and {} sampling points in {} ms", made, sampling,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void open(NetworkDesk.CentreForm form) {
        desk.openCentre(COMMITTEE, form, null);
    }

    private static Double mean(java.util.Collection<double[]> points, int axis) {
        return points.isEmpty() ? null : Math.round(points.stream().mapToDouble(p -> p[axis]).average().orElseThrow() * 1e6) / 1e6;
    }

    private static Double near(double[] at, Random random, int axis) {
        return at == null ? null : Math.round((at[axis] + (random.nextDouble() - 0.5) * 0.004) * 1e6) / 1e6;
    }

    private static List<String> pick(Random random, List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static List<Staff> staff(Random random, int n) {
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            staff.add(new Staff(name, i == 0 ? "负责人" : "值班", "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000))));
        }
        return staff;
    }
}
