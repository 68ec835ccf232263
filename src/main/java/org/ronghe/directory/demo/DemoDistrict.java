package org.ronghe.directory.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ronghe.directory.Gender;
import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.PartyAffairsRole;
import org.ronghe.directory.PartyOrgKind;
import org.ronghe.directory.Position;
import org.ronghe.directory.member.IdNumbers;

/**
 * A whole demo district, generated deterministically from a seed and a day: the same seed and day
 * always give the same district. Shaped like the district in the research report, with a few
 * records that break the organisational rules on purpose so the findings are never empty.
 */
public record DemoDistrict(List<StreetSeed> streets, List<CommunitySeed> communities, List<GridSeed> grids,
                           List<CategorySeed> categories, List<OrganSeed> organs, List<PartyOrgSeed> partyOrgs,
                           List<MemberSeed> members, List<LeaderSeed> leaders, List<LiaisonSeed> liaisons,
                           List<PairingSeed> pairings) {

    public static final long SEED = 20_211_027L;
    static final String[] ID_AREAS = {"440103", "440103", "440103", "440104", "440105", "440106", "440111", "440112",
            "440113", "441202", "445102", "440981", "430102", "360102"};
    private static final double CENTRE_LAT = 23.1090;
    private static final double CENTRE_LNG = 113.2380;
    private static final int MEMBERS_PER_BRANCH = 18;

    public record StreetSeed(String code, String name, double latitude, double longitude) {
    }

    public record CommunitySeed(String code, String name, int street, int households, int population, double latitude,
                                double longitude) {
    }

    public record GridSeed(String code, String name, int community) {
    }

    public record CategorySeed(String code, String name) {
    }

    public record OrganSeed(String code, String name, int staff, List<String> duties) {
    }

    /** @param parent index into the party organisation list, or -1 for a root */
    public record PartyOrgSeed(String code, String name, PartyOrgKind kind, int parent, int organ, LocalDate foundedOn,
                               Integer termYears, LocalDate lastElectionOn, boolean hasCommittee, LocalDate startsOn,
                               LocalDate endsOn) {
    }

    public record MemberSeed(String code, String name, Gender gender, LocalDate birthDate, String idNumber, String phone,
                             MemberStatus status, LocalDate joinedOn, int partyOrg, int organ, int community,
                             Position position, PartyAffairsRole partyAffairsRole) {
    }

    public record LeaderSeed(String code, String name, String title, String phone) {
    }

    public record LiaisonSeed(int leader, int street, LocalDate since) {
    }

    public record PairingSeed(int organ, int community, LocalDate since) {
    }

    public static DemoDistrict generate(DemoSize size, long seed, LocalDate today) {
        return new Generator(size, new Random(seed), today).generate();
    }

    /** Grassroots organisations (committees, general branches, branches) in the demo. */
    public long grassrootsCount() {
        return partyOrgs.stream().filter(p -> PartyOrgKind.GRASSROOTS.contains(p.kind())).count();
    }

    private static final class Generator {

        private final DemoSize size;
        private final Random random;
        private final LocalDate today;
        private final Set<String> idNumbers = new HashSet<>();
        private final Set<String> phones = new HashSet<>();
        private final List<PartyOrgSeed> orgs = new ArrayList<>();
        private final List<MemberSeed> members = new ArrayList<>();

        Generator(DemoSize size, Random random, LocalDate today) {
            this.size = size;
            this.random = random;
            this.today = today;
        }

        DemoDistrict generate() {
            List<StreetSeed> streets = streets();
            List<CommunitySeed> communities = communities(streets);
            List<GridSeed> grids = grids(communities);
            List<OrganSeed> organs = organs();
            List<CategorySeed> categories = Names.CATEGORIES.stream().map(c -> new CategorySeed(c[0], c[1])).toList();
            partyTree(organs, communities.size());
            List<LeaderSeed> leaders = leaders();
            List<LiaisonSeed> liaisons = new ArrayList<>();
            for (int l = 0; l < leaders.size(); l++) {
                liaisons.add(new LiaisonSeed(l, l % streets.size(), today.minusDays(200 + random.nextInt(1200))));
            }
            List<PairingSeed> pairings = new ArrayList<>();
            for (int c = 0; c < communities.size(); c++) {
                pairings.add(new PairingSeed(c % organs.size(), c, today.minusDays(300 + random.nextInt(1200))));
            }
            return new DemoDistrict(streets, communities, grids, categories, organs, List.copyOf(orgs),
                    List.copyOf(members), leaders, liaisons, pairings);
        }

        private List<StreetSeed> streets() {
            List<StreetSeed> streets = new ArrayList<>();
            int columns = (int) Math.ceil(Math.sqrt(size.streets));
            for (int s = 0; s < size.streets; s++) {
                double lat = CENTRE_LAT + (s / columns - columns / 2.0) * 0.014 + jitter(0.003);
                double lng = CENTRE_LNG + (s % columns - columns / 2.0) * 0.012 + jitter(0.003);
                streets.add(new StreetSeed("440103%03d".formatted(s + 1), Names.STREETS.get(s), lat, lng));
            }
            return streets;
        }

        private List<CommunitySeed> communities(List<StreetSeed> streets) {
            int[] perStreet = spread(size.communities, streets.size(), 0.35, 1);
            List<String> names = Names.places(random, size.communities);
            List<CommunitySeed> communities = new ArrayList<>();
            for (int s = 0; s < streets.size(); s++) {
                StreetSeed street = streets.get(s);
                for (int k = 0; k < perStreet[s]; k++) {
                    int households = 600 + random.nextInt(3900);
                    int population = (int) Math.round(households * (2.3 + random.nextDouble() * 0.8));
                    communities.add(new CommunitySeed(street.code() + "%03d".formatted(k + 1),
                            names.get(communities.size()) + "社区", s, households, population,
                            round6(street.latitude() + jitter(0.006)), round6(street.longitude() + jitter(0.006))));
                }
            }
            return communities;
        }

        private List<GridSeed> grids(List<CommunitySeed> communities) {
            List<GridSeed> grids = new ArrayList<>();
            for (int c = 0; c < communities.size(); c++) {
                int count = 3 + communities.get(c).households() / 900 + random.nextInt(2);
                for (int g = 1; g <= count; g++) {
                    grids.add(new GridSeed(communities.get(c).code() + "G%02d".formatted(g), "第" + Names.numeral(g) + "网格", c));
                }
            }
            return grids;
        }

        private List<OrganSeed> organs() {
            List<String> names = Names.ORGANS.subList(0, size.organs);
            List<OrganSeed> organs = new ArrayList<>();
            for (int o = 0; o < names.size(); o++) {
                String name = names.get(o);
                List<String> duties = new ArrayList<>();
                for (int c = 0; c < Names.CATEGORIES.size(); c++) {
                    String[] category = Names.CATEGORIES.get(c);
                    List<String> answering = Arrays.asList(category[2].split("\\|"));
                    boolean present = answering.stream().anyMatch(names::contains);
                    // Where the named organs are missing (the small district), the category still goes to as many organs.
                    boolean stands = !present && (c % names.size() == o || (answering.size() > 1 && (c + 1) % names.size() == o));
                    if (answering.contains(name) || stands) {
                        duties.add(category[0]);
                    }
                }
                organs.add(new OrganSeed("JG%03d".formatted(o + 1), name, baseStaff(name), List.copyOf(duties)));
            }
            return organs;
        }

        private int baseStaff(String name) {
            return switch (name) {
                case "区公安分局" -> 880;
                case "区城市管理和综合执法局" -> 520;
                case "区税务局" -> 460;
                case "区教育局" -> 420;
                case "区卫生健康局" -> 380;
                case "区市场监督管理局" -> 340;
                case "区住房和建设局" -> 300;
                case "区人民法院" -> 260;
                default -> 45 + random.nextInt(200);
            };
        }

        /** Lays out each organ's party tree so the grassroots count is exactly the size's, then fills it with members. */
        private void partyTree(List<OrganSeed> organs, int communities) {
            int n = organs.size();
            int[] memberCount = new int[n];
            double raw = 0;
            double[] weights = new double[n];
            for (int o = 0; o < n; o++) {
                weights[o] = organs.get(o).staff() * (0.62 + random.nextDouble() * 0.2);
                raw += weights[o];
            }
            int[] branches = new int[n];
            for (int o = 0; o < n; o++) {
                memberCount[o] = Math.max(8, (int) Math.round(weights[o] * size.members / raw));
                branches[o] = Math.max(1, Math.round(memberCount[o] / (float) MEMBERS_PER_BRANCH));
                // An organ cannot have more members than staff.
                int staff = Math.max(organs.get(o).staff(), (int) Math.ceil(memberCount[o] / 0.9));
                organs.set(o, new OrganSeed(organs.get(o).code(), organs.get(o).name(), staff, organs.get(o).duties()));
            }
            fitGrassrootsCount(memberCount, branches);
            int tooLargeOrgan = 0, tooSmallOrgan = 1 % n, noCommitteeOrgan = 2 % n, overdueOrgan = 3 % n, endingOrgan = 4 % n;
            int cadreBreaker = largest(organs);
            for (int o = 0; o < n; o++) {
                if (o == cadreBreaker && organs.get(o).staff() < 300) {
                    organs.set(o, new OrganSeed(organs.get(o).code(), organs.get(o).name(), 300, organs.get(o).duties()));
                }
                buildOrgan(o, organs.get(o), memberCount[o], branches[o], communities,
                        o == tooLargeOrgan, o == tooSmallOrgan, o == noCommitteeOrgan, o == overdueOrgan,
                        o == endingOrgan, o == cadreBreaker, o < Math.max(1, n * 22 / 55));
            }
            temporaryBranches(organs);
        }

        private void fitGrassrootsCount(int[] members, int[] branches) {
            int total = 0;
            for (int o = 0; o < members.length; o++) {
                total += structureCount(branches[o], members[o]);
            }
            while (total != size.partyOrgs) {
                boolean grow = total < size.partyOrgs;
                int best = -1;
                double bestDensity = grow ? -1 : Double.MAX_VALUE;
                for (int o = 0; o < members.length; o++) {
                    int b = branches[o];
                    int next = grow ? b + 1 : b - 1;
                    if (b < 2 || next < 2 || Math.abs(structureCount(next, members[o]) - structureCount(b, members[o])) != 1) {
                        continue;
                    }
                    double after = members[o] / (double) next;
                    double density = members[o] / (double) b;
                    if (grow && after >= 6 && density > bestDensity) {
                        best = o;
                        bestDensity = density;
                    } else if (!grow && after <= 40 && density < bestDensity) {
                        best = o;
                        bestDensity = density;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("cannot shape " + size.partyOrgs + " party organisations");
                }
                branches[best] += grow ? 1 : -1;
                total += grow ? 1 : -1;
            }
        }

        /** Grassroots organisations of one organ: a lone branch, or a general branch or committee over its branches. */
        static int structureCount(int branches, int members) {
            if (branches == 1) {
                return 1;
            }
            return 1 + branches + (members >= 100 ? generalBranches(branches) : 0);
        }

        static int generalBranches(int branches) {
            return branches >= 12 ? (int) Math.ceil(branches / 6.0) : 0;
        }

        private void buildOrgan(int o, OrganSeed organ, int memberCount, int branchCount, int communities,
                                boolean tooLarge, boolean tooSmall, boolean noCommittee, boolean overdue, boolean ending,
                                boolean fewCadres, boolean firstSecretary) {
            String prefix = organ.code() + "-";
            int seq = 0;
            int top = -1;
            List<Integer> parents = new ArrayList<>();
            if (branchCount == 1) {
                parents.add(-1);
            } else if (memberCount >= 100) {
                top = addOrg(prefix + "%03d".formatted(seq++), organ.name() + "机关党委", PartyOrgKind.COMMITTEE, -1, o, overdue);
                int generals = generalBranches(branchCount);
                for (int g = 1; g <= generals; g++) {
                    parents.add(addOrg(prefix + "%03d".formatted(seq++), organ.name() + "机关第" + Names.numeral(g) + "党总支",
                            PartyOrgKind.GENERAL_BRANCH, top, o, false));
                }
                if (parents.isEmpty()) {
                    parents.add(top);
                }
            } else {
                top = addOrg(prefix + "%03d".formatted(seq++), organ.name() + "机关党总支", PartyOrgKind.GENERAL_BRANCH, -1, o, overdue);
                parents.add(top);
            }
            int[] sizes = spread(memberCount, branchCount, 0.25, 4);
            if (tooLarge) {
                sizes[0] = 52 + random.nextInt(5);
            }
            if (tooSmall && branchCount > 1) {
                sizes[branchCount - 1] = 3;
            }
            int cadresWanted = fewCadres ? 1 : (int) Math.ceil(organ.staff() / 100.0) + 1;
            int cadres = 0;
            for (int b = 0; b < branchCount; b++) {
                String name = branchCount == 1 ? organ.name() + "机关党支部" : organ.name() + "机关第" + Names.numeral(b + 1) + "党支部";
                int branch = addOrg(prefix + "%03d".formatted(seq++), name, PartyOrgKind.BRANCH,
                        parents.get(b % parents.size()), o, branchCount == 1 && overdue);
                if (b == 0 && ending) {
                    setElection(branch, today.minusYears(3).plusDays(45));
                }
                int full = 0;
                for (int k = 0; k < sizes[b]; k++) {
                    boolean probationary = (tooSmall && branchCount > 1 && b == branchCount - 1)
                            ? k == 2 : k >= 3 && random.nextInt(100) < 4;
                    if (!probationary) {
                        full++;
                    }
                    Position position = k == 0 ? Position.SECRETARY
                            : k == 1 && sizes[b] >= 7 ? Position.DEPUTY_SECRETARY
                            : k >= 2 && k <= 3 && sizes[b] >= 7 ? Position.COMMITTEE_MEMBER : null;
                    if (b == 0 && k == 1 && firstSecretary) {
                        position = Position.FIRST_SECRETARY;
                    }
                    PartyAffairsRole cadre = null;
                    if (cadres < cadresWanted && (k == 0 || (b == branchCount - 1 && k < sizes[b] - 1))) {
                        cadre = cadres == 0 && organ.staff() >= 150 ? PartyAffairsRole.FULL_TIME : PartyAffairsRole.PART_TIME;
                        cadres++;
                    }
                    addMember(branch, o, communities, probationary, position, cadre);
                }
                boolean committee = full >= 7 && !(noCommittee && b == 0);
                PartyOrgSeed seed = orgs.get(branch);
                orgs.set(branch, new PartyOrgSeed(seed.code(), seed.name(), seed.kind(), seed.parent(), seed.organ(),
                        seed.foundedOn(), seed.termYears(), seed.lastElectionOn(), committee, null, null));
                if (sizes[b] >= 30) {
                    for (int g = 1; g <= 2; g++) {
                        orgs.add(new PartyOrgSeed(prefix + "%03d".formatted(seq++), name + "第" + Names.numeral(g) + "党小组",
                                PartyOrgKind.GROUP, branch, o, seed.foundedOn(), null, null, false, null, null));
                    }
                }
            }
        }

        private int addOrg(String code, String name, PartyOrgKind kind, int parent, int organ, boolean overdue) {
            int term = kind.defaultTermYears();
            LocalDate founded = LocalDate.of(1985 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate elected = overdue
                    ? today.minusYears(term).minusDays(20 + random.nextInt(200))
                    : today.minusDays(30 + random.nextInt(term * 365 - 130));
            if (elected.isBefore(founded)) {
                founded = elected.minusYears(1);
            }
            orgs.add(new PartyOrgSeed(code, name, kind, parent, organ, founded, term, elected, false, null, null));
            return orgs.size() - 1;
        }

        private void setElection(int index, LocalDate elected) {
            PartyOrgSeed s = orgs.get(index);
            LocalDate founded = s.foundedOn().isAfter(elected) ? elected.minusYears(1) : s.foundedOn();
            orgs.set(index, new PartyOrgSeed(s.code(), s.name(), s.kind(), s.parent(), s.organ(), founded, s.termYears(),
                    elected, s.hasCommittee(), s.startsOn(), s.endsOn()));
        }

        private void temporaryBranches(List<OrganSeed> organs) {
            String[][] temporary = {{"养老服务综合体建设项目临时党支部", "60", "-120"}, {"老旧小区改造专班临时党支部", "400", "30"}};
            for (int t = 0; t < Math.min(temporary.length, organs.size()); t++) {
                int organ = t;
                int parent = -1;
                for (int i = 0; i < orgs.size(); i++) {
                    if (orgs.get(i).organ() == organ && orgs.get(i).parent() == -1) {
                        parent = i;
                        break;
                    }
                }
                LocalDate starts = today.minusDays(Integer.parseInt(temporary[t][1]));
                LocalDate ends = today.minusDays(Integer.parseInt(temporary[t][2]));
                orgs.add(new PartyOrgSeed(organs.get(organ).code() + "-T%02d".formatted(t + 1),
                        organs.get(organ).name() + temporary[t][0], PartyOrgKind.TEMPORARY_BRANCH, parent, organ, starts,
                        null, null, false, starts, ends));
            }
        }

        private void addMember(int partyOrg, int organ, int communities, boolean probationary, Position position,
                               PartyAffairsRole cadre) {
            boolean male = random.nextInt(100) < 56;
            LocalDate birth = today.minusYears(24 + random.nextInt(36)).minusDays(random.nextInt(365));
            String id = idNumber(birth, male);
            LocalDate adult = birth.plusYears(18);
            LocalDate joined;
            if (probationary) {
                joined = today.minusDays(30 + random.nextInt(300));
            } else {
                LocalDate earliest = birth.plusYears(20);
                LocalDate latest = today.minusYears(2);
                long span = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
                joined = earliest.plusDays(random.nextInt((int) Math.min(span, Integer.MAX_VALUE)));
            }
            if (joined.isBefore(adult)) {
                joined = adult;
            }
            members.add(new MemberSeed("DY%06d".formatted(members.size() + 1), Names.person(random, male),
                    male ? Gender.M : Gender.F, birth, id, phone(), probationary ? MemberStatus.PROBATIONARY : MemberStatus.FULL,
                    joined, partyOrg, organ, random.nextInt(communities), position, cadre));
        }

        private String idNumber(LocalDate birth, boolean male) {
            while (true) {
                String area = ID_AREAS[random.nextInt(ID_AREAS.length)];
                int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
                String first17 = area + birth.toString().replace("-", "") + "%03d".formatted(seq);
                String id = first17 + IdNumbers.checkCharacter(first17);
                if (idNumbers.add(id)) {
                    return id;
                }
            }
        }

        private String phone() {
            String[] prefixes = {"13", "15", "17", "18", "19"};
            while (true) {
                String phone = prefixes[random.nextInt(prefixes.length)] + "%09d".formatted(random.nextInt(1_000_000_000));
                if (phones.add(phone)) {
                    return phone;
                }
            }
        }

        private List<LeaderSeed> leaders() {
            List<LeaderSeed> leaders = new ArrayList<>();
            for (int l = 0; l < size.leaders; l++) {
                leaders.add(new LeaderSeed("LD%02d".formatted(l + 1), Names.person(random, random.nextInt(100) < 75),
                        Names.LEADERS.get(l)[0], phone()));
            }
            return leaders;
        }

        private int largest(List<OrganSeed> organs) {
            int best = 0;
            for (int o = 1; o < organs.size(); o++) {
                if (organs.get(o).staff() > organs.get(best).staff()) {
                    best = o;
                }
            }
            return best;
        }

        /** Splits a total over n parts of roughly equal size (± spread), each at least min. */
        private int[] spread(int total, int n, double spread, int min) {
            double[] weights = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = 1 - spread + random.nextDouble() * 2 * spread;
                sum += weights[i];
            }
            int[] parts = new int[n];
            int assigned = 0;
            for (int i = 0; i < n; i++) {
                parts[i] = Math.max(min, (int) Math.floor(total * weights[i] / sum));
                assigned += parts[i];
            }
            for (int i = 0; assigned < total; i = (i + 1) % n) {
                parts[i]++;
                assigned++;
            }
            for (int i = 0; assigned > total; i = (i + 1) % n) {
                if (parts[i] > min) {
                    parts[i]--;
                    assigned--;
                }
            }
            return parts;
        }

        private double jitter(double amplitude) {
            return (random.nextDouble() * 2 - 1) * amplitude;
        }

        private static double round6(double value) {
            return Math.round(value * 1e6) / 1e6;
        }
    }
}
