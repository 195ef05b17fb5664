package dk.hotline.core.contact;

import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answered calls whose log is not finalised after a while: the supervisor's follow-up list. */
@ApplicationScoped
public class UnloggedCalls {

    public record UnloggedCall(String callId, String line, String site, String advisorEndpoint, Instant connectedAt,
                               Instant endedAt, String state, UUID draftId) {
    }

    private final Clock clock;
    private final Duration defaultThreshold;

    public UnloggedCalls(Clock clock, @ConfigProperty(name = "hotline.advice.unlogged-after") Duration defaultThreshold) {
        this.clock = clock;
        this.defaultThreshold = defaultThreshold;
    }

    @WithSession
    public Uni<List<UnloggedCall>> list(Duration olderThan, Site site) {
        Instant before = clock.instant().minus(olderThan == null ? defaultThreshold : olderThan);
        String query = "select c.callId, c.line, c.site, c.advisorEndpoint, c.connectedAt, c.endedAt, c.state, k.id"
                + " from CallRecord c left join Contact k on k.callId = c.callId"
                + " where c.connectedAt is not null and c.connectedAt < :before"
                + " and (k.id is null or k.status <> :final)"
                + (site == null ? "" : " and c.site = :site")
                + " order by c.connectedAt";
        return Panache.getSession().flatMap(session -> {
            var select = session.createSelectionQuery(query, Object[].class)
                    .setParameter("before", before)
                    .setParameter("final", ContactStatus.FINAL)
                    .setMaxResults(500);
            if (site != null) {
                select.setParameter("site", site.name());
            }
            return select.getResultList();
        }).map(rows -> rows.stream().map(r -> new UnloggedCall((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Instant) r[4], (Instant) r[5], r[6] == null ? null : r[6].toString(), (UUID) r[7])).toList());
    }
}
