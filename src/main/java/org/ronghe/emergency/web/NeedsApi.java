package org.ronghe.emergency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.emergency.NeedQueries;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residents' needs of an emergency: emergency-urgency calls raised in its zone and the teams they went to. */
@RestController
@RequestMapping("/api/v1/emergencies")
@Tag(name = "emergencies", description = "应急动员：居民应急需求")
class NeedsApi {

    private final NeedQueries reads;

    NeedsApi(NeedQueries reads) {
        this.reads = reads;
    }

    @GetMapping("/{id}/needs")
    @Operation(summary = "居民应急需求（应急范围内提出的应急诉求）：可按社区 community（编码）、类别 kind（MEDICINE 药品、FOOD 生活物资、"
            + "TRANSPORT 出行/就医转运、OTHER 其他）、是否未办结 open、是否超时 overdue、是否未派队 unrouted 筛选；状态和期限取自诉求本身")
    PageResult<NeedQueries.Need> list(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String community,
                                      @RequestParam(required = false) String kind, @RequestParam(required = false) Boolean open,
                                      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean unrouted,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reads.list(user, id, new NeedQueries.Filter(community, kind, open, overdue, unrouted), PageQuery.of(page, size));
    }
}
