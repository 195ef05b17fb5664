package dk.hotline.routing.recipient;

import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.audit.RoutingAudit;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Changes an organisation's delivery settings (inbox or webhook) and its functional mailbox, for the admin API and
 * the directory page alike: every input checked with the field named, every change audited in its transaction.
 */
@ApplicationScoped
public class DirectoryService {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final RecipientDirectory directory;
    private final SecurityIdentity identity;
    private final RoutingAudit audit;
    private final Clock clock;
    private final boolean allowPlainHttp;

    public DirectoryService(RecipientDirectory directory, SecurityIdentity identity, RoutingAudit audit, Clock clock,
                            RoutingConfig config) {
        this.directory = directory;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
        this.allowPlainHttp = config.webhook().allowPlainHttp();
    }

    @WithTransaction
    public Uni<DirectoryResource.Recipient> configure(String id, DirectoryResource.DeliverySettings settings) {
        Organisation o = directory.find(id).orElseThrow(() -> ProblemException.notFound("recipient " + id));
        if (settings.mode() == DirectoryResource.Mode.WEBHOOK) {
            validateUrl(settings.webhookUrl());
        }
        String mailbox = settings.mailbox() == null ? null : settings.mailbox().strip();
        if (mailbox != null && !mailbox.isEmpty() && (mailbox.length() > 254 || !MAILBOX.matcher(mailbox).matches())) {
            throw ProblemException.badField("mailbox", "must be an e-mail address such as infohus@example.dk");
        }
        return DeliverySettingsEntity.<DeliverySettingsEntity>findById(id).chain(existing -> {
            DeliverySettingsEntity s = existing != null ? existing : new DeliverySettingsEntity();
            s.organisationId = id;
            s.mode = settings.mode().name();
            if (settings.mode() == DirectoryResource.Mode.WEBHOOK) {
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
            if (mailbox != null) {
                s.mailbox = mailbox.isEmpty() ? null : mailbox;
            }
            s.updatedAt = clock.instant();
            s.updatedBy = identity.getPrincipal().getName();
            return (existing != null ? Uni.createFrom().item(s) : s.<DeliverySettingsEntity>persist())
                    .call(() -> audit.record(identity, null, RoutingAudit.Action.CONFIGURE, "recipient", id))
                    .map(saved -> DirectoryResource.view(o, saved));
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
}
