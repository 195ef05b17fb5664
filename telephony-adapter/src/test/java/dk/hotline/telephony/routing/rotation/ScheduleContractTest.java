package dk.hotline.telephony.routing.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.hotline.contracts.Contract;
import dk.hotline.telephony.routing.domain.Schedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the rotation schedule, on the topic (rotation-schedule.v1) and from core's snapshot endpoint
 * (rotation-schedule-snapshot.v1): the adapter reads only fields the schemas require, and reads the schemas' own
 * examples. Core's RotationResourceTest validates what core publishes and answers against the same schemas.
 */
class ScheduleContractTest {

    private final ScheduleJson json = new ScheduleJson(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void everyFieldTheAdapterReadsIsRequiredOnTheTopicAndFromTheSnapshot() {
        for (Contract contract : new Contract[] {Contract.ROTATION_SCHEDULE_V1, Contract.ROTATION_SCHEDULE_SNAPSHOT_V1}) {
            assertThat(contract.undescribed(ScheduleJson.ScheduleDto.class)).as(contract.file()).isEmpty();
            for (String field : new String[] {"line", "version", "publishedAt", "validFrom", "validUntil",
                    "segments[].from", "segments[].to", "segments[].site", "segments[].open", "segments[].rule"}) {
                assertThat(contract.requires(field)).as(contract.file() + " " + field).isTrue();
            }
        }
    }

    @Test
    void theSchemasExamplesAreRead() {
        for (String example : Contract.ROTATION_SCHEDULE_V1.examples()) {
            Schedule schedule = json.read(example);
            assertThat(schedule.segments()).isNotEmpty();
            assertThat(schedule.publishedAt()).isNotNull();
        }
    }
}
