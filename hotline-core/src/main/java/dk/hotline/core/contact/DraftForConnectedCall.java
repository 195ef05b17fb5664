package dk.hotline.core.contact;

import dk.hotline.core.call.CallConnected;
import dk.hotline.core.call.CallRecord;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * A call connected to an advisor opens the advisor's draft log, and the advisor's screen is told once it is saved. A
 * call handed on by its advisor ({@code transferredFrom}) brings its draft to the receiver instead: the receiver's
 * screen opens it, the first advisor's screen is told it went on.
 */
@ApplicationScoped
public class DraftForConnectedCall implements CallConnected {

    private final ContactService contacts;
    private final DraftHandover handover;
    private final AdvisorNotices notices;
    private final Clock clock;

    public DraftForConnectedCall(ContactService contacts, DraftHandover handover, AdvisorNotices notices, Clock clock) {
        this.contacts = contacts;
        this.handover = handover;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Uni<Runnable> connected(CallRecord call, Site site, Line line, String transferredFrom) {
        if (transferredFrom != null && !transferredFrom.equals(call.advisorEndpoint)) {
            return handover.handOver(call, site, transferredFrom).flatMap(handed -> handed == null
                    ? opened(call, site, line)
                    : Uni.createFrom().item(() -> () -> {
                        notices.publish(AdvisorNotice.draftOpen(handed.contact(), clock.instant()));
                        notices.publish(AdvisorNotice.handedOn(handed.contact(), handed.fromEndpoint(), clock.instant()));
                    }));
        }
        return opened(call, site, line);
    }

    private Uni<Runnable> opened(CallRecord call, Site site, Line line) {
        return contacts.openDraftForCall(call, site, line)
                .map(draft -> draft == null ? null : () -> notices.publish(AdvisorNotice.draftOpen(draft, clock.instant())));
    }
}
