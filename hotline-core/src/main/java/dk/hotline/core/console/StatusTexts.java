package dk.hotline.core.console;

import dk.hotline.core.screen.Msg;
import dk.hotline.core.statistics.domain.YearlyReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Danish words for routing's referral statuses. Routing may add statuses; one core does not know yet is shown
 * with a generic text (and its code), never dropped.
 */
@ApplicationScoped
public class StatusTexts {

    private final Msg msg;

    public StatusTexts(Msg msg) {
        this.msg = msg;
    }

    public String label(String status) {
        return switch (status) {
            case "ROUTED" -> msg.status_ROUTED();
            case "DELIVERED" -> msg.status_DELIVERED();
            case "ACKNOWLEDGED" -> msg.status_ACKNOWLEDGED();
            case "ACCEPTED" -> msg.status_ACCEPTED();
            case "REJECTED" -> msg.status_REJECTED();
            case "OVERDUE" -> msg.status_OVERDUE();
            case "ESCALATED" -> msg.status_ESCALATED();
            case "FORWARDED" -> msg.status_FORWARDED();
            case "OUTCOME_RECORDED" -> msg.status_OUTCOME_RECORDED();
            default -> msg.status_other();
        };
    }

    /** What the status says besides its name: the recipient's outcome in words (then its note), or its reason. */
    public String detail(String outcome, String reason) {
        if (outcome == null) {
            return reason;
        }
        String label = YearlyReport.RECIPIENT_OUTCOME_LABELS.getOrDefault(outcome, outcome);
        return reason == null || reason.isBlank() ? label : label + ": " + reason;
    }
}
