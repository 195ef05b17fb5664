package dk.hotline.core.console;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.core.contact.UnloggedCalls;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactService;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * "Mit arbejde": today's contacts of my site, the drafts not finalised, and the answered calls that have no final
 * log (the same reconciliation as the supervisors' list), with filters. Lists show no free text; each listed log is
 * an audited read, as over the API.
 */
@Cancellable(false)
@Path("/konsol/mit-arbejde")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("advisor")
public class MyWorkPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M. HH:mm").withZone(ConsolePage.COPENHAGEN);

    /** One row of a list: when, what, how far, and where to open it (null when there is nothing to open). */
    public record Row(String when, String what, String state, String outcome, UUID open) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myWork(Viewer me, String show, boolean mine, List<Row> rows);
    }

    private final Viewers viewers;
    private final ContactService contacts;
    private final UnloggedCalls unlogged;
    private final Msg msg;
    private final Clock clock;

    public MyWorkPage(Viewers viewers, ContactService contacts, UnloggedCalls unlogged, Msg msg, Clock clock) {
        this.viewers = viewers;
        this.contacts = contacts;
        this.unlogged = unlogged;
        this.msg = msg;
        this.clock = clock;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> myWork(@QueryParam("vis") String show, @QueryParam("mine") String mine) {
        Viewer me = viewers.current();
        String what = show == null || !List.of("idag", "kladder", "ulogget").contains(show) ? "idag" : show;
        boolean onlyMine = "ja".equals(mine);
        Uni<List<Row>> rows = switch (what) {
            case "kladder" -> contacts.list(me.staff(), ContactStatus.DRAFT, onlyMine).map(this::rows);
            case "ulogget" -> unlogged.list(java.time.Duration.ZERO, me.staff().advisorSite()).map(list -> list.stream()
                    .filter(c -> !onlyMine || Objects.equals(c.advisorEndpoint(), me.staff().endpoint()))
                    .map(c -> new Row(c.connectedAt() == null ? "–" : WHEN.format(c.connectedAt()), line(c.line()),
                            c.draftId() == null ? msg.work_no_draft() : msg.contact_draft(), "–", c.draftId()))
                    .toList());
            default -> {
                Instant midnight = LocalDate.now(clock.withZone(ConsolePage.COPENHAGEN)).atStartOfDay(ConsolePage.COPENHAGEN).toInstant();
                yield contacts.list(me.staff(), null, onlyMine)
                        .map(list -> rows(list.stream().filter(c -> !c.createdAt.isBefore(midnight)).toList()));
            }
        };
        return rows.map(r -> Templates.myWork(me, what, onlyMine, r));
    }

    private List<Row> rows(List<Contact> list) {
        return list.stream().map(c -> new Row(WHEN.format(c.createdAt), line(c.line == null ? null : c.line.name()),
                c.status == ContactStatus.FINAL ? msg.contact_final() : msg.contact_draft(),
                c.outcome == null ? "–" : c.outcome.da(), c.id)).toList();
    }

    private String line(String line) {
        if (line == null) {
            return "–";
        }
        return "COPENHAGEN_LOCAL".equals(line) ? msg.line_COPENHAGEN_LOCAL() : msg.line_NATIONAL();
    }
}
