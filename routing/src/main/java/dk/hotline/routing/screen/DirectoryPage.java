package dk.hotline.routing.screen;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.recipient.DirectoryResource;
import dk.hotline.routing.recipient.DirectoryService;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.contracts.reference.ReferenceCatalog;
import dk.hotline.contracts.reference.ReferenceDataSet;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipient directory for supervisors: each organisation's functional mailbox and webhook (changed through the
 * same audited {@link DirectoryService} as the admin API) and the municipality → police district mapping of each
 * reference data version.
 */
@Cancellable(false)
@Path("/katalog")
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPage {

    public record Version(String version, String validFrom) {
    }

    public record Mapping(String code, String municipality, String district, String infohus) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(Viewer me, List<DirectoryResource.Recipient> recipients, Labels labels,
                                                 List<Version> versions, String current, List<Mapping> mapping, String notice);

        static native TemplateInstance edit(Viewer me, DirectoryResource.Recipient recipient, Labels labels,
                                            Map<String, String> form, Map<String, String> errors);
    }

    private final DirectoryResource api;
    private final DirectoryService service;
    private final RecipientDirectory directory;
    private final ReferenceCatalog reference;
    private final Viewers viewers;
    private final Labels labels;
    private final Msg msg;

    public DirectoryPage(DirectoryResource api, DirectoryService service, RecipientDirectory directory,
                         ReferenceCatalog reference, Viewers viewers, Labels labels, Msg msg) {
        this.api = api;
        this.service = service;
        this.directory = directory;
        this.reference = reference;
        this.viewers = viewers;
        this.labels = labels;
        this.msg = msg;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> list(@QueryParam("gemt") String saved) {
        List<Version> versions = reference.versions().stream().sorted(Comparator.comparing(ReferenceDataSet::validFrom))
                .map(v -> new Version(v.version(), v.validFrom().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate().toString())).toList();
        ReferenceDataSet now = reference.at(java.time.Instant.now());
        List<Mapping> mapping = now.municipalities().stream().sorted(Comparator.comparing(m -> Integer.parseInt(m.code())))
                .map(m -> new Mapping(m.code(), m.name(), now.district(m.policeDistrictId()).name(),
                        now.infohusOf(now.district(m.policeDistrictId())).name())).toList();
        String notice = saved == null ? null : directory.find(saved).map(o -> msg.dir_saved(o.name())).orElse(null);
        return api.list().map(all -> Templates.directory(viewers.current(), all, labels, versions, now.version(), mapping, notice));
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Uni<TemplateInstance> edit(@PathParam("id") String id) {
        return api.get(id).map(r -> Templates.edit(viewers.current(), r, labels, form(r), Map.of()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> save(@PathParam("id") String id, MultivaluedMap<String, String> posted) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : List.of("mode", "webhookUrl", "webhookSecret", "mailbox")) {
            String v = posted == null ? null : posted.getFirst(f);
            form.put(f, v == null ? "" : v.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        DirectoryResource.Mode mode = null;
        try {
            mode = DirectoryResource.Mode.valueOf(form.get("mode"));
        } catch (IllegalArgumentException e) {
            errors.put("mode", msg.err_mode());
        }
        String secret = form.get("webhookSecret");
        if (!secret.isEmpty() && (secret.length() < 16 || secret.length() > 200 || secret.matches(".*\\s.*"))) {
            errors.put("webhookSecret", msg.err_webhookSecret());
        }
        if (!errors.isEmpty()) {
            return invalid(id, form, errors);
        }
        DirectoryResource.DeliverySettings settings = new DirectoryResource.DeliverySettings(mode,
                form.get("webhookUrl").isEmpty() ? null : form.get("webhookUrl"), secret.isEmpty() ? null : secret,
                form.get("mailbox"));
        // Deferred: the service refuses bad input by throwing before it returns its Uni.
        return Uni.createFrom().deferred(() -> service.configure(id, settings))
                .map(r -> Response.seeOther(URI.create("/katalog?gemt=" + id)).build())
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException p = (ProblemException) e;
                    if (p.status() != 400 || p.errors() == null) {
                        return Uni.createFrom().failure(e);
                    }
                    for (Problem.FieldError f : p.errors()) {
                        errors.put(f.field(), switch (f.field()) {
                            case "mailbox" -> msg.err_mailbox();
                            case "webhookUrl" -> msg.err_webhookUrl();
                            case "webhookSecret" -> msg.err_webhookSecret();
                            default -> msg.err_mode();
                        });
                    }
                    return invalid(id, form, errors);
                });
    }

    private Uni<Response> invalid(String id, Map<String, String> form, Map<String, String> errors) {
        return api.get(id).map(r -> Response.status(422).entity(Templates.edit(viewers.current(), r, labels, form, errors)).build());
    }

    private static Map<String, String> form(DirectoryResource.Recipient r) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", r.mode().name());
        form.put("webhookUrl", r.webhookUrl() == null ? "" : r.webhookUrl());
        form.put("webhookSecret", "");
        form.put("mailbox", r.mailbox() == null ? "" : r.mailbox());
        return form;
    }

}
