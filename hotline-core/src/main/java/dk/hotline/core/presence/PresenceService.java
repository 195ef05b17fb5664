package dk.hotline.core.presence;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.core.audit.AuditLog;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may sign an advisor's phone in or out of the queue or pause it: the advisor themselves (their own endpoint, in
 * their own site's queue, both from the token) or a supervisor (naming the site). Every change is audited after the
 * adapter took it; one it did not take changes nothing and is not recorded. Core keeps the last state asked for
 * ({@link WantedPresence}): the adapter reads it back after every AMI login, so it outlives an adapter restart.
 */
@ApplicationScoped
public class PresenceService {

    static final String RECORD_TYPE = "queue_presence";
    private static final Pattern ENDPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final AdapterPresence adapter;
    private final AuditLog audit;
    private final Clock clock;

    public PresenceService(AdapterPresence adapter, AuditLog audit, Clock clock) {
        this.adapter = adapter;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<AdapterPresence.Presence> change(SecurityIdentity who, StaffMember staff, String endpoint,
                                                QueueState state, PauseReason reason, Site site) {
        Site queueSite = siteFor(staff, endpoint, site);
        if (state == null) {
            throw ProblemException.badField("state", "is required: AVAILABLE, PAUSED or SIGNED_OUT");
        }
        if (state == QueueState.PAUSED && reason == null) {
            throw ProblemException.badField("reason", "is required for a pause: BREAK, SUPERVISION or WRAP_UP");
        }
        if (state != QueueState.PAUSED && reason != null) {
            throw ProblemException.badField("reason", "is only given with a pause");
        }
        String what = state + (reason == null ? "" : " " + reason);
        return adapter.change(endpoint, new AdapterPresence.Change(queueSite, state, reason))
                .flatMap(p -> Panache.withTransaction(() -> keep(endpoint, queueSite, state, reason)
                        .call(() -> audit.record(who, AuditAction.UPDATE, RECORD_TYPE, endpoint, what))).replaceWith(p));
    }

    /** Every phone's last wanted presence, for the adapter to re-assert after it (re)connects to Asterisk. */
    public Uni<List<WantedPresence>> everyWanted() {
        return Panache.withSession(() -> WantedPresence.<WantedPresence>listAll());
    }

    private Uni<WantedPresence> keep(String endpoint, Site site, QueueState state, PauseReason reason) {
        return WantedPresence.<WantedPresence>findById(endpoint).flatMap(found -> {
            WantedPresence row = found != null ? found : new WantedPresence();
            row.endpoint = endpoint;
            row.site = site;
            row.state = state;
            row.reason = reason;
            row.changedAt = clock.instant();
            return row.<WantedPresence>persist();
        });
    }

    /**
     * The phone's presence: core's kept state, and whether Asterisk holds it. The adapter's own wish is not the answer:
     * with two adapters a change reaches only the one core called, so a read through the other showed its older wish
     * (seen in the soak). What Asterisk holds ({@code held}) is the same through either. The adapter's view is taken
     * while its automatic follow-up pause runs in Asterisk (core does not keep those), and when core kept nothing.
     */
    public Uni<AdapterPresence.Presence> current(StaffMember staff, String endpoint) {
        siteFor(staff, endpoint, staff.site());
        return adapter.current(endpoint).flatMap(seen -> Panache.withSession(
                () -> WantedPresence.<WantedPresence>findById(endpoint)).map(kept -> answer(kept, seen)));
    }

    static AdapterPresence.Presence answer(WantedPresence kept, AdapterPresence.Presence seen) {
        AdapterPresence.Held held = seen.held();
        boolean followUpRuns = seen.followUp() && held != null && held.reason() == PauseReason.WRAP_UP;
        if (kept == null || followUpRuns) {
            return seen;
        }
        boolean applied = held != null ? held.holds(kept.state, kept.site)
                : seen.applied() && seen.state() == kept.state && seen.site() == kept.site;
        return new AdapterPresence.Presence(kept.endpoint, kept.site, kept.state, kept.reason, null, applied, held);
    }

    /** The queue's site; 403 for anyone but the advisor of this endpoint or a supervisor. */
    private static Site siteFor(StaffMember staff, String endpoint, Site given) {
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
            throw ProblemException.badField("endpoint", "must be a phone endpoint name (a-z, 0-9, - and _)");
        }
        if (staff.advisor() && endpoint.equals(staff.endpoint())) {
            return staff.advisorSite();
        }
        if (!staff.supervisor()) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only the advisor of this phone or a supervisor may change its queue presence", List.of());
        }
        if (given == null) {
            throw ProblemException.badField("site", "is required: the site whose queue the phone belongs to");
        }
        return given;
    }
}
