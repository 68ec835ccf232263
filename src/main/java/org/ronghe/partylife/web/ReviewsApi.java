package org.ronghe.partylife.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.partylife.review.ReviewDesk;
import org.ronghe.partylife.review.ReviewState;
import org.ronghe.partylife.review.Reviews;
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

/** Democratic review of members: open, self-review, peer review, the vote (ballots or a paper count), the decision. */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "reviews", description = "民主评议党员：开展评议、自评、互评、投票（网上投票或登记纸质计票）、支部评定；选票保密，只公开得票统计")
class ReviewsApi {

    private final ReviewDesk desk;
    private final Reviews reviews;

    ReviewsApi(ReviewDesk desk, Reviews reviews) {
        this.desk = desk;
        this.reviews = reviews;
    }

    @GetMapping
    @Operation(summary = "民主评议（按数据范围过滤：本组织及上下级组织的党员、本单位党组书记、工委）；org 党组织编码，year 年度，state 状态，q 党组织名称或编码，organ 机关编码（其各党组织的评议）")
    PageResult<Reviews.Row> list(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) ReviewState state, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String organ,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return reviews.list(desk.scopeOf(user), new Reviews.Filter(org, year, state, q, organ), PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "开展民主评议（工委；本单位党组书记）：党组织 org、年度 year，参加人员为此时该组织及其党小组的党员；每个党组织每年一次；同一 Idempotency-Key 只开展一次")
    ResponseEntity<Reviews.Detail> open(CurrentUser user, @RequestBody ReviewDesk.NewReview body,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        ReviewDesk.Created created = desk.open(user, body, key);
        Reviews.Detail detail = desk.review(user, created.id());
        return created.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail)
                : ResponseEntity.created(URI.create("/api/v1/reviews/" + created.id())).body(detail);
    }

    @GetMapping("/{id}")
    @Operation(summary = "一次民主评议：参加党员、自评、互评、每名正式党员的得票统计与建议等次、评议年度的履职记录、评定结果和经过；不公开谁投了什么票")
    Reviews.Detail one(CurrentUser user, @PathVariable long id) {
        return desk.review(user, id);
    }

    @PostMapping("/{id}/voting")
    @Operation(summary = "开始投票（工委；本单位党组书记）：自评互评阶段 → 投票中")
    Reviews.Detail startVoting(CurrentUser user, @PathVariable long id) {
        desk.startVoting(user, id);
        return desk.review(user, id);
    }

    @PostMapping("/{id}/self-reviews")
    @Operation(summary = "自评：党员本人填写（member 可省略），或书记、工委代为登记（member 为党员编码）；评定后不能再改")
    Reviews.Detail selfReview(CurrentUser user, @PathVariable long id, @RequestBody ReviewDesk.SelfReview body) {
        desk.selfReview(user, id, body);
        return desk.review(user, id);
    }

    @PostMapping("/{id}/peer-reviews")
    @Operation(summary = "互评：参加评议的党员评价另一名党员（about），书记、工委可代为登记（reviewer）")
    Reviews.Detail peerReview(CurrentUser user, @PathVariable long id, @RequestBody ReviewDesk.PeerReview body) {
        desk.peerReview(user, id, body);
        return desk.review(user, id);
    }

    @PostMapping("/{id}/ballots")
    @Operation(summary = "投票（参加评议的党员本人，投票中）：excellent、qualified、basicallyQualified、unqualified 为党员编码列表，每名正式党员一个等次、预备党员不评；每人一票，同一 Idempotency-Key 的重试返回原结果")
    ResponseEntity<Reviews.Detail> ballot(CurrentUser user, @PathVariable long id, @RequestBody ReviewDesk.Grades body,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        boolean replayed = desk.ballot(user, id, body, key);
        Reviews.Detail detail = desk.review(user, id);
        return replayed ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail) : ResponseEntity.status(201).body(detail);
    }

    @PostMapping("/{id}/tallies")
    @Operation(summary = "登记纸质投票的计票结果（工委；本单位党组书记，投票中）：选票数 ballots，tallies 为每名正式党员各等次的票数；与网上投票合计不超过参加人数；再次登记则替换")
    Reviews.Detail tallies(CurrentUser user, @PathVariable long id, @RequestBody ReviewDesk.PaperVote body) {
        desk.paperVote(user, id, body);
        return desk.review(user, id);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "结束投票并作出评定（工委；本单位党组书记）：每名正式党员一个等次，优秀不超过正式党员的三分之一（向下取整）；meeting 为作出评定的民主评议党员会议（可选）；评定后冻结")
    Reviews.Detail decide(CurrentUser user, @PathVariable long id, @RequestBody ReviewDesk.Grades body) {
        desk.decide(user, id, body);
        return desk.review(user, id);
    }
}
