package dk.hotline.routing.referral.domain;

/** The action contradicts what was already decided (accepting a rejected referral, acting on a copy...). */
public class ActionConflictException extends RuntimeException {
    public ActionConflictException(String message) {
        super(message);
    }
}
