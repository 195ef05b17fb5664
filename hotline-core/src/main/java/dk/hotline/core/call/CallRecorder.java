package dk.hotline.core.call;

import dk.hotline.core.events.ProcessedEvent;
import dk.hotline.core.call.domain.CallProgress;
import dk.hotline.core.call.domain.CallState;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import io.quarkus.arc.All;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies one call life-cycle event, once: the event id, the call record and
 * (on CONNECTED) what the connection starts ({@link CallConnected}) are written in one transaction, so a
 * redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class);
    static final String CONSUMER = "hotline.calls";

    private final List<CallConnected> connected;
    private final Clock clock;

    public CallRecorder(@All List<CallConnected> connected, Clock clock) {
        this.connected = connected;
        this.clock = clock;
    }

    /** Answers what to announce once committed (see {@link CallConnected}), or null. */
    public Uni<Runnable> record(String eventId, CallLifecycle event) {
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(eventId).flatMap(seen -> {
            if (seen != null) {
                return Uni.createFrom().<Runnable>nullItem();
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.eventId = eventId;
            processed.consumer = CONSUMER;
            processed.processedAt = clock.instant();
            return processed.persist().flatMap(ignored -> apply(event));
        }));
    }

    private Uni<Runnable> apply(CallLifecycle event) {
        return CallRecord.<CallRecord>findById(event.callId()).flatMap(found -> {
            CallRecord call = found != null ? found : newRecord(event);
            update(call, event);
            Uni<CallRecord> saved = found != null ? Uni.createFrom().item(call) : call.persist();
            return saved.flatMap(c -> event.state() == CallState.CONNECTED ? openDraft(c, event) : Uni.createFrom().nullItem());
        });
    }

    private Uni<Runnable> openDraft(CallRecord call, CallLifecycle event) {
        Site site = parse(Site.class, call.site);
        if (site == null || call.advisorEndpoint == null) {
            LOG.warnf("Connected call %s names no valid site or advisor endpoint; no draft opened", call.callId);
            return Uni.createFrom().nullItem();
        }
        Line line = parse(Line.class, call.line);
        Line known = line == null ? Line.NATIONAL : line;
        // One after the other: they share the transaction's session. Their announcements run together after the commit.
        Uni<List<Runnable>> all = Uni.createFrom().item(new ArrayList<>());
        for (CallConnected c : connected) {
            all = all.call(list -> c.connected(call, site, known, event.transferredFrom()).invoke(r -> {
                if (r != null) {
                    list.add(r);
                }
            }));
        }
        return all.map(list -> list.isEmpty() ? null : () -> list.forEach(Runnable::run));
    }

    private CallRecord newRecord(CallLifecycle event) {
        CallRecord call = new CallRecord();
        call.callId = event.callId();
        return call;
    }

    private void update(CallRecord call, CallLifecycle e) {
        call.line = firstNonNull(e.line(), call.line);
        call.site = firstNonNull(e.site(), call.site);
        call.queue = firstNonNull(e.queue(), call.queue);
        call.advisorEndpoint = firstNonNull(e.advisorEndpoint(), call.advisorEndpoint);
        call.callerHash = firstNonNull(e.callerHash(), call.callerHash);
        if (e.routing() != null && e.routing().degraded() != null) {
            call.routedDegraded = e.routing().degraded();
        }
        switch (e.state()) {
            case OFFERED, QUEUED -> call.offeredAt = earliest(call.offeredAt, e);
            case CONNECTED -> call.connectedAt = earliest(call.connectedAt, e);
            case ENDED, ABANDONED, CLOSED -> call.endedAt = earliest(call.endedAt, e);
        }
        if (CallProgress.movesStateOn(call.state, call.lastEventAt, e.state(), e.occurredAt())) {
            call.state = e.state();
            call.lastEventAt = e.occurredAt();
            call.waitSeconds = firstNonNull(e.waitSeconds(), call.waitSeconds);
            call.talkSeconds = firstNonNull(e.talkSeconds(), call.talkSeconds);
            call.endReason = firstNonNull(e.endReason(), call.endReason);
        }
        call.updatedAt = clock.instant();
    }

    private static java.time.Instant earliest(java.time.Instant current, CallLifecycle e) {
        return current == null || e.occurredAt().isBefore(current) ? e.occurredAt() : current;
    }

    private static <T> T firstNonNull(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }
}
