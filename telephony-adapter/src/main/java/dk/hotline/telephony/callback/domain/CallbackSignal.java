package dk.hotline.telephony.callback.domain;

/** What Asterisk tells about a callback the adapter placed (from AMI), by the callback request's id. */
public sealed interface CallbackSignal {

    String callbackId();

    /** The advisor's phone did not answer the Originate (or Asterisk refused it): the caller was never dialled. */
    record AdvisorNotReached(String callbackId) implements CallbackSignal {
    }

    /** The advisor answered and the caller's number was dialled; {@code dialStatus} is Asterisk's DIALSTATUS. */
    record CallerDialled(String callbackId, String dialStatus) implements CallbackSignal {
    }
}
