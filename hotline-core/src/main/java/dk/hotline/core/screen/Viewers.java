package dk.hotline.core.screen;

import dk.hotline.core.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in to this request's screen. */
@RequestScoped
public class Viewers {

    private final SecurityIdentity identity;
    private final Msg msg;

    public Viewers(SecurityIdentity identity, Msg msg) {
        this.identity = identity;
        this.msg = msg;
    }

    public Viewer current() {
        StaffMember staff = StaffMember.of(identity);
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            name = jwt.getClaim("name");
        }
        if (name == null || name.isBlank()) {
            name = identity.getPrincipal().getName();
        }
        String site = staff.site() == null ? msg.no_site() : switch (staff.site()) {
            case AARHUS -> msg.site_AARHUS();
            case COPENHAGEN -> msg.site_COPENHAGEN();
        };
        return new Viewer(name, site, staff);
    }
}
