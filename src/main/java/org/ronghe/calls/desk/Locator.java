package org.ronghe.calls.desk;

import org.ronghe.calls.Call;
import org.ronghe.directory.Directory;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Finds the community a call belongs to: the raiser's own community, a community or grid code, an
 * address naming a community, or the community whose centroid is nearest to a point — in that order.
 */
@Component
class Locator {

    private final Directory directory;

    Locator(Directory directory) {
        this.directory = directory;
    }

    Call.Place locate(CurrentUser user, Where where) {
        Long gridId = null;
        Directory.CommunityRef community = null;
        if (where.grid() != null && !where.grid().isBlank()) {
            var grid = directory.grid(where.grid().trim()).orElseThrow(() -> new IllegalArgumentException("网格编码不存在：" + where.grid()));
            gridId = grid.id();
            community = directory.community(grid.communityId()).orElseThrow();
        } else if (where.community() != null && !where.community().isBlank()) {
            community = directory.community(where.community().trim())
                    .orElseThrow(() -> new IllegalArgumentException("社区编码不存在：" + where.community()));
        } else if (user != null && user.role() == Role.COMMUNITY_STAFF && user.scopeCode() != null) {
            community = directory.community(user.scopeCode()).orElse(null);
        }
        if (community == null && where.address() != null) {
            community = directory.communityInAddress(where.address()).orElse(null);
        }
        if (community == null && where.latitude() != null && where.longitude() != null) {
            community = directory.nearestCommunity(where.latitude(), where.longitude()).orElse(null);
        }
        if (community == null) {
            throw new IllegalArgumentException("无法确定诉求所属社区：请选择社区或网格，或填写含社区名称的地址，或提供经纬度");
        }
        return new Call.Place(community.id(), community.streetId(), gridId, blankToNull(where.address()),
                where.latitude(), where.longitude());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    record Where(String community, String grid, String address, Double latitude, Double longitude) {
    }
}
