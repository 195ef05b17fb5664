package dk.hotline.routing.common;

import dk.hotline.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The organisation of the calling user: the {@code organisation} claim of the token (a Keycloak user attribute
 * mapped into the token; a single value, or a one-element array when the mapper is multivalued).
 */
@RequestScoped
public class CallerOrganisation {

    public static final String CLAIM = "organisation";

    private final JsonWebToken token;

    public CallerOrganisation(JsonWebToken token) {
        this.token = token;
    }

    public String require() {
        String value = optional();
        if (value == null) {
            throw new ProblemException(403, "no-organisation", "No organisation",
                    "the token carries no organisation claim", List.of());
        }
        return value;
    }

    /** The organisation, or null when the token carries none (a supervisor). */
    public String optional() {
        Object claim = token.getClaim(CLAIM);
        String value = null;
        if (claim instanceof String s) {
            value = s;
        } else if (claim instanceof JsonString s) {
            value = s.getString();
        } else if (claim instanceof JsonArray a && a.size() == 1 && a.get(0) instanceof JsonString s) {
            value = s.getString();
        }
        return value == null || value.isBlank() ? null : value;
    }
}
