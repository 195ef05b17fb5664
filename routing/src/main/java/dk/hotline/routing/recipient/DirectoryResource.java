package dk.hotline.routing.recipient;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recipient directory and each organisation's delivery settings. Role {@code supervisor}: the realm has the
 * roles recipient, supervisor and service, and supervisors already own the dead letters this setting affects.
 * The webhook secret is write-only: answers only say whether one is set.
 */
@Cancellable(false)
@Path("/api/admin/recipients")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    public enum Mode { INBOX, WEBHOOK }

    public record Recipient(String id, String name, String kind, Mode mode, String webhookUrl, boolean secretSet,
                            String mailbox) {
    }

    /** {@code mailbox}: the functional mailbox for e-mail notifications; absent keeps it, empty removes it. */
    public record DeliverySettings(
            @NotNull(message = "must be INBOX or WEBHOOK") Mode mode,
            @Size(max = 2000) String webhookUrl,
            @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
            @Pattern(regexp = "\\S+", message = "must not contain spaces") String webhookSecret,
            @Size(max = 254) String mailbox) {
    }

    private final RecipientDirectory directory;
    private final DirectoryService service;

    public DirectoryResource(RecipientDirectory directory, DirectoryService service) {
        this.directory = directory;
        this.service = service;
    }

    @GET
    @WithSession
    public Uni<List<Recipient>> list() {
        return DeliverySettingsEntity.<DeliverySettingsEntity>listAll().map(all -> {
            Map<String, DeliverySettingsEntity> byId = all.stream()
                    .collect(Collectors.toMap(s -> s.organisationId, Function.identity()));
            List<Recipient> out = new ArrayList<>();
            for (Organisation o : directory.all()) {
                out.add(view(o, byId.get(o.id())));
            }
            return out;
        });
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<Recipient> get(@PathParam("id") String id) {
        Organisation o = organisation(id);
        return DeliverySettingsEntity.<DeliverySettingsEntity>findById(id).map(s -> view(o, s));
    }

    @PUT
    @Path("/{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Recipient> configure(@PathParam("id") String id,
                                    @Valid @NotNull(message = "a body is required") DeliverySettings settings) {
        return service.configure(id, settings);
    }

    private Organisation organisation(String id) {
        return directory.find(id).orElseThrow(() -> ProblemException.notFound("recipient " + id));
    }

    static Recipient view(Organisation o, DeliverySettingsEntity s) {
        boolean webhook = s != null && DeliverySettingsEntity.WEBHOOK.equals(s.mode);
        return new Recipient(o.id(), o.name(), o.kind().name(), webhook ? Mode.WEBHOOK : Mode.INBOX,
                webhook ? s.webhookUrl : null, webhook && s.webhookSecret != null, s == null ? null : s.mailbox);
    }
}
