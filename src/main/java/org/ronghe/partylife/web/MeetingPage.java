package org.ronghe.partylife.web;

import java.util.List;

import org.ronghe.directory.DataScopes;
import org.ronghe.directory.Directory;
import org.ronghe.partylife.DecisionDesk;
import org.ronghe.partylife.MeetingDesk;
import org.ronghe.partylife.Meetings;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.Photo;
import org.ronghe.platform.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One meeting's page, where its decisions become calls or tasks and tasks are reported done. */
@Controller
class MeetingPage {

    private final MeetingDesk desk;
    private final Meetings meetings;
    private final DecisionDesk decisions;
    private final Directory directory;
    private final DataScopes dataScopes;

    MeetingPage(MeetingDesk desk, Meetings meetings, DecisionDesk decisions, Directory directory, DataScopes dataScopes) {
        this.desk = desk;
        this.meetings = meetings;
        this.decisions = decisions;
        this.directory = directory;
        this.dataScopes = dataScopes;
    }

    @GetMapping("/meetings/{id}")
    String one(CurrentUser user, @PathVariable long id, Model model) {
        Meetings.Detail meeting = desk.meeting(user, id);
        boolean canTurn = user.role() == Role.COMMITTEE_ADMIN || user.role() == Role.ORGAN_SECRETARY;
        boolean undone = meeting.decisions().stream().anyMatch(d -> d.callId() == null && d.dueOn() == null && d.directiveId() == null);
        boolean canDirect = user.role() == Role.COMMITTEE_ADMIN && undone;
        model.addAttribute("m", meeting);
        model.addAttribute("canTurn", canTurn);
        model.addAttribute("canDirect", canDirect);
        model.addAttribute("organs", canDirect ? directory.organs() : List.of());
        model.addAttribute("me", user.role() == Role.MEMBER ? user.scopeCode() : null);
        if (canTurn && undone) {
            model.addAttribute("categories", directory.categories());
            model.addAttribute("communities", directory.communities(dataScopes.of(user)));
            model.addAttribute("roll", desk.rollOf(user, meeting.meeting().orgCode()));
        } else {
            model.addAttribute("categories", List.of());
            model.addAttribute("communities", List.of());
            model.addAttribute("roll", List.of());
        }
        return "meetings/meeting";
    }

    @GetMapping("/meetings/{id}/photo")
    ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id) {
        desk.meeting(user, id);
        Photo photo = meetings.photo(id).orElseThrow(() -> new NotFoundException("会议照片", String.valueOf(id)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, max-age=3600").body(photo.content());
    }

    @PostMapping("/meetings/{id}/decisions/{n}/call")
    String raise(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String community, RedirectAttributes redirect) {
        return step(id, redirect, "decisions.raised",
                () -> decisions.raiseDecision(user, id, n, new MeetingDesk.DecisionCall(category, community, null)));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/directive")
    String direct(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) List<String> organs,
                  @RequestParam(required = false) String deadline, RedirectAttributes redirect) {
        return step(id, redirect, "decisions.directed",
                () -> decisions.directDecision(user, id, n, new MeetingDesk.DecisionDirective(organs, deadline)));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/task")
    String assign(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) String owner,
                  @RequestParam(required = false) String dueOn, RedirectAttributes redirect) {
        return step(id, redirect, "decisions.assigned",
                () -> decisions.assignDecision(user, id, n, new MeetingDesk.DecisionTask(owner, dueOn)));
    }

    @PostMapping("/meetings/{id}/decisions/{n}/report")
    String report(CurrentUser user, @PathVariable long id, @PathVariable int n, @RequestParam(required = false) String report,
                  RedirectAttributes redirect) {
        return step(id, redirect, "decisions.done", () -> decisions.reportDecision(user, id, n, report));
    }

    /** Runs a step and returns to the meeting, with the step's message or the refusal. */
    private static String step(long id, RedirectAttributes redirect, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
        } catch (IllegalArgumentException | ConflictException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/meetings/" + id;
    }
}
