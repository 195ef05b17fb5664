package dk.hotline.telephony.routing.agi;

import dk.hotline.telephony.routing.domain.CallbackNumbers;
import dk.hotline.telephony.routing.domain.RouteAction;
import java.time.Duration;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.RoutingDecision;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jboss.logging.Logger;

/**
 * {@code AGI(agi://adapter:4573/incoming)}: answers where the call goes, in one AGI round trip.
 *
 * <p>The whole answer is one channel variable, {@code HOTLINE_ROUTE}: the values of {@link #ROUTE_FIELDS} in that
 * order, comma-separated, empty where there is nothing to say. The dialplan splits it into those variables with
 * {@code Set(ARRAY(...)=${HOTLINE_ROUTE})}, which sets them in order: HOTLINE_ACTION is last, so that whoever watches
 * the variables (our AMI follower) has the others when the action arrives. One {@code SET VARIABLE} instead of one
 * per variable: each is a round trip to Asterisk while the caller waits.
 *
 * <p>HOTLINE_CALL_ID is {@code agi_uniqueid}: the AGI runs on the caller's inbound channel, the first channel of the
 * call, whose Uniqueid is also the call's Linkedid (the id AMI events carry).
 */
public final class IncomingCallScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(IncomingCallScript.class);
    /** The variables HOTLINE_ROUTE carries, in order; the dialplan's ARRAY(...) must name the same. */
    public static final List<String> ROUTE_FIELDS = List.of("HOTLINE_CALL_ID", "HOTLINE_SITE", "HOTLINE_QUEUE",
            "HOTLINE_DEGRADED", "HOTLINE_OVERFLOW_REASON", "HOTLINE_NEXT_OPEN", "HOTLINE_NEXT_OPEN_EPOCH",
            "HOTLINE_CALLBACK_OFFER_AFTER", "HOTLINE_ACTION");
    private static final DateTimeFormatter NEXT_OPEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Router router;
    private final Map<String, Line> numbers;
    private final Line defaultLine;
    private final ZoneId zone;
    private final Duration callbackOfferAfter;

    public IncomingCallScript(Router router, Map<String, Line> numbers, ZoneId zone) {
        this(router, numbers, zone, Duration.ZERO);
    }

    /** @param callbackOfferAfter when a queued caller is offered a callback; zero for never */
    public IncomingCallScript(Router router, Map<String, Line> numbers, ZoneId zone, Duration callbackOfferAfter) {
        this.callbackOfferAfter = callbackOfferAfter;
        this.router = router;
        this.numbers = Map.copyOf(numbers);
        this.defaultLine = Line.NATIONAL;
        this.zone = zone;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        if (isBlank(request.getUniqueId()) || isBlank(request.getChannel())) {
            // Not Asterisk (or a broken peer): reject by closing this connection; the server keeps serving.
            LOG.warn("rejected a FastAGI connection without agi_uniqueid/agi_channel");
            return;
        }
        Line line = lineOf(request);
        RoutingDecision decision;
        try {
            decision = router.decide(line);
        } catch (RuntimeException e) {
            // Never fail a caller: an unexpected error routes like an unknown schedule.
            LOG.errorf(e, "routing failed for a %s call; answering the fail-safe", line);
            decision = router.failSafe(line);
        }
        try {
            channel.setVariable("HOTLINE_ROUTE", route(request, decision));
        } catch (AgiHangupException e) {
            LOG.debugf("caller hung up during routing of call %s", request.getUniqueId());
        }
        LOG.debugf("call %s on %s → %s %s degraded=%s", request.getUniqueId(), line, decision.action(),
                decision.queue(), decision.degraded());
    }

    /** The values of {@link #ROUTE_FIELDS}; none of them can hold a comma (ids, enum names, queue names, times). */
    String route(AgiRequest request, RoutingDecision decision) {
        return String.join(",",
                request.getUniqueId(),
                decision.site().name(),
                decision.queue(),
                Boolean.toString(decision.degraded()),
                decision.overflowReason() == null ? "" : decision.overflowReason().name(),
                decision.nextOpening() == null ? "" : NEXT_OPEN.format(decision.nextOpening().atZone(zone)),
                decision.nextOpening() == null ? "" : Long.toString(decision.nextOpening().getEpochSecond()),
                offersCallback(decision, request) ? Long.toString(callbackOfferAfter.toSeconds()) : "",
                decision.action().name());
    }

    /** Queued callers whose number can be called back, when the offer is on. */
    private boolean offersCallback(RoutingDecision decision, AgiRequest request) {
        return callbackOfferAfter.toSeconds() > 0 && decision.action() != RouteAction.CLOSED
                && CallbackNumbers.callable(request.getCallerIdNumber());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank() || "unknown".equals(s);
    }

    Line lineOf(AgiRequest request) {
        Line byDnid = request.getDnid() == null ? null : numbers.get(request.getDnid());
        if (byDnid != null) {
            return byDnid;
        }
        Line byExtension = request.getExtension() == null ? null : numbers.get(request.getExtension());
        if (byExtension != null) {
            return byExtension;
        }
        LOG.warnf("dialled number not mapped to a line; treating call %s as %s", request.getUniqueId(), defaultLine);
        return defaultLine;
    }
}
