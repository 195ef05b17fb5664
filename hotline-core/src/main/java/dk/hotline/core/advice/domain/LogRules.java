package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.CallerRole;

import java.util.ArrayList;
import java.util.List;

/**
 * When an advice log is complete enough to be finalised. A call without
 * content (silent, wrong number, hung up, test) needs only its outcome; any
 * other log needs who called, what it was about, the subject's age band, the
 * advice given and a summary. The municipality stays optional on a log.
 */
public final class LogRules {

    private LogRules() {
    }

    public static List<FieldProblem> problemsBeforeFinalising(AdviceLog log) {
        List<FieldProblem> problems = new ArrayList<>(consistency(log));
        if (log.outcome() == null) {
            problems.add(new FieldProblem("outcome", "is required to finalise the log"));
            return problems;
        }
        if (log.outcome().withoutContent()) {
            return problems;
        }
        if (log.callerRole() == null) {
            problems.add(new FieldProblem("callerRole", "is required to finalise the log"));
        } else if (log.callerRole() == CallerRole.PROFESSIONAL && log.callerSector() == null) {
            problems.add(new FieldProblem("callerSector", "is required when the caller is a professional"));
        }
        if (log.concernCategory() == null) {
            problems.add(new FieldProblem("concernCategory", "is required to finalise the log"));
        }
        if (log.ageBand() == null) {
            problems.add(new FieldProblem("ageBand", "is required to finalise the log (UNKNOWN is an answer)"));
        }
        if (log.adviceThemes().isEmpty() && log.outcome() != Outcome.ADVISED_TO_CALL_112) {
            problems.add(new FieldProblem("adviceThemes", "must name at least one theme to finalise the log"));
        }
        if (log.summary() == null || log.summary().isBlank()) {
            problems.add(new FieldProblem("summary", "is required to finalise the log"));
        }
        return problems;
    }

    /** Rules that hold for drafts too. */
    public static List<FieldProblem> consistency(AdviceLog log) {
        List<FieldProblem> problems = new ArrayList<>();
        if (log.callerSector() != null && log.callerRole() != null && log.callerRole() != CallerRole.PROFESSIONAL) {
            problems.add(new FieldProblem("callerSector", "is only given when the caller is a professional"));
        }
        if (log.summary() != null && log.summary().length() > AdviceLog.SUMMARY_MAX) {
            problems.add(new FieldProblem("summary", "must be at most " + AdviceLog.SUMMARY_MAX + " characters"));
        }
        return problems;
    }
}
