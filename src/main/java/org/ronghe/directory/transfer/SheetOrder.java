package org.ronghe.directory.transfer;

import java.util.List;

/** The order in which the directory is imported: what a row refers to must come first. */
final class SheetOrder {

    static final List<String> ENTITIES = List.of("categories", "streets", "communities", "grids", "organs",
            "party-orgs", "members", "leaders", "liaisons", "pairings");

    private SheetOrder() {
    }

    static int of(String entity) {
        int i = ENTITIES.indexOf(entity);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The audit subject of a record of this entity: {@code party-orgs} → {@code party-org}. */
    static String subject(String entity) {
        return entity.equals("communities") ? "community" : entity.equals("categories") ? "category"
                : entity.substring(0, entity.length() - 1);
    }
}
