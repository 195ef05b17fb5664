package dk.hotline.routing.recipient.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import dk.hotline.contracts.vocabulary.Severity;

import java.time.Instant;
import java.util.Objects;

/** What the resolver needs to know about a referral. {@code municipalityCode} may be null. */
public record RoutingRequest(Line line, Severity severity, String municipalityCode, AgeBand ageBand,
                             Site handledBySite, Instant createdAt) {
    public RoutingRequest {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(handledBySite, "handledBySite");
        Objects.requireNonNull(createdAt, "createdAt");
        ageBand = ageBand == null ? AgeBand.UNKNOWN : ageBand;
    }
}
