package dk.hotline.routing.referral;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Overdue referrals escalated to a site's supervisors (core shows them too, from the escalated events). */
@Cancellable(false)
@Path("/api/supervisor/escalations")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    public record Escalation(String referralId, String site, String reason, Instant escalatedAt) {
    }

    @GET
    @WithSession
    public Uni<List<Escalation>> list(@QueryParam("site") String site) {
        if (site == null) {
            return EscalationEntity.<EscalationEntity>list("order by createdAt desc").map(EscalationResource::view);
        }
        String s = site.toUpperCase(Locale.ROOT);
        try {
            Site.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("site", "must be one of AARHUS, COPENHAGEN");
        }
        return EscalationEntity.<EscalationEntity>list("site = ?1 order by createdAt desc", s).map(EscalationResource::view);
    }

    private static List<Escalation> view(List<EscalationEntity> rows) {
        return rows.stream().map(e -> new Escalation(e.referralId, e.site, e.reason, e.createdAt)).toList();
    }
}
