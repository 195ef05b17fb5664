package dk.hotline.core.transfer;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.call.CallConnected;
import dk.hotline.core.call.CallRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * The receiver answered a call handed on: the latest transfer asked for by the advisor it came from is marked
 * connected, to whom. A transfer made on the phone itself (no row) changes nothing here. Runs in the call event's
 * transaction, announces nothing (the draft's handover does).
 */
@ApplicationScoped
public class TransferConnected implements CallConnected {

    private final Clock clock;

    public TransferConnected(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Runnable> connected(CallRecord call, Site site, Line line, String transferredFrom) {
        if (transferredFrom == null) {
            return Uni.createFrom().nullItem();
        }
        return CallTransfer.<CallTransfer>find("callId = ?1 and fromEndpoint = ?2 and connectedAt is null order by requestedAt desc",
                        call.callId, transferredFrom).firstResult()
                .invoke(row -> {
                    if (row != null) {
                        row.connectedAt = clock.instant();
                        row.toEndpoint = call.advisorEndpoint;
                    }
                })
                .replaceWith(Uni.createFrom().nullItem());
    }
}
