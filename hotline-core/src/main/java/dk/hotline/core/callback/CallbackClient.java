package dk.hotline.core.callback;

import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Who may use the callback API: the telephony adapter's own service account only. The role {@code service} alone is
 * not enough, since routing's and core's own clients hold it too, and a claim hands out a caller's number. Tells the
 * clients apart by the token's authorised party ({@code azp}: the Keycloak client the token was issued to). A refusal
 * is audited (REFUSED, the refused account as actor) and answered 403 problem+json.
 */
@ApplicationScoped
public class CallbackClient {

    static final String RECORD_TYPE = "callback_request";

    private final String clientId;
    private final AuditLog audit;

    public CallbackClient(@ConfigProperty(name = "hotline.callback.client-id") String clientId, AuditLog audit) {
        this.clientId = clientId;
        this.audit = audit;
    }

    /** True for a token issued to the adapter's client. */
    public boolean isTheAdapter(SecurityIdentity who) {
        return who.getPrincipal() instanceof JsonWebToken token && clientId.equals(token.getClaim("azp"));
    }

    /**
     * The refusal of {@code who} on the request {@code recordId} ("-" for none): its audit entry written, then the
     * 403. If the entry cannot be written the answer is the storage failure, never a silent refusal.
     */
    public <T> Uni<T> refuse(SecurityIdentity who, String recordId) {
        Object client = who.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        return Panache.withTransaction(() -> audit.record(who, AuditAction.REFUSED, RECORD_TYPE, recordId,
                        "callback API refused to client " + (client == null ? "(none)" : client)))
                .chain(() -> Uni.createFrom().failure(new ProblemException(403, "forbidden", "Forbidden",
                        "Only the telephony adapter's service account may use the callback API", List.of())));
    }
}
