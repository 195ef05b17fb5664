package dk.hotline.core.board;

import org.jboss.resteasy.reactive.server.Cancellable;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The supervisor board as JSON: the same counts and ids as the page at /tavle. */
@Cancellable(false)
@Path("/api/supervisor/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final SupervisorBoard boards;

    public BoardResource(SupervisorBoard boards) {
        this.boards = boards;
    }

    @GET
    @RolesAllowed("supervisor")
    @Operation(summary = "Calls waiting per site and line, advisors free/on a call/paused, today's answered and "
            + "abandoned calls, answered calls not logged, referrals near or past their deadline, webhook dead letters")
    public Uni<Board> board() {
        return boards.current();
    }
}
