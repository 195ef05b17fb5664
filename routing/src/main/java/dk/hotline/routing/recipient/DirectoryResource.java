package dk.hotline.routing.recipient;

import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
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

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
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
@Path("/api/admin/recipients")
@RolesAllowed("supervisor")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    public enum Mode { INBOX, WEBHOOK }

    public record Recipient(String id, String name, String kind, Mode mode, String webhookUrl, boolean secretSet) {
    }

    public record DeliverySettings(
            @NotNull(message = "must be INBOX or WEBHOOK") Mode mode,
            @Size(max = 2000) String webhookUrl,
            @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
            @Pattern(regexp = "\\S+", message = "must not contain spaces") String webhookSecret) {
    }

    private final RecipientDirectory directory;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final boolean allowPlainHttp;

    public DirectoryResource(RecipientDirectory directory, SecurityIdentity identity, Clock clock, RoutingConfig config) {
        this.directory = directory;
        this.identity = identity;
        this.clock = clock;
        this.allowPlainHttp = config.webhook().allowPlainHttp();
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
    @WithTransaction
    public Uni<Recipient> configure(@PathParam("id") String id,
                                    @Valid @NotNull(message = "a body is required") DeliverySettings settings) {
        Organisation o = organisation(id);
        if (settings.mode() == Mode.WEBHOOK) {
            validateUrl(settings.webhookUrl());
        }
        return DeliverySettingsEntity.<DeliverySettingsEntity>findById(id).chain(existing -> {
            DeliverySettingsEntity s = existing != null ? existing : new DeliverySettingsEntity();
            s.organisationId = id;
            s.mode = settings.mode().name();
            if (settings.mode() == Mode.WEBHOOK) {
                if (settings.webhookSecret() == null && s.webhookSecret == null) {
                    throw ProblemException.badField("webhookSecret", "required for WEBHOOK (16 to 200 characters)");
                }
                s.webhookUrl = settings.webhookUrl();
                if (settings.webhookSecret() != null) {
                    s.webhookSecret = settings.webhookSecret();
                }
            } else {
                s.webhookUrl = null;
                s.webhookSecret = null;
            }
            s.updatedAt = clock.instant();
            s.updatedBy = identity.getPrincipal().getName();
            return (existing != null ? Uni.createFrom().item(s) : s.<DeliverySettingsEntity>persist()).map(saved -> view(o, saved));
        });
    }

    private void validateUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badField("webhookUrl", "required for WEBHOOK");
        }
        try {
            URI uri = new URI(url);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            if (uri.getHost() == null || !(https || (http && allowPlainHttp))) {
                throw ProblemException.badField("webhookUrl", allowPlainHttp ? "must be an absolute http(s) URL" : "must be an absolute https URL");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.badField("webhookUrl", "not a valid URL");
        }
    }

    private Organisation organisation(String id) {
        return directory.find(id).orElseThrow(() -> ProblemException.notFound("recipient " + id));
    }

    private static Recipient view(Organisation o, DeliverySettingsEntity s) {
        boolean webhook = s != null && DeliverySettingsEntity.WEBHOOK.equals(s.mode);
        return new Recipient(o.id(), o.name(), o.kind().name(), webhook ? Mode.WEBHOOK : Mode.INBOX,
                webhook ? s.webhookUrl : null, webhook && s.webhookSecret != null);
    }
}
