package org.ronghe.emergency.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.emergency.EmergencyDesk;
import org.ronghe.emergency.StationingDesk;
import org.ronghe.emergency.StationingQueries;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.ronghe.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Three-level stationing by shift and the 72-hour coverage board of an emergency's zone. */
@RestController
@RequestMapping("/api/v1/emergencies")
@Tag(name = "stationing", description = "应急驻点：区领导驻点街道、处级干部驻点社区、三人小组驻点小区（按班次），72 小时值守覆盖")
class StationingApi {

    private final StationingDesk desk;
    private final StationingQueries reads;

    StationingApi(StationingDesk desk, StationingQueries reads) {
        this.desk = desk;
        this.reads = reads;
    }

    @GetMapping("/{id}/stationings")
    @Operation(summary = "应急事件的驻点安排（按数据范围：所在社区、小区，或含本人社区的街道），班次晚的在前，已撤回的也列出")
    PageResult<StationingQueries.Station> stationings(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        return reads.stationings(user, id, PageQuery.of(page, size));
    }

    @PostMapping("/{id}/stationings")
    @Operation(summary = "安排驻点（工委；街道；机关党组书记）：层级 level（STREET 区领导驻点街道：street、leader；COMMUNITY 处级干部驻点社区：community、members 一人；COMPOUND 三人小组驻点小区：community、compound、members 三人），班次 shiftStart 至 shiftEnd（整班：0、8、16 点，至少一班，最长 72 小时）；同一人不能在重叠的班次驻点两处（409）；同一 Idempotency-Key 只安排一次")
    ResponseEntity<Map<String, Object>> station(CurrentUser user, @PathVariable long id, @RequestBody StationingDesk.StationingRequest body,
                                                @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        EmergencyDesk.Created created = desk.station(user, id, body, key);
        Map<String, Object> answer = Map.of("id", created.id(), "emergency", id);
        return created.replayed() ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(answer)
                : ResponseEntity.created(URI.create("/api/v1/emergencies/" + id + "/stationings")).body(answer);
    }

    @PostMapping("/{id}/stationings/{stationing}/withdraw")
    @Operation(summary = "撤回驻点（工委；街道；机关党组书记，驻点在其范围内）：其班次重新成为空缺，记录保留")
    Map<String, Object> withdraw(CurrentUser user, @PathVariable long id, @PathVariable long stationing) {
        desk.withdraw(user, id, stationing);
        return Map.of("id", stationing, "emergency", id, "withdrawn", true);
    }

    @GetMapping("/{id}/coverage")
    @Operation(summary = "72 小时值守覆盖：应急范围涉及的每个街道、社区、小区在当前班次及其后 8 个班次（三班倒：0–8 夜、8–16 早、16–24 中）是否有人驻点，空缺多的在前；from（ISO 时刻或日期）查看另一段 72 小时；street（街道编码）只看一个街道，gaps=true 只看有空缺的位置（计数仍为整个范围）")
    StationingQueries.Board coverage(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String street, @RequestParam(required = false) boolean gaps) {
        return reads.coverage(user, id, from).only(street, gaps);
    }

    @GetMapping("/stationed-cadres")
    @Operation(summary = "正在驻点的干部：有未撤回驻点安排的区领导和党员（按数据范围）")
    PageResult<StationingQueries.Cadre> cadres(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return reads.cadres(user, PageQuery.of(page, size));
    }

    @GetMapping("/covered-communities")
    @Operation(summary = "有处级干部驻点的社区（未撤回的驻点安排，按数据范围）")
    PageResult<StationingQueries.Covered> covered(CurrentUser user, @RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer size) {
        return reads.covered(user, PageQuery.of(page, size));
    }
}
