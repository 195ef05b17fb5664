package dk.hotline.routing.screen;

import dk.hotline.routing.common.CallerOrganisation;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in to this request's page. */
@RequestScoped
public class Viewers {

    private final SecurityIdentity identity;
    private final CallerOrganisation organisation;
    private final RecipientDirectory directory;
    private final Msg msg;

    public Viewers(SecurityIdentity identity, CallerOrganisation organisation, RecipientDirectory directory, Msg msg) {
        this.identity = identity;
        this.organisation = organisation;
        this.directory = directory;
        this.msg = msg;
    }

    public Viewer current() {
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            name = jwt.getClaim("name");
        }
        if (name == null || name.isBlank()) {
            name = identity.getPrincipal().getName();
        }
        String org = organisation.optional();
        String label = org == null ? msg.no_organisation()
                : directory.find(org).map(Organisation::name).orElse(org);
        return new Viewer(name, label, org);
    }
}
