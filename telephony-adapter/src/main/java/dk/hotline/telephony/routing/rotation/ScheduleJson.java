package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Site;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the {@code dk.hotline.rotation.schedule.v1} payload (docs/events/rotation-schedule.v1.schema.json), the same
 * JSON whether it comes from the compacted topic or from core's snapshot endpoint.
 */
public final class ScheduleJson {

    record SegmentDto(OffsetDateTime from, OffsetDateTime to, Site site, boolean open, String rule) {
    }

    record ScheduleDto(Line line, long version, OffsetDateTime publishedAt, OffsetDateTime validFrom,
                       OffsetDateTime validUntil, List<SegmentDto> segments) {
    }

    private final ObjectMapper mapper;

    public ScheduleJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws IllegalArgumentException when the payload is not a valid schedule */
    public Schedule read(String json) {
        try {
            ScheduleDto dto = mapper.readValue(json, ScheduleDto.class);
            if (dto.line() == null || dto.publishedAt() == null || dto.validFrom() == null || dto.validUntil() == null
                    || dto.segments() == null) {
                throw new IllegalArgumentException("schedule lacks line, publishedAt, validFrom, validUntil or segments");
            }
            List<Segment> segments = dto.segments().stream()
                    .map(s -> new Segment(s.from().toInstant(), s.to().toInstant(), s.site(), s.open(), s.rule()))
                    .toList();
            return new Schedule(dto.line(), dto.version(), dto.publishedAt().toInstant(), dto.validFrom().toInstant(), dto.validUntil().toInstant(),
                    segments);
        } catch (IOException | NullPointerException e) {
            // Jackson's message quotes the payload: the reason keeps the fault's type only (it goes to a DLQ header).
            throw new IllegalArgumentException("unreadable schedule (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
