package dk.hotline.core.rotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.core.rotation.domain.RotationSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes and reads the stored form of the schedule (the domain records as JSON). */
@ApplicationScoped
public class ScheduleDocument {

    private final ObjectMapper json;

    public ScheduleDocument(ObjectMapper json) {
        this.json = json;
    }

    public String write(RotationSchedule schedule) {
        try {
            return json.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rotation schedule cannot be written as JSON", e);
        }
    }

    public RotationSchedule read(String document, long version) {
        try {
            return json.readValue(document, RotationSchedule.class).withVersion(version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rotation schedule cannot be read", e);
        }
    }
}
