package org.ronghe.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.ronghe.platform.SqlWhere.SqlClause;
import org.springframework.stereotype.Component;

/**
 * Narrows a "contains" search with an index of the text's two-character pieces (PostgreSQL; see the migration
 * {@code V7_11__bigram_search.sql}). Chinese search words are often two characters long, which a trigram index
 * cannot serve. The pieces only find candidates: the query's own {@code LIKE} still decides, so the answer is the
 * same with or without the index, and on H2 (the embedded default, one district) the clause is left out.
 */
@Component
public class TextSearch {

    private final boolean indexed;

    TextSearch(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.indexed = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /**
     * @param expression exactly the expression a bigram index was built on (e.g. {@code m.name || ' ' || m.code})
     * @param name       the parameter's name
     * @param text       what the user typed
     */
    public SqlClause candidates(String expression, String name, String text) {
        String word = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!indexed || word.codePointCount(0, word.length()) < 2) {
            return SqlClause.TRUE;
        }
        return new SqlClause("ronghe_bigrams(" + expression + ") @> ronghe_bigrams(:" + name + ")", Map.of(name, word));
    }
}
