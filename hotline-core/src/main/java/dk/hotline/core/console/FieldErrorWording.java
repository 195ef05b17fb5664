package dk.hotline.core.console;

import dk.hotline.core.screen.Msg;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the services' field problems (English, for API clients) into the Danish sentence shown beside the field
 * and in the error summary. The rules stay in the domain; only their wording for advisors lives here.
 */
@ApplicationScoped
public class FieldErrorWording {

    private final Msg msg;

    public FieldErrorWording(Msg msg) {
        this.msg = msg;
    }

    String message(String field, String problem) {
        String p = problem == null ? "" : problem;
        if (p.contains("only given when the caller is a professional")) {
            return msg.err_callerSector_only_professional();
        }
        if (p.contains("at most")) {
            return msg.err_too_long(label(field));
        }
        if (p.contains("consent")) {
            return msg.err_callerContact_consent();
        }
        if (p.contains("municipality codes")) {
            return msg.err_municipalityCode_unknown();
        }
        if (field.equals("outcome") && p.contains("REFERRAL or ADVISED_TO_CALL_112")) {
            return msg.err_outcome_no_referral();
        }
        if (p.contains("required") || p.contains("at least one")) {
            return switch (field) {
                case "callerRole" -> msg.err_required_callerRole();
                case "callerSector" -> msg.err_required_callerSector();
                case "concernCategory" -> msg.err_required_concernCategory();
                case "ageBand" -> msg.err_required_ageBand();
                case "municipalityCode" -> msg.err_required_municipalityCode();
                case "adviceThemes" -> msg.err_required_adviceThemes();
                case "summary" -> msg.err_required_summary();
                case "outcome" -> msg.err_required_outcome();
                case "severity" -> msg.err_required_severity();
                case "legalBasis" -> msg.err_required_legalBasis();
                case "description" -> msg.err_required_description();
                case "reason" -> msg.err_required_reason();
                default -> msg.err_invalid(label(field));
            };
        }
        if (field.equals("changes")) {
            return msg.err_amendment_changes_nothing();
        }
        if (field.startsWith("callerContact.phone")) {
            return msg.err_phone();
        }
        if (field.startsWith("callerContact.email")) {
            return msg.err_email();
        }
        return msg.err_invalid(label(field));
    }

    String invalidChoice(String field) {
        return msg.err_choice(label(field));
    }

    String label(String field) {
        return switch (field) {
            case "callerRole" -> msg.label_callerRole();
            case "callerSector" -> msg.label_callerSector();
            case "concernCategory" -> msg.label_concernCategory();
            case "ageBand" -> msg.label_ageBand();
            case "municipalityCode" -> msg.label_municipalityCode();
            case "adviceThemes" -> msg.label_adviceThemes();
            case "summary" -> msg.label_summary();
            case "outcome" -> msg.label_outcome();
            case "severity" -> msg.label_severity();
            case "legalBasis" -> msg.label_legalBasis();
            case "description" -> msg.label_description();
            case "reason" -> msg.label_reason();
            default -> msg.label_field();
        };
    }
}
