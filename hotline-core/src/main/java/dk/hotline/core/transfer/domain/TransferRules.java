package dk.hotline.core.transfer.domain;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.advice.domain.FieldProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a transfer request must say, checked before anything is stored or sent: a known target; the other site for
 * SITE (the call's own site's queue is where it came from); a colleague's phone for COLLEAGUE, not one's own; nothing
 * that the target does not take; a note of at most {@value #NOTE_MAX} characters. Field names are the API's.
 */
public final class TransferRules {

    public static final int NOTE_MAX = 1000;
    private static final Pattern ENDPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** The order, or the problems (never both). */
    public record Checked(TransferOrder order, List<FieldProblem> problems) {
    }

    private TransferRules() {
    }

    public static Checked check(String target, String site, String endpoint, String note, Site callSite, String ownEndpoint) {
        List<FieldProblem> problems = new ArrayList<>();
        TransferTarget parsedTarget = parse(TransferTarget.class, target);
        if (blank(target)) {
            problems.add(new FieldProblem("target", "is required: SITE, COORDINATION or COLLEAGUE"));
        } else if (parsedTarget == null) {
            problems.add(new FieldProblem("target", "must be SITE, COORDINATION or COLLEAGUE"));
        }
        Site parsedSite = parse(Site.class, site);
        if (parsedTarget == TransferTarget.SITE) {
            if (blank(site)) {
                problems.add(new FieldProblem("site", "is required with SITE: the site whose queue takes the call"));
            } else if (parsedSite == null) {
                problems.add(new FieldProblem("site", "must be AARHUS or COPENHAGEN"));
            } else if (parsedSite == callSite) {
                problems.add(new FieldProblem("site", "is the site the call is already at; choose the other site, or COLLEAGUE"));
            }
        } else if (!blank(site)) {
            problems.add(new FieldProblem("site", "is only given with SITE"));
        }
        String colleague = blank(endpoint) ? null : endpoint.strip();
        if (parsedTarget == TransferTarget.COLLEAGUE) {
            if (colleague == null) {
                problems.add(new FieldProblem("endpoint", "is required with COLLEAGUE: the colleague's phone"));
            } else if (!ENDPOINT.matcher(colleague).matches()) {
                problems.add(new FieldProblem("endpoint", "must be a phone endpoint name (a-z, 0-9, - and _)"));
            } else if (colleague.equals(ownEndpoint)) {
                problems.add(new FieldProblem("endpoint", "is your own phone; name a colleague's"));
            }
        } else if (colleague != null) {
            problems.add(new FieldProblem("endpoint", "is only given with COLLEAGUE"));
        }
        String text = blank(note) ? null : note.strip();
        if (text != null && text.length() > NOTE_MAX) {
            problems.add(new FieldProblem("note", "must be at most " + NOTE_MAX + " characters"));
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        return new Checked(new TransferOrder(parsedTarget, parsedTarget == TransferTarget.SITE ? parsedSite : null,
                parsedTarget == TransferTarget.COLLEAGUE ? colleague : null, text), List.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null
                : Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value.strip())).findFirst().orElse(null);
    }
}
