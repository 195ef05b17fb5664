package dk.hotline.core.board;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.core.callback.CallbackFigures;
import dk.hotline.core.contact.UnloggedCalls;
import dk.hotline.platform.events.DeadLetterLedger;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assembles the supervisor board from the adapter's queues, routing's dead letters and core's own figures, once per
 * refresh period for every board that is open (not once per viewer), and only while someone watches.
 */
@ApplicationScoped
public class SupervisorBoard {

    private final BoardFigures figures;
    private final CallbackFigures callbacks;
    private final UnloggedCalls unlogged;
    private final ServiceReads reads;
    private final DeadLetterLedger deadLetters;
    private final String telephonyUrl;
    private final String routingUrl;
    private final Clock clock;
    private final Duration refresh;
    private final BroadcastProcessor<Board> updates = BroadcastProcessor.create();
    private final AtomicInteger watchers = new AtomicInteger();
    private volatile Board latest;

    public SupervisorBoard(BoardFigures figures, CallbackFigures callbacks, UnloggedCalls unlogged, ServiceReads reads, DeadLetterLedger deadLetters,
                           @ConfigProperty(name = "hotline.telephony.url") String telephonyUrl,
                           @ConfigProperty(name = "hotline.routing.url") String routingUrl,
                           @ConfigProperty(name = "hotline.board.refresh") Duration refresh, Clock clock) {
        this.figures = figures;
        this.callbacks = callbacks;
        this.unlogged = unlogged;
        this.reads = reads;
        this.deadLetters = deadLetters;
        this.telephonyUrl = telephonyUrl;
        this.routingUrl = routingUrl;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The board as of now, or as of the last refresh when that is recent enough. */
    public Uni<Board> current() {
        Board b = latest;
        if (b != null && b.at().isAfter(clock.instant().minus(refresh))) {
            return Uni.createFrom().item(b);
        }
        return build();
    }

    /** Each refreshed board while the subscriber stays, starting with the current one. */
    public Multi<Board> updates() {
        return Multi.createBy().concatenating().streams(current().toMulti(), updates)
                .onSubscription().invoke(() -> watchers.incrementAndGet())
                .onTermination().invoke(() -> watchers.decrementAndGet());
    }

    @Scheduled(every = "${hotline.board.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (watchers.get() <= 0) {
            return Uni.createFrom().voidItem();
        }
        return build().invoke(updates::onNext).replaceWithVoid();
    }

    /**
     * Core's own data first (Hibernate Reactive needs the Vert.x context it was called on), then the other services
     * (their answers arrive on the HTTP client's threads, where only plain mapping follows).
     */
    Uni<Board> build() {
        Instant at = clock.instant();
        Uni<List<UnloggedCalls.UnloggedCall>> unloggedCalls = unlogged.list(null, null);
        return unloggedCalls.flatMap(u -> deadLetters.count().flatMap(eventDeadLetters -> figures.callsToday().flatMap(calls -> callbacks.today().flatMap(cb -> figures.nearOrPastDeadline()
                .flatMap(referrals -> reads.get(telephonyUrl + "/api/telephony/queues", TelephonyQueues.class)
                        .flatMap(queues -> reads.get(routingUrl + "/api/supervisor/dead-letters", JsonNode.class)
                                .map(dead -> {
                                    long overdue = referrals.stream().filter(BoardFigures.OpenReferral::overdue).count();
                                    Board board = new Board(at, queues.orElse(null), calls,
                                            calls.stream().mapToLong(BoardFigures.CallsToday::answered).sum(),
                                            calls.stream().mapToLong(BoardFigures.CallsToday::abandoned).sum(),
                                            u.size(), referrals, overdue, referrals.size() - overdue,
                                            dead.filter(JsonNode::isArray).map(JsonNode::size).orElse(null), eventDeadLetters, cb);
                                    latest = board;
                                    return board;
                                })))))));
    }
}
