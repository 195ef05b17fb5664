package dk.hotline.telephony.routing.domain;

import java.util.Optional;

/** A staffed site and the Asterisk queue its advisors answer. */
public enum Site {
    AARHUS("hotline-aarhus"),
    COPENHAGEN("hotline-copenhagen");

    private final String queue;

    Site(String queue) {
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }

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
