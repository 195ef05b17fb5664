package dk.hotline.core.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * What an advisor's browser receives on {@code /api/advisor/events}. Types:
 * {@code HELLO} (the stream is live), {@code DRAFT_OPEN} (a call connected to
 * you has a draft; also sent for every draft still open when you connect),
 * {@code HEARTBEAT}. Never carries personal data.
 */
public record AdvisorNotice(String type, String advisorEndpoint, String callId, UUID contactId, Instant at, String message) {

    public static AdvisorNotice draftOpen(Contact draft, Instant at) {
        return new AdvisorNotice("DRAFT_OPEN", draft.advisorEndpoint, draft.callId, draft.id, at,
                "Call " + draft.callId + " is connected to you; draft " + draft.id + " is open");
    }
}
