package org.ronghe.partylife.commitment;

import java.time.Instant;
import java.util.List;

import org.ronghe.directory.MemberStatus;
import org.ronghe.directory.Position;
import org.ronghe.partylife.ComplianceBook;
import org.ronghe.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's public 三亮 card: identity from the directory (name, party organisation, organ, post and status —
 * never a phone or an ID number), the year's duties and commitments with their computed progress. Any signed-in
 * person may read it: it is meant to be shown to the masses.
 */
@Component
public class CardReader {

    private final JdbcClient jdbc;
    private final Cards cards;
    private final CommitmentQueries queries;
    private final ComplianceBook book;

    CardReader(JdbcClient jdbc, Cards cards, CommitmentQueries queries, ComplianceBook book) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.queries = queries;
        this.book = book;
    }

    /** 亮身份: who the member is, as the directory has it. */
    public record Identity(String code, String name, String orgCode, String orgName, String organCode, String organName, String status,
                           String post) {
    }

    /**
     * @param published  whether the member published a card for the year
     * @param years      the years the member has cards for, newest first
     * @param measurable active commitments with a target; {@code fulfilled} of those, fulfilled
     */
    public record CardView(Identity member, int year, boolean published, List<Integer> years, Long cardId, int version,
                           Instant publishedAt, Instant revisedAt, List<String> duties, List<CommitmentQueries.Row> commitments,
                           long active, long measurable, long fulfilled) {
    }

    public record EventView(String type, Instant at, String actor, String note) {
    }

    public CardView card(String code, Integer year) {
        String key = code == null ? "" : code.trim();
        Identity identity = jdbc.sql("""
                        SELECT m.id, m.code, m.name, p.code, p.name, o.code, o.name, m.status, m.position FROM member m
                        JOIN party_org p ON p.id = m.party_org_id LEFT JOIN organ o ON o.id = m.organ_id WHERE m.code = :c""")
                .param("c", key).query((rs, n) -> new Identity(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), MemberStatus.valueOf(rs.getString(8)).label(),
                        rs.getString(9) == null ? null : Position.valueOf(rs.getString(9)).label())).optional()
                .orElseThrow(() -> new NotFoundException("党员", key));
        long memberId = jdbc.sql("SELECT id FROM member WHERE code = :c").param("c", key).query(Long.class).single();
        int y = year == null ? book.today().getYear() : year;
        List<Integer> years = jdbc.sql("SELECT card_year FROM commitment_card WHERE member_id = :m ORDER BY card_year DESC")
                .param("m", memberId).query(Integer.class).list();
        return cards.find(memberId, y).map(card -> {
            List<CommitmentQueries.Row> rows = queries.ofCard(card.id());
            List<CommitmentQueries.Row> active = rows.stream().filter(r -> !r.withdrawn()).toList();
            return new CardView(identity, y, true, years, card.id(), card.version(), card.publishedAt(), card.revisedAt(), card.duties(),
                    rows, active.size(), active.stream().filter(CommitmentQueries.Row::measurable).count(),
                    active.stream().filter(CommitmentQueries.Row::fulfilled).count());
        }).orElseGet(() -> new CardView(identity, y, false, years, null, 0, null, null, List.of(), List.of(), 0, 0, 0));
    }

    /** What happened to a card, for those who may change it. */
    public List<EventView> events(long cardId) {
        return cards.events(cardId).stream().map(e -> new EventView(e.type(), e.at(), e.actor(), e.note())).toList();
    }
}
