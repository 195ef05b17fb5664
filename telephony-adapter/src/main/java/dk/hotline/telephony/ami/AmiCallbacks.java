package dk.hotline.telephony.ami;

import dk.hotline.telephony.callback.domain.CallbackCall;
import dk.hotline.telephony.callback.domain.CallbackSignal;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The AMI side of a callback: the {@code Originate} that rings a free advisor's phone and, once it answers, runs
 * {@code [hotline-callback-out]} (deploy/asterisk/extensions.conf), which dials the caller through the trunk; and the
 * events that tell what became of it: {@code OriginateResponse} with {@code Response: Failure} (the advisor's phone
 * did not answer) and the dialplan's {@code VarSet HOTLINE_CALLBACK_RESULT=<id>:<DIALSTATUS>} when the advisor's
 * leg ends. The number travels only as a channel variable of the Originate, never in the ActionID or caller id.
 */
final class AmiCallbacks {

    static final String CONTEXT = "hotline-callback-out";
    static final String ACTION_PREFIX = "hotline-callback-";
    static final String RESULT = "HOTLINE_CALLBACK_RESULT";

    private AmiCallbacks() {
    }

    static OriginateAction originate(CallbackCall call, Duration ring) {
        OriginateAction a = new OriginateAction();
        a.setChannel(call.memberInterface());
        a.setContext(CONTEXT);
        a.setExten("s");
        a.setPriority(1);
        a.setTimeout(ring.toMillis());
        a.setAsync(true);
        // What the advisor's phone shows: that it is a callback, on which line; never the caller's number.
        a.setCallerId("\"Tilbagekald\" <" + call.lineNumber() + ">");
        a.setActionId(ACTION_PREFIX + call.callbackId());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("HOTLINE_CALLBACK_ID", call.callbackId());
        variables.put("HOTLINE_CALLBACK_LINE_NUMBER", call.lineNumber());
        variables.put("HOTLINE_CALLBACK_NUMBER", call.number());
        a.setVariables(variables);
        return a;
    }

    static Optional<CallbackSignal> toSignal(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent o && "Failure".equalsIgnoreCase(o.getResponse())) {
            String actionId = o.getActionId() == null ? "" : o.getActionId();
            // Asterisk-Java may leave its own "<internal>#" in front of ours.
            actionId = actionId.substring(actionId.lastIndexOf('#') + 1);
            if (actionId.startsWith(ACTION_PREFIX)) {
                return Optional.of(new CallbackSignal.AdvisorNotReached(actionId.substring(ACTION_PREFIX.length())));
            }
        } else if (event instanceof VarSetEvent v && RESULT.equals(v.getVariable()) && v.getValue() != null) {
            String value = v.getValue();
            int colon = value.indexOf(':');
            if (colon > 0) {
                return Optional.of(new CallbackSignal.CallerDialled(value.substring(0, colon), value.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }
}
