package dk.hotline.telephony.routing.agi;

import dk.hotline.telephony.routing.domain.CallbackNumbers;
import dk.hotline.telephony.routing.domain.RouteAction;
import java.time.Duration;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.RoutingDecision;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jboss.logging.Logger;

/**
 * {@code AGI(agi://adapter:4573/incoming)}: answers where the call goes, as channel variables the dialplan acts on.
 *
 * <p>HOTLINE_CALL_ID is {@code agi_uniqueid}: the AGI runs on the caller's inbound channel, the first channel of the
 * call, whose Uniqueid is also the call's Linkedid (the id AMI events carry). HOTLINE_ACTION is set last, so that
 * whoever watches the variables (our AMI follower) has the others when the action arrives.
 */
public final class IncomingCallScript implements AgiScript {

    private static final Logger LOG = Logger.getLogger(IncomingCallScript.class);
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
            channel.setVariable("HOTLINE_CALL_ID", request.getUniqueId());
            channel.setVariable("HOTLINE_SITE", decision.site().name());
            channel.setVariable("HOTLINE_QUEUE", decision.queue());
            channel.setVariable("HOTLINE_DEGRADED", Boolean.toString(decision.degraded()));
            if (decision.overflowReason() != null) {
                channel.setVariable("HOTLINE_OVERFLOW_REASON", decision.overflowReason().name());
            }
            if (decision.nextOpening() != null) {
                channel.setVariable("HOTLINE_NEXT_OPEN", NEXT_OPEN.format(decision.nextOpening().atZone(zone)));
                channel.setVariable("HOTLINE_NEXT_OPEN_EPOCH", Long.toString(decision.nextOpening().getEpochSecond()));
            }
            if (offersCallback(decision, request)) {
                channel.setVariable("HOTLINE_CALLBACK_OFFER_AFTER", Long.toString(callbackOfferAfter.toSeconds()));
            }
            channel.setVariable("HOTLINE_ACTION", decision.action().name());
        } catch (AgiHangupException e) {
            LOG.debugf("caller hung up during routing of call %s", request.getUniqueId());
        }
        LOG.debugf("call %s on %s → %s %s degraded=%s", request.getUniqueId(), line, decision.action(),
                decision.queue(), decision.degraded());
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
