package dk.hotline.telephony.routing.agi;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.CallbackNumbers;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jboss.logging.Logger;

/**
 * {@code AGI(agi://adapter:4573/callback)}: the caller pressed 1 in the queue. Records the callback request in core
 * (the number from {@code agi_callerid}, the call's id, line and site from the channel's HOTLINE_* variables) and
 * answers {@code HOTLINE_CALLBACK=RECORDED}, or {@code FAILED} (core not reachable, a number that cannot be called
 * back): then the dialplan says so and puts the caller back in the queue. Logs the call id only, never the number.
 */
public final class CallbackRequestScript implements AgiScript {

    /** Core's side: true when the request is recorded. */
    @FunctionalInterface
    public interface Recorder {
        boolean record(String callId, Line line, String site, String number) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(CallbackRequestScript.class);

    private final Recorder recorder;

    public CallbackRequestScript(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = request.getUniqueId();
        try {
            String number = request.getCallerIdNumber();
            String recordedCall = channel.getVariable("HOTLINE_CALL_ID");
            String line = channel.getVariable("HOTLINE_LINE");
            String site = channel.getVariable("HOTLINE_SITE");
            boolean recorded = false;
            if (CallbackNumbers.callable(number) && recordedCall != null && site != null) {
                callId = recordedCall;
                recorded = record(callId, "COPENHAGEN_LOCAL".equals(line) ? Line.COPENHAGEN_LOCAL : Line.NATIONAL,
                        site, number);
            }
            channel.setVariable("HOTLINE_CALLBACK", recorded ? "RECORDED" : "FAILED");
            LOG.infof("call %s: callback %s", callId, recorded ? "requested" : "not recorded");
        } catch (AgiHangupException e) {
            LOG.debugf("caller hung up while asking for a callback on call %s", callId);
        }
    }

    private boolean record(String callId, Line line, String site, String number) {
        try {
            return recorder.record(callId, line, site, number);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("call %s: callback not recorded, core not reachable (%s)", callId, e.getClass().getSimpleName());
            return false;
        }
    }
}
