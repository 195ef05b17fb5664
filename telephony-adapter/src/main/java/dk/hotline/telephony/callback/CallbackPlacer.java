package dk.hotline.telephony.callback;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.callback.domain.CallbackCall;
import dk.hotline.telephony.callback.domain.CallbackDesk;
import dk.hotline.telephony.callback.domain.CallbackDialer;
import dk.hotline.telephony.callback.domain.CallbackSignal;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.routing.domain.RouteAction;
import dk.hotline.telephony.routing.domain.RoutingDecision;
import dk.hotline.telephony.routing.domain.Router;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Places the callbacks (docs/telephony.md, "Callback instead of waiting"). The adapter drives them, polling core:
 * every {@code hotline.callback.poll-interval} it reports what became of the callbacks it placed, tells core when a
 * line has closed (its callbacks not made are given up), and, when an advisor of the site on duty is free and no
 * caller waits, claims the line's oldest request with a lease, tells core it is dialling (from then on the request is
 * never handed out again: at most one call per request, across restarts and adapters), and originates it over AMI.
 * One callback at a time per adapter. Runs on the scheduler's worker thread (blocking HTTP and AMI are fine there).
 */
@ApplicationScoped
public class CallbackPlacer {

    private static final Logger LOG = Logger.getLogger(CallbackPlacer.class);

    private final CallbackDesk desk;
    private final CallbackDialer dialer;
    private final CoreCallbacks core;
    private final Router router;
    private final HotlineConfig config;
    private final Map<Line, String> lineNumbers = new EnumMap<>(Line.class);
    private final Set<Line> closed = EnumSet.noneOf(Line.class);
    /** This instance's name in core's claims: a restarted adapter is a new holder (its old claims run out). */
    private final String holder = "adapter-" + UUID.randomUUID();
    private boolean coreDown;

    public CallbackPlacer(CallbackDesk desk, CallbackDialer dialer, CoreCallbacks core, Router router, HotlineConfig config) {
        this.desk = desk;
        this.dialer = dialer;
        this.core = core;
        this.router = router;
        this.config = config;
        config.numbers().forEach((number, line) -> lineNumbers.putIfAbsent(line, number));
    }

    @Scheduled(every = "${hotline.callback.poll-interval}", delayed = "${hotline.callback.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            reportOutcomes();
            for (Line line : Line.values()) {
                RoutingDecision decision = router.decide(line);
                if (decision.action() == RouteAction.CLOSED && !decision.degraded()) {
                    closeOnce(line);
                    continue;
                }
                closed.remove(line);
                placeNext(line, decision);
            }
            coreDown = false;
        } catch (IOException e) {
            if (!coreDown) {
                // Once per outage, not once per poll.
                LOG.warnf("callbacks: core not reachable (%s); trying again every %s", e.getMessage(),
                        config.callback().pollInterval());
            }
            coreDown = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportOutcomes() throws IOException, InterruptedException {
        List<String> forgotten = new ArrayList<>();
        List<CallbackDesk.Outcome> outcomes = desk.drainOutcomes(forgotten);
        forgotten.forEach(id -> LOG.warnf("callback %s: no outcome seen on AMI; left to core's limit", id));
        for (int i = 0; i < outcomes.size(); i++) {
            CallbackDesk.Outcome o = outcomes.get(i);
            try {
                if (!core.outcome(o.callbackId(), holder, o.result())) {
                    desk.retry(o);
                } else {
                    LOG.infof("callback %s: %s", o.callbackId(), o.result());
                }
            } catch (IOException e) {
                outcomes.subList(i, outcomes.size()).forEach(desk::retry);
                throw e;
            }
        }
    }

    private void closeOnce(Line line) throws IOException, InterruptedException {
        if (!closed.contains(line) && core.close(line)) {
            closed.add(line);
            LOG.infof("callbacks of %s: line closed, those not made given up", line);
        }
    }

    private void placeNext(Line line, RoutingDecision decision) throws IOException, InterruptedException {
        if (desk.busy()) {
            return;
        }
        Optional<CallbackDesk.Target> target = desk.target(decision);
        if (target.isEmpty()) {
            return;
        }
        Optional<CoreCallbacks.Claim> claim = core.claim(line, holder);
        if (claim.isEmpty() || !core.dialling(claim.get().id(), holder)) {
            return;
        }
        String id = claim.get().id();
        String member = target.get().memberInterface();
        desk.placed(id, member);
        LOG.infof("callback %s on %s: ringing %s", id, line, member);
        CallbackCall call = new CallbackCall(id, member, claim.get().number(), lineNumbers.getOrDefault(line, ""));
        try {
            if (!dialer.originate(call).toCompletableFuture().get(config.ami().actionTimeout().toMillis() * 2,
                    TimeUnit.MILLISECONDS)) {
                desk.signal(new CallbackSignal.AdvisorNotReached(id));
            }
        } catch (ExecutionException | TimeoutException e) {
            // Unknown whether Asterisk rings: never dial again; the desk forgets it and core's limit drops the number.
            LOG.warnf("callback %s: Originate unanswered (%s)", id, e.getClass().getSimpleName());
        }
    }
}
