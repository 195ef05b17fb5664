package dk.hotline.core.console;

import dk.hotline.core.screen.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * The key with which the advisor's page encrypts its local copy of unsaved text (AES-GCM in the browser,
 * localStorage): derived from the session secret, the signed-in person and the draft, so the copy left on the
 * machine is unreadable without signing in as that person again, and no key is stored beside it.
 */
@ApplicationScoped
public class LocalCopyKeys {

    private final byte[] secret;

    public LocalCopyKeys(@ConfigProperty(name = "quarkus.oidc.web.token-state-manager.encryption-secret") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String keyFor(Viewer me, UUID contactId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] key = mac.doFinal(("local-copy:" + me.staff().name() + ":" + contactId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
