package dk.hotline.core.rotation;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.schedule.Segment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@code dk.hotline.rotation.schedule.v1}: the effective schedule of
 * one line as contiguous segments, so a replica needs no rules of its own
 * (docs/events/README.md).
 */
public record ScheduleEvent(Line line, long version, Instant publishedAt, OffsetDateTime validFrom,
                            OffsetDateTime validUntil, List<Segment> segments) {

    public static final String TOPIC = "hotline.rotation";
    public static final String TYPE = "dk.hotline.rotation.schedule.v1";
}
