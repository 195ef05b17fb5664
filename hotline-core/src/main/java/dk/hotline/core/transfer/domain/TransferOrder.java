package dk.hotline.core.transfer.domain;

import dk.hotline.contracts.vocabulary.Site;

/**
 * A checked request to hand a call on: the target, the site (SITE only) or the colleague's endpoint (COLLEAGUE only),
 * and the note for the receiver (stripped; null when none).
 */
public record TransferOrder(TransferTarget target, Site site, String endpoint, String note) {
}
