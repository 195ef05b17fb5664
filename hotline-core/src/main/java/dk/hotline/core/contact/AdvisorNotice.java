package dk.hotline.core.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * What an advisor's browser receives on {@code /api/advisor/events}. Types:
 * {@code HELLO} (the stream is live), {@code DRAFT_OPEN} (a call connected to
 * you has a draft; also sent for every draft still open when you connect, and
 * to the receiver of a call handed on), {@code DRAFT_HANDED_ON} (the call you
 * handed on reached a colleague: the draft is theirs now), {@code HEARTBEAT}.
 * Never carries personal data.
 */
public record AdvisorNotice(String type, String advisorEndpoint, String callId, UUID contactId, Instant at, String message) {

    public static AdvisorNotice draftOpen(Contact draft, Instant at) {
        return new AdvisorNotice("DRAFT_OPEN", draft.advisorEndpoint, draft.callId, draft.id, at,
                "Call " + draft.callId + " is connected to you; draft " + draft.id + " is open");
    }

    /** To the advisor who handed the call on. */
    public static AdvisorNotice handedOn(Contact draft, String fromEndpoint, Instant at) {
        return new AdvisorNotice("DRAFT_HANDED_ON", fromEndpoint, draft.callId, draft.id, at,
                "Call " + draft.callId + " reached " + draft.advisorEndpoint + "; draft " + draft.id + " went with it");
    }
}
