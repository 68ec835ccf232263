package org.ronghe.visits.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ronghe.directory.Directory;
import org.ronghe.platform.Audit;
import org.ronghe.platform.ConflictException;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.NotFoundException;
import org.ronghe.platform.Role;
import org.ronghe.visits.visit.VisitTallies;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens campaigns, shares their households out among the visitors, and closes them. The committee runs them. */
@Service
public class CampaignDesk {

    private final Campaigns campaigns;
    private final VisitTallies tallies;
    private final Directory directory;
    private final Audit audit;
    private final Clock clock;

    CampaignDesk(Campaigns campaigns, VisitTallies tallies, Directory directory, Audit audit, Clock clock) {
        this.campaigns = campaigns;
        this.tallies = tallies;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param organs organ codes; none means every organ */
    public record NewCampaign(String name, VisitCampaign.Kind kind, LocalDate startsOn, LocalDate endsOn, Integer targetPerVisitor,
                              Boolean revisits, List<String> organs) {
    }

    public record Opened(long id, boolean replayed) {
    }

    @Transactional
    public Opened open(CurrentUser user, NewCampaign request, String idempotencyKey) {
        requireCommittee(user);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null) {
            Optional<Long> existing = campaigns.idForKey(user.username(), key);
            if (existing.isPresent()) {
                return new Opened(existing.get(), true);
            }
        }
        Set<Long> organs = new HashSet<>();
        if (request.organs() == null || request.organs().isEmpty()) {
            directory.organs().forEach(o -> organs.add(o.id()));
        } else {
            for (String code : request.organs()) {
                organs.add(directory.organ(code == null ? "" : code.trim()).map(Directory.OrganRef::id)
                        .orElseThrow(() -> new IllegalArgumentException("机关单位编码不存在：" + code)));
            }
        }
        VisitCampaign campaign = VisitCampaign.open(request.name(), request.kind() == null ? VisitCampaign.Kind.PAIRING : request.kind(),
                request.startsOn(), request.endsOn(), request.targetPerVisitor() == null ? 0 : request.targetPerVisitor(),
                Boolean.TRUE.equals(request.revisits()), organs, user.username(), clock.instant());
        long id = campaigns.add(campaign, user.username(), key);
        audit.record(Audit.Entry.change("CAMPAIGN_OPENED", "campaign", String.valueOf(id), null,
                Map.of("name", campaign.name(), "kind", campaign.kind().name(), "organs", organs.size())));
        return new Opened(id, false);
    }

    /** Generates the campaign's assignments, once: each visitor's share of the households of their communities. */
    @Transactional
    public int assign(CurrentUser user, long id) {
        requireCommittee(user);
        VisitCampaign campaign = find(id);
        if (campaign.state() != VisitCampaign.State.OPEN) {
            throw new ConflictException("走访活动已结束，不能再分配", Map.of("state", campaign.state().name()));
        }
        if (campaigns.assigned(id)) {
            throw new ConflictException("该活动已分配过走访任务", Map.of("campaign", id));
        }
        List<AssignmentPlan.Team> teams = campaign.kind() == VisitCampaign.Kind.PAIRING ? campaigns.pairingTeams(id) : campaigns.liaisonTeams();
        Set<Long> communities = new HashSet<>();
        teams.forEach(t -> communities.addAll(t.communities()));
        List<AssignmentPlan.Assignment> plan = AssignmentPlan.plan(teams, campaigns.households(communities), campaign.targetPerVisitor(),
                campaign.revisits());
        campaigns.addAssignments(id, plan);
        tallies.assigned(id, plan);
        audit.record(Audit.Entry.change("CAMPAIGN_ASSIGNED", "campaign", String.valueOf(id), null, Map.of("assignments", plan.size())));
        return plan.size();
    }

    @Transactional
    public void close(CurrentUser user, long id) {
        requireCommittee(user);
        VisitCampaign campaign = find(id);
        if (campaign.state() != VisitCampaign.State.OPEN) {
            throw new ConflictException("走访活动已结束", Map.of("state", campaign.state().name()));
        }
        campaign.close(user.username(), clock.instant());
        campaigns.save(campaign);
        audit.record(Audit.Entry.change("CAMPAIGN_CLOSED", "campaign", String.valueOf(id), Map.of("state", "OPEN"), Map.of("state", "CLOSED")));
    }

    public VisitCampaign find(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("走访活动", String.valueOf(id)));
    }

    private static void requireCommittee(CurrentUser user) {
        if (user.role() != Role.COMMITTEE_ADMIN) {
            throw new AccessDeniedException("走访活动由区直机关工委组织");
        }
    }
}
