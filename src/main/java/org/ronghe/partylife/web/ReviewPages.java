package org.ronghe.partylife.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ronghe.partylife.ComplianceBook;
import org.ronghe.partylife.PartyLifeScope;
import org.ronghe.partylife.review.Grade;
import org.ronghe.partylife.review.Review;
import org.ronghe.partylife.review.ReviewDesk;
import org.ronghe.partylife.review.ReviewState;
import org.ronghe.partylife.review.Reviews;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The democratic review pages: the list with search and paging (and the form that opens a review), one review with
 * its participants, self-reviews, tallies, each member's record and the forms of the step at hand. Each form posts
 * to the desk; a refusal comes back on the page in Chinese.
 */
@Controller
class ReviewPages {

    private final ReviewDesk desk;
    private final Reviews reviews;
    private final ComplianceBook book;

    ReviewPages(ReviewDesk desk, Reviews reviews, ComplianceBook book) {
        this.desk = desk;
        this.reviews = reviews;
        this.book = book;
    }

    @GetMapping("/reviews")
    String list(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String org,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) ReviewState state,
                @RequestParam(required = false) String organ, @RequestParam(required = false) Integer page, Model model) {
        PartyLifeScope scope = desk.scopeOf(user);
        Reviews.Filter filter = new Reviews.Filter(org, year, state, q, organ);
        model.addAttribute("result", reviews.list(scope, filter, PageQuery.of(page, 50)));
        model.addAttribute("graded", reviews.graded(scope, filter));
        model.addAttribute("q", q);
        model.addAttribute("org", org);
        model.addAttribute("year", year);
        model.addAttribute("state", state);
        model.addAttribute("organ", organ);
        model.addAttribute("states", ReviewState.values());
        model.addAttribute("runs", ReviewDesk.runs(user));
        model.addAttribute("orgs", ReviewDesk.runs(user) ? book.rollup(scope, null, null).orgs() : List.of());
        model.addAttribute("lastYear", book.today().getYear() - 1);
        model.addAttribute("key", UUID.randomUUID().toString());
        return "reviews/list";
    }

    @PostMapping("/reviews")
    String open(CurrentUser user, @RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String key, Model model, RedirectAttributes redirect) {
        try {
            ReviewDesk.Created created = desk.open(user, new ReviewDesk.NewReview(org, year), key);
            redirect.addFlashAttribute("done", "reviews.opened");
            return "redirect:/reviews/" + created.id();
        } catch (IllegalArgumentException | ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return list(user, null, null, null, null, null, null, model);
        }
    }

    @GetMapping("/reviews/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        Reviews.Detail detail = desk.review(user, id);
        model.addAttribute("r", detail);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("runs", ReviewDesk.runs(user));
        model.addAttribute("myCode", desk.participantCode(user, detail).orElse(null));
        model.addAttribute("key", UUID.randomUUID().toString());
        return "reviews/review";
    }

    @PostMapping("/reviews/{id}/voting")
    String startVoting(CurrentUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.votingStarted", () -> desk.startVoting(user, id));
    }

    @PostMapping("/reviews/{id}/self-review")
    String selfReview(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String member,
                      @RequestParam(required = false) String text, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.selfReviewed", () -> desk.selfReview(user, id, new ReviewDesk.SelfReview(member, text)));
    }

    @PostMapping("/reviews/{id}/peer-review")
    String peerReview(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reviewer,
                      @RequestParam(required = false) String about, @RequestParam(required = false) String text,
                      Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.peerReviewed", () -> desk.peerReview(user, id, new ReviewDesk.PeerReview(reviewer, about, text)));
    }

    @PostMapping("/reviews/{id}/ballot")
    String ballot(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.voted", () -> desk.ballot(user, id, grades(form, null), form.get("key")));
    }

    @PostMapping("/reviews/{id}/tallies")
    String tallies(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.counted", () -> {
            List<Review.PaperCount> counts = new ArrayList<>();
            form.keySet().stream().filter(k -> k.startsWith("e-")).map(k -> k.substring(2)).sorted().forEach(code ->
                    counts.add(new Review.PaperCount(code, number(form.get("e-" + code)), number(form.get("q-" + code)),
                            number(form.get("b-" + code)), number(form.get("u-" + code)))));
            desk.paperVote(user, id, new ReviewDesk.PaperVote(number(form.get("ballots")), counts));
        });
    }

    @PostMapping("/reviews/{id}/decision")
    String decide(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "reviews.decided", () -> {
            String meeting = form.get("meeting");
            Long meetingId = meeting == null || meeting.isBlank() ? null : Long.valueOf(number(meeting));
            desk.decide(user, id, grades(form, meetingId));
        });
    }

    /** Takes the step and goes back to the review; a refusal shows the review again with the reason. */
    private String step(CurrentUser user, long id, Model model, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return one(user, id, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/reviews/" + id;
    }

    /** The grades chosen on a form: a radio per full member, named {@code g-} and the member's code. */
    private static ReviewDesk.Grades grades(Map<String, String> form, Long meeting) {
        Map<Grade, List<String>> by = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            by.put(grade, new ArrayList<>());
        }
        form.forEach((name, value) -> {
            if (name.startsWith("g-") && value != null && !value.isBlank()) {
                by.get(Grade.parse(value)).add(name.substring(2));
            }
        });
        return new ReviewDesk.Grades(by.get(Grade.EXCELLENT), by.get(Grade.QUALIFIED), by.get(Grade.BASICALLY_QUALIFIED),
                by.get(Grade.UNQUALIFIED), meeting);
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("请填写整数：" + (text.length() > 20 ? text.substring(0, 20) : text));
        }
    }
}
