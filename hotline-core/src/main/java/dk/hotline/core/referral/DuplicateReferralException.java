package dk.hotline.core.referral;

import dk.hotline.platform.problem.Problem;
import dk.hotline.platform.problem.ProblemException;

import java.util.List;

/** A log already has its referral (a double-click, or a second try): 409, nothing changed. */
public class DuplicateReferralException extends ProblemException {

    public DuplicateReferralException() {
        super(409, "duplicate-referral", "The log already has a referral",
                "This log already has a referral; a log is handed on once. Nothing was changed",
                List.of(new Problem.FieldError("contactId", "already has a referral")));
    }
}
