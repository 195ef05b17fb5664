package dk.hotline.routing.screen;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Danish words for the codes routing stores (severity, age band, outcome...), from {@link Msg}. A code this
 * version does not know is shown as "Andet (code)", never dropped; a missing one as empty.
 */
@ApplicationScoped
public class Labels {

    private final Msg msg;

    public Labels(Msg msg) {
        this.msg = msg;
    }

    public String severity(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "ACUTE" -> msg.severity_ACUTE();
            case "HIGH" -> msg.severity_HIGH();
            case "MEDIUM" -> msg.severity_MEDIUM();
            case "LOW" -> msg.severity_LOW();
            default -> msg.other(code.toString());
        };
    }

    public String age(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "UNDER_15" -> msg.age_UNDER_15();
            case "AGE_15_17" -> msg.age_AGE_15_17();
            case "AGE_18_24" -> msg.age_AGE_18_24();
            case "AGE_25_PLUS" -> msg.age_AGE_25_PLUS();
            case "UNKNOWN" -> msg.age_UNKNOWN();
            default -> msg.other(code.toString());
        };
    }

    public String concern(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "MILITANT_ISLAMISM" -> msg.concern_MILITANT_ISLAMISM();
            case "RIGHT_WING_EXTREMISM" -> msg.concern_RIGHT_WING_EXTREMISM();
            case "LEFT_WING_EXTREMISM" -> msg.concern_LEFT_WING_EXTREMISM();
            case "ANTI_AUTHORITY_EXTREMISM" -> msg.concern_ANTI_AUTHORITY_EXTREMISM();
            case "MISOGYNY_INCEL" -> msg.concern_MISOGYNY_INCEL();
            case "HYBRID" -> msg.concern_HYBRID();
            case "UNCLEAR" -> msg.concern_UNCLEAR();
            case "NOT_EXTREMISM_RELATED" -> msg.concern_NOT_EXTREMISM_RELATED();
            default -> msg.other(code.toString());
        };
    }

    public String legal(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "CONSENT" -> msg.legal_CONSENT();
            case "AJA_115" -> msg.legal_AJA_115();
            case "ANONYMOUS" -> msg.legal_ANONYMOUS();
            default -> msg.other(code.toString());
        };
    }

    public String outcome(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "CASE_STARTED" -> msg.outcome_CASE_STARTED();
            case "NOT_CONFIRMED" -> msg.outcome_NOT_CONFIRMED();
            case "HANDED_TO_POLICE" -> msg.outcome_HANDED_TO_POLICE();
            case "REFERRED_TO_OTHER_SERVICE" -> msg.outcome_REFERRED_TO_OTHER_SERVICE();
            case "NO_CONTACT" -> msg.outcome_NO_CONTACT();
            default -> msg.other(code.toString());
        };
    }

    public String progress(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "ROUTED" -> msg.progress_ROUTED();
            case "DELIVERED" -> msg.progress_DELIVERED();
            case "ACKNOWLEDGED" -> msg.progress_ACKNOWLEDGED();
            case "ACCEPTED" -> msg.progress_ACCEPTED();
            case "REJECTED" -> msg.progress_REJECTED();
            case "CLOSED" -> msg.progress_CLOSED();
            default -> msg.other(code.toString());
        };
    }

    public String line(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "NATIONAL" -> msg.line_NATIONAL();
            case "COPENHAGEN_LOCAL" -> msg.line_COPENHAGEN_LOCAL();
            default -> msg.other(code.toString());
        };
    }

    public String site(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "AARHUS" -> msg.site_AARHUS();
            case "COPENHAGEN" -> msg.site_COPENHAGEN();
            default -> msg.other(code.toString());
        };
    }

    public String kind(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "INFOHUS" -> msg.kind_INFOHUS();
            case "SSP_NETWORK" -> msg.kind_SSP_NETWORK();
            case "COORDINATION_UNIT" -> msg.kind_COORDINATION_UNIT();
            case "POLICE_DISTRICT" -> msg.kind_POLICE_DISTRICT();
            case "TRIAGE" -> msg.kind_TRIAGE();
            default -> msg.other(code.toString());
        };
    }

    public String bucket(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "OVERDUE" -> msg.bucket_OVERDUE();
            case "DUE_SOON" -> msg.bucket_DUE_SOON();
            case "NEW" -> msg.bucket_NEW();
            case "ACKNOWLEDGED" -> msg.bucket_ACKNOWLEDGED();
            case "ACCEPTED" -> msg.bucket_ACCEPTED();
            case "CLOSED" -> msg.bucket_CLOSED();
            default -> msg.other(code.toString());
        };
    }

    public String mode(Object code) {
        if (code == null) {
            return "";
        }
        return switch (code.toString()) {
            case "INBOX" -> msg.mode_INBOX();
            case "WEBHOOK" -> msg.mode_WEBHOOK();
            default -> msg.other(code.toString());
        };
    }
}
