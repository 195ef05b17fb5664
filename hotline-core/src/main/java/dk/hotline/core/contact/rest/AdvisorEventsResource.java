package dk.hotline.core.contact.rest;

import dk.hotline.core.contact.AdvisorNotice;
import dk.hotline.core.contact.AdvisorNotices;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.contact.ContactService;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The advisor's live feed (Server-Sent Events): "call X is connected to you,
 * draft Y". The advisor is the token's {@code endpoint} claim. The stream
 * starts with HELLO and the advisor's drafts still open, so a reconnect (or
 * an instance that did not see the call) loses nothing.
 */
@Path("/api/advisor/events")
@Tag(name = "Contacts and advice log")
public class AdvisorEventsResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final AdvisorNotices notices;
    private final ContactService contacts;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AdvisorEventsResource(AdvisorNotices notices, ContactService contacts, SecurityIdentity identity, Clock clock) {
        this.notices = notices;
        this.contacts = contacts;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed("advisor")
    @Operation(summary = "Live notices for the advisor of this token (text/event-stream)")
    public Multi<AdvisorNotice> events() {
        StaffMember staff = StaffMember.of(identity);
        String endpoint = staff.endpoint();
        if (endpoint == null || endpoint.isBlank()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "The advisor token has no endpoint claim", List.of());
        }
        Multi<AdvisorNotice> live = notices.forEndpoint(endpoint);
        Multi<AdvisorNotice> snapshot = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> new AdvisorNotice("HELLO", endpoint, null, null, clock.instant(),
                        "Connected; notices for " + endpoint + " follow")),
                // A stream must stop when the advisor leaves, so this resource stays cancellable; the one read in it is
                // memoized instead, so a cancellation never reaches its open session (see docs/decisions/client-disconnect.md).
                contacts.openDraftsOf(endpoint).memoize().indefinitely().onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                        .map(draft -> AdvisorNotice.draftOpen(draft, clock.instant())));
        Multi<AdvisorNotice> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new AdvisorNotice("HEARTBEAT", endpoint, null, null, clock.instant(), null));
        // Live first, so that nothing published while the snapshot is read is missed.
        return Multi.createBy().merging().streams(live, snapshot, heartbeat);
    }
}
