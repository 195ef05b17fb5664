package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Monthly alternation anchored by an admin: {@code anchorMonth} is staffed by
 * {@code anchorSite}, the months before and after alternate from there.
 * Components may be null only so that validation can report them; a
 * {@link Rotation} is never built from such a pattern.
 */
public record DutyPattern(YearMonth anchorMonth, Site anchorSite) {

    /** The site for a month by alternation, in both directions in time from the anchor. */
    public Site siteFor(YearMonth month) {
        long distance = ChronoUnit.MONTHS.between(anchorMonth, month);
        return Math.floorMod(distance, 2) == 0 ? anchorSite : anchorSite.other();
    }

    /** E.g. "2026-03 is AARHUS by alternation from anchor 2026-01 COPENHAGEN". */
    public String explain(YearMonth month) {
        return month + " is " + siteFor(month) + " by alternation from anchor " + anchorMonth + " " + anchorSite;
    }
}
