package dk.hotline.core.screen;

import dk.hotline.web.Landing;
import dk.hotline.web.Landing.Screen;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages around the screens: the start page (sends each person to their screen) and the page after
 * sign-out; their templates and the layout are shared (hotline-web). Sign-in and sign-out themselves are Quarkus
 * OIDC's (tenant {@code web}, application.properties).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ScreenPages {

    private static final Landing LANDING = new Landing(
            new Screen("advisor", "/konsol"), new Screen("rotation-admin", "/vagtplan"),
            new Screen("supervisor", "/tavle"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();

        static native TemplateInstance start(Viewer me);
    }

    private final SecurityIdentity identity;
    private final Viewers viewers;

    public ScreenPages(SecurityIdentity identity, Viewers viewers) {
        this.identity = identity;
        this.viewers = viewers;
    }

    @GET
    @Authenticated
    @Operation(hidden = true)
    public Object start() {
        return LANDING.screenFor(identity::hasRole).<Object>map(screen -> Response.seeOther(screen).build())
                .orElseGet(() -> Templates.start(viewers.current()));
    }

    @GET
    @Path("logget-ud")
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
