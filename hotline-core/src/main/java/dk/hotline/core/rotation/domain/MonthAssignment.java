package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.YearMonth;

/** An explicit assignment of one whole month (local midnight to local midnight) to a site. Reason is optional. */
public record MonthAssignment(YearMonth month, Site site, String reason) {

    String explain() {
        return month + " is assigned to " + site + ExplanationFormat.reasonSuffix(reason);
    }
}
