package dk.hotline.telephony.transfer.domain;

import dk.hotline.contracts.vocabulary.Site;

/**
 * Where a live call is handed on to (telephony-transfer.v1): the other site's queue, Copenhagen's coordination unit
 * line, or a named colleague's phone. {@link #exten()} is the extension of [hotline-transfer] that does it.
 */
public record TransferTarget(Kind kind, Site site, String endpoint) {

    public enum Kind { SITE, COORDINATION, COLLEAGUE }

    public TransferTarget {
        if (kind == null || kind == Kind.SITE && site == null || kind == Kind.COLLEAGUE && endpoint == null) {
            throw new IllegalArgumentException("incomplete transfer target " + kind);
        }
    }

    /** SITE-AARHUS, SITE-COPENHAGEN, COORDINATION or the colleague's endpoint. */
    public String exten() {
        return switch (kind) {
            case SITE -> "SITE-" + site.name();
            case COORDINATION -> "COORDINATION";
            case COLLEAGUE -> endpoint;
        };
    }
}
