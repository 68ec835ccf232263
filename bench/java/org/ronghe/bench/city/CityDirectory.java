package org.ronghe.bench.city;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.ronghe.platform.PersonalData;

/**
 * The city's directory: one root (the {@code district} row), its districts' streets, communities, grids, organs
 * with their duties, party organisations and members, written with COPY and explicit ids. What the calls need
 * (which community lies in which street and district, which organ answers which category there) stays in memory.
 */
final class CityDirectory {

    static final String ROOT_CODE = "440100";
    static final String ROOT_NAME = "广州市";
    private static final double CENTRE_LAT = 23.13;
    private static final double CENTRE_LNG = 113.26;

    final int districts;
    final long[] communityStreet;
    final int[] communityDistrict;
    final String[] communityCode;
    final String[] communityName;
    final double[] communityLat;
    final double[] communityLng;
    final long[] communityFirstGrid;
    final int[] communityGrids;
    /** Cumulative call weight (households) per community, for picking where a call comes from. */
    final double[] communityWeight;
    final String[] streetCode;
    final String[] organCode;
    /** answering[district][category] = organ ids (1-based) answering for the category in that district. */
    final long[][][] answering;
    final int organsPerDistrict = CityNames.ORGANS.size();

    private final CityOptions options;
    private final Random random;

    CityDirectory(CityOptions options) {
        this.options = options;
        this.random = new Random(options.seed);
        this.districts = options.districts;
        int communities = options.communities;
        communityStreet = new long[communities];
        communityDistrict = new int[communities];
        communityCode = new String[communities];
        communityName = new String[communities];
        communityLat = new double[communities];
        communityLng = new double[communities];
        communityFirstGrid = new long[communities];
        communityGrids = new int[communities];
        communityWeight = new double[communities];
        streetCode = new String[options.streets];
        organCode = new String[districts * organsPerDistrict];
        answering = new long[districts][CityNames.CATEGORIES.size()][];
    }

    /** Builds what the calls need (territory, organs, duties) exactly as {@link #write} did, without writing. */
    void replay() throws SQLException {
        streets(null, 0);
        communities(null);
        grids(null);
        categories(null);
        organs(null);
    }

    /** Writes the directory; returns rows per table in the order written. */
    List<String> write(Connection c, PersonalData personal) throws SQLException {
        List<String> report = new ArrayList<>();
        long rootId;
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO district (code, name) VALUES ('" + ROOT_CODE + "', '" + ROOT_NAME + "')");
            var rs = s.executeQuery("SELECT id FROM district WHERE code = '" + ROOT_CODE + "'");
            rs.next();
            rootId = rs.getLong(1);
        }
        report.add("streets " + streets(c, rootId));
        report.add("communities " + communities(c));
        report.add("grids " + grids(c));
        report.add("categories " + categories(c));
        report.add("organs " + organs(c));
        long[] orgs = partyOrgs(c);
        report.add("party organisations " + orgs[0]);
        report.add("members " + members(c, personal, orgs));
        report.add("leaders and liaisons " + leaders(c, personal));
        report.add("pairings " + pairings(c));
        return report;
    }

    private int districtOfStreet(int street) {
        return (int) ((long) street * districts / options.streets);
    }

    private long streets(Connection c, long rootId) throws SQLException {
        try (BinaryCopy copy = new BinaryCopy(c, "street", "id, code, name, district_id")) {
            int[] inDistrict = new int[districts];
            for (int s = 0; s < options.streets; s++) {
                int d = districtOfStreet(s);
                streetCode[s] = "4401%02d%03d".formatted(d + 1, ++inDistrict[d]);
                copy.row().int8(s + 1).text(streetCode[s]).text(CityNames.DISTRICTS.get(d % CityNames.DISTRICTS.size()) + "·"
                        + CityNames.place(random, -1) + "街道").int8(rootId);
            }
            return copy.finish();
        }
    }

    private long communities(Connection c) throws SQLException {
        try (BinaryCopy copy = new BinaryCopy(c, "community",
                "id, code, name, street_id, households, population, latitude, longitude")) {
            int[] inStreet = new int[options.streets];
            double total = 0;
            for (int m = 0; m < options.communities; m++) {
                int s = (int) ((long) m * options.streets / options.communities);
                int d = districtOfStreet(s);
                int households = 600 + random.nextInt(3900);
                communityStreet[m] = s + 1;
                communityDistrict[m] = d;
                communityCode[m] = streetCode[s] + "%03d".formatted(++inStreet[s]);
                communityName[m] = CityNames.place(random, -1) + "社区";
                communityLat[m] = CENTRE_LAT + (d / 4 - 1.5) * 0.12 + (s % 5) * 0.01 + random.nextDouble() * 0.01;
                communityLng[m] = CENTRE_LNG + (d % 4 - 1.5) * 0.12 + (s % 7) * 0.008 + random.nextDouble() * 0.01;
                total += households;
                communityWeight[m] = total;
                copy.row().int8(m + 1).text(communityCode[m]).text(communityName[m]).int8(s + 1).int4(households)
                        .int4((int) Math.round(households * (2.3 + random.nextDouble() * 0.8)))
                        .float8(communityLat[m]).float8(communityLng[m]);
            }
            return copy.finish();
        }
    }

    private long grids(Connection c) throws SQLException {
        try (BinaryCopy copy = new BinaryCopy(c, "grid", "id, code, name, community_id")) {
            long id = 0;
            for (int m = 0; m < options.communities; m++) {
                long first = (long) m * options.grids / options.communities;
                long next = (long) (m + 1) * options.grids / options.communities;
                communityFirstGrid[m] = first + 1;
                communityGrids[m] = (int) (next - first);
                for (int g = 1; g <= next - first; g++) {
                    copy.row().int8(++id).text(communityCode[m] + "G%02d".formatted(g)).text("第" + g + "网格").int8(m + 1);
                }
            }
            return copy.finish();
        }
    }

    private long categories(Connection c) throws SQLException {
        try (BinaryCopy copy = new BinaryCopy(c, "category", "code, name")) {
            for (String[] k : CityNames.CATEGORIES) {
                copy.row().text(k[0]).text(k[1]);
            }
            copy.finish();
        }
        try (BinaryCopy copy = new BinaryCopy(c, "call_category", "category_code, reply_class")) {
            for (String[] k : CityNames.CATEGORIES) {
                copy.row().text(k[0]).text(k[2]);
            }
            return copy.finish();
        }
    }

    private long organs(Connection c) throws SQLException {
        long n;
        try (BinaryCopy copy = new BinaryCopy(c, "organ", "id, code, name, staff_count")) {
            for (int d = 0; d < districts; d++) {
                for (int o = 0; o < organsPerDistrict; o++) {
                    int id = d * organsPerDistrict + o + 1;
                    organCode[id - 1] = "JG%02d%03d".formatted(d + 1, o + 1);
                    copy.row().int8(id).text(organCode[id - 1])
                            .text(CityNames.DISTRICTS.get(d % CityNames.DISTRICTS.size()) + CityNames.ORGANS.get(o))
                            .int4(45 + random.nextInt(400));
                }
            }
            n = copy.finish();
        }
        try (BinaryCopy copy = new BinaryCopy(c, "organ_duty", "organ_id, category_code")) {
            for (int district = 0; district < districts; district++) {
                int d = district;
                for (int k = 0; k < CityNames.CATEGORIES.size(); k++) {
                    String[] category = CityNames.CATEGORIES.get(k);
                    answering[d][k] = Arrays.stream(category[3].split("\\|"))
                            .mapToLong(name -> (long) d * organsPerDistrict + CityNames.ORGANS.indexOf(name) + 1).toArray();
                    for (long organ : answering[d][k]) {
                        copy.row().int8(organ).text(category[0]);
                    }
                }
            }
            copy.finish();
        }
        return n;
    }

    /**
     * A committee per organ and per community, general branches under the larger ones, branches under those; about a
     * third of them in organs. Returns {count, first community-owned id} and remembers each organisation's owner.
     */
    private long[] partyOrgs(Connection c) throws SQLException {
        int organs = organCode.length;
        int total = options.partyOrgs;
        int inOrgans = Math.max(organs * 3, total / 3);
        int perOrgan = Math.max(3, inOrgans / organs);
        int perCommunity = Math.max(2, (total - perOrgan * organs) / options.communities);
        ownerOrgan = new long[perOrgan * organs + perCommunity * options.communities];
        ownerCommunity = new long[ownerOrgan.length];
        long id = 0;
        LocalDate today = options.to.atZone(options.zone).toLocalDate();
        try (BinaryCopy copy = new BinaryCopy(c, "party_org", "id, code, name, kind, parent_id, organ_id, community_id, founded_on,"
                + " term_years, last_election_on, has_committee")) {
            for (int o = 0; o < organs; o++) {
                long committee = id + 1;
                for (int k = 0; k < perOrgan; k++) {
                    id++;
                    ownerOrgan[(int) id - 1] = o + 1;
                    String kind = k == 0 ? "COMMITTEE" : k <= 2 ? "GENERAL_BRANCH" : "BRANCH";
                    long parent = k == 0 ? -1 : k <= 2 ? committee : committee + 1 + (k % 2);
                    orgRow(copy, id, "DZ" + organCode[o] + "%03d".formatted(k), (k == 0 ? "机关党委" : k <= 2 ? "第" + k + "党总支" : "第" + (k - 2) + "党支部"),
                            kind, parent, o + 1, -1, today);
                }
            }
            for (int m = 0; m < options.communities; m++) {
                long committee = id + 1;
                for (int k = 0; k < perCommunity; k++) {
                    id++;
                    ownerCommunity[(int) id - 1] = m + 1;
                    String kind = k == 0 ? "COMMITTEE" : "BRANCH";
                    orgRow(copy, id, "SQ" + communityCode[m] + "%03d".formatted(k), communityName[m] + (k == 0 ? "党委" : "第" + k + "党支部"),
                            kind, k == 0 ? -1 : committee, -1, m + 1, today);
                }
            }
            return new long[]{copy.finish(), perOrgan * (long) organs + 1};
        }
    }

    private long[] ownerOrgan;
    private long[] ownerCommunity;

    private void orgRow(BinaryCopy copy, long id, String code, String name, String kind, long parent, long organ, long community,
                        LocalDate today) throws SQLException {
        int term = random.nextInt(4) == 0 ? 3 : 5;
        LocalDate founded = today.minusDays(2000 + random.nextInt(8000));
        copy.row().int8(id).text(code).text(name).text(kind);
        if (parent < 0) copy.nul(); else copy.int8(parent);
        if (organ < 0) copy.nul(); else copy.int8(organ);
        if (community < 0) copy.nul(); else copy.int8(community);
        copy.date(founded).int4(term).date(today.minusDays(random.nextInt(term * 365 + 120))).bool(!"BRANCH".equals(kind));
    }

    /** Members spread over the organisations; phone and ID number sealed with the data key as the application does. */
    private long members(Connection c, PersonalData personal, long[] orgs) throws SQLException {
        int count = options.members;
        int organisations = (int) orgs[0];
        LocalDate today = options.to.atZone(options.zone).toLocalDate();
        // Sealing (SM4-GCM, HMAC-SM3 index) dominates: it runs on every core, in blocks, the COPY takes the blocks in order.
        int block = 20_000;
        try (BinaryCopy copy = new BinaryCopy(c, "member", "id, code, name, gender, birth_date, id_number, id_number_index, phone,"
                + " status, joined_on, party_org_id, organ_id, community_id, position")) {
            for (int from = 0; from < count; from += block) {
                int start = from;
                Object[][] rows = IntStream.range(from, Math.min(count, from + block)).parallel()
                        .mapToObj(i -> member(i, organisations, today, personal)).toArray(Object[][]::new);
                for (int i = 0; i < rows.length; i++) {
                    Object[] r = rows[i];
                    copy.row().int8(start + i + 1).text((String) r[0]).text((String) r[1]).text((String) r[2])
                            .date((LocalDate) r[3]).text((String) r[4]).text((String) r[5]).text((String) r[6])
                            .text((String) r[7]).date((LocalDate) r[8]).int8((Long) r[9]);
                    if ((Long) r[10] < 0) copy.nul(); else copy.int8((Long) r[10]);
                    if ((Long) r[11] < 0) copy.nul(); else copy.int8((Long) r[11]);
                    copy.text((String) r[12]);
                }
            }
            return copy.finish();
        }
    }

    private Object[] member(int i, int organisations, LocalDate today, PersonalData personal) {
        Random r = new Random(options.seed * 31 + i);
        boolean male = r.nextInt(100) < 62;
        int org = (int) ((long) i * organisations / options.members);
        LocalDate birth = today.minusDays(365L * 20 + r.nextInt(365 * 60));
        // Unique by construction (the blind index is unique): the member's number takes the last eight digits.
        String idNumber = "44" + birth.toString().replace("-", "") + "%08d".formatted(i);
        String phone = "13" + "%09d".formatted(Math.floorMod(r.nextLong(), 1_000_000_000L));
        String position = i % 40 == 0 ? "SECRETARY" : i % 40 == 1 ? "COMMITTEE_MEMBER" : null;
        return new Object[]{"M%08d".formatted(i + 1), CityNames.person(r, male), male ? "M" : "F", birth,
                personal.seal(PersonalData.MEMBER_ID_NUMBER, idNumber), personal.index(idNumber),
                personal.seal(PersonalData.MEMBER_PHONE, phone), r.nextInt(100) < 96 ? "FULL" : "PROBATIONARY",
                birth.plusYears(19 + r.nextInt(20)).isBefore(today) ? birth.plusYears(19 + r.nextInt(20)) : today.minusDays(30),
                (long) org + 1, ownerOrgan[org] == 0 ? -1L : ownerOrgan[org], ownerCommunity[org] == 0 ? -1L : ownerCommunity[org],
                position};
    }

    private long leaders(Connection c, PersonalData personal) throws SQLException {
        int perDistrict = 10;
        LocalDate today = options.to.atZone(options.zone).toLocalDate();
        try (BinaryCopy copy = new BinaryCopy(c, "leader", "id, code, name, title, phone")) {
            for (int i = 0; i < districts * perDistrict; i++) {
                copy.row().int8(i + 1).text("LD%04d".formatted(i + 1)).text(CityNames.person(random, random.nextBoolean()))
                        .text(CityNames.DISTRICTS.get(i / perDistrict % CityNames.DISTRICTS.size()) + (i % perDistrict == 0 ? "委书记" : "副区长"))
                        .text(personal.seal(PersonalData.LEADER_PHONE, "139%08d".formatted(i)));
            }
            copy.finish();
        }
        try (BinaryCopy copy = new BinaryCopy(c, "liaison", "id, leader_id, street_id, since")) {
            for (int s = 0; s < options.streets; s++) {
                int d = districtOfStreet(s);
                copy.row().int8(s + 1).int8((long) d * perDistrict + 1 + s % perDistrict).int8(s + 1)
                        .date(today.minusDays(200 + random.nextInt(1200)));
            }
            return districts * perDistrict + copy.finish();
        }
    }

    private long pairings(Connection c) throws SQLException {
        LocalDate today = options.to.atZone(options.zone).toLocalDate();
        try (BinaryCopy copy = new BinaryCopy(c, "pairing", "id, organ_id, community_id, since")) {
            for (int m = 0; m < options.communities; m++) {
                long organ = (long) communityDistrict[m] * organsPerDistrict + m % organsPerDistrict + 1;
                copy.row().int8(m + 1).int8(organ).int8(m + 1).date(today.minusDays(300 + random.nextInt(1200)));
            }
            return copy.finish();
        }
    }

    /** A community drawn by households (more households, more calls). */
    int community(double u) {
        int i = Arrays.binarySearch(communityWeight, u * communityWeight[communityWeight.length - 1]);
        return Math.min(communityWeight.length - 1, i < 0 ? -i - 1 : i);
    }
}
