package dk.hotline.contracts.vocabulary;

import java.util.Optional;

/**
 * The two sites that staff the national line, one calendar month at a time: Aarhus (with Østjyllands Politi) and
 * Copenhagen (with Københavns Politi). Each answers calls from its own Asterisk queue.
 */
public enum Site implements Vocabulary {
    AARHUS("Aarhus", "Aarhus", "hotline-aarhus", "oestjylland"),
    COPENHAGEN("København", "Copenhagen", "hotline-copenhagen", "koebenhavn");

    private final String da;
    private final String en;
    private final String queue;
    private final String policeDistrictId;

    Site(String da, String en, String queue, String policeDistrictId) {
        this.da = da;
        this.en = en;
        this.queue = queue;
        this.policeDistrictId = policeDistrictId;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }

    /** The name used in explanations and reasons (English, as the rest of routing's texts). */
    public String displayName() {
        return en;
    }

    /** The Asterisk queue this site's advisors answer. */
    public String queue() {
        return queue;
    }

    /** The police district (reference data id) the site works with. */
    public String policeDistrictId() {
        return policeDistrictId;
    }

    /** The site that is not this one: the alternation partner. */
    public Site other() {
        return this == AARHUS ? COPENHAGEN : AARHUS;
    }

    public static Optional<Site> ofQueue(String queue) {
        for (Site site : values()) {
            if (site.queue.equals(queue)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }
}
