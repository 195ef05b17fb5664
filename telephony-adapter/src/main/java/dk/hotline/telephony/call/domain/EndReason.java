package dk.hotline.telephony.call.domain;

/** Why an ENDED or ABANDONED call ended. */
public enum EndReason {
    CALLER_HANGUP,
    ADVISOR_HANGUP,
    ENDED_DURING_OUTAGE,
    TRANSFERRED,
    OTHER
}
