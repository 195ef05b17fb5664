package dk.hotline.core.contact;

import dk.hotline.core.call.CallConnected;
import dk.hotline.core.call.CallRecord;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** A call connected to an advisor opens the advisor's draft log, and the advisor's screen is told once it is saved. */
@ApplicationScoped
public class DraftForConnectedCall implements CallConnected {

    private final ContactService contacts;
    private final AdvisorNotices notices;
    private final Clock clock;

    public DraftForConnectedCall(ContactService contacts, AdvisorNotices notices, Clock clock) {
        this.contacts = contacts;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Uni<Runnable> connected(CallRecord call, Site site, Line line) {
        return contacts.openDraftForCall(call, site, line)
                .map(draft -> draft == null ? null : () -> notices.publish(AdvisorNotice.draftOpen(draft, clock.instant())));
    }
}
