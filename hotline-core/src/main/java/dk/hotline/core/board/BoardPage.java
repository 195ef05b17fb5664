package dk.hotline.core.board;

import org.jboss.resteasy.reactive.server.Cancellable;
import dk.hotline.core.console.StatusTexts;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.screen.Viewers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;

/**
 * "Tavle": the supervisors' live board. The page renders the board once (it works without JavaScript); htmx's SSE
 * extension then swaps in each refreshed board from {@code /tavle/strom}. Counts and ids only.
 */
@Cancellable(false)
@Path("/tavle")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("supervisor")
public class BoardPage {

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(Viewer me, BoardView board);

        static native TemplateInstance board$figures(BoardView board);
    }

    private final SupervisorBoard boards;
    private final Viewers viewers;
    private final Msg msg;
    private final StatusTexts statuses;

    public BoardPage(SupervisorBoard boards, Viewers viewers, Msg msg, StatusTexts statuses) {
        this.boards = boards;
        this.viewers = viewers;
        this.msg = msg;
        this.statuses = statuses;
    }

    @GET
    @Operation(hidden = true)
    public Uni<TemplateInstance> page() {
        Viewer me = viewers.current();
        return boards.current().map(b -> Templates.board(me, BoardView.of(b, msg, statuses)));
    }

    @GET
    @Path("strom")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> boardEvents = boards.updates()
                .map(b -> sse.newEventBuilder().name("tavle")
                        .data(Templates.board$figures(BoardView.of(b, msg, statuses)).render()).build());
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(t -> sse.newEventBuilder().name("hjerteslag").data("").build());
        return Multi.createBy().merging().streams(boardEvents, heartbeat);
    }
}
