package dk.hotline.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTest {

    @Test
    void everyContractLoadsAndEveryExampleIsValid() {
        for (Contract c : Contract.values()) {
            assertThat(c.violations("{}")).as(c.file()).isNotEmpty();
            for (String example : c.examples()) {
                assertThat(c.violations(example)).as(c.file() + " example").isEmpty();
            }
        }
        assertThat(Contract.ROTATION_SCHEDULE_V1.examples()).isNotEmpty();
    }

    @Test
    void theSnapshotEndpointAnswersExactlyTheScheduleEvent() {
        String example = Contract.ROTATION_SCHEDULE_V1.examples().get(0);
        assertThat(Contract.ROTATION_SCHEDULE_SNAPSHOT_V1.violations(example)).isEmpty();
        assertThat(Contract.ROTATION_SCHEDULE_SNAPSHOT_V1.violations(example.replace("\"publishedAt\"", "\"published\"")))
                .isNotEmpty();
        assertThat(Contract.ROTATION_SCHEDULE_SNAPSHOT_V1.requires("segments[].site")).isTrue();
    }

    @Test
    void requiresFollowsNestedFieldsAndArrays() {
        assertThat(Contract.ROTATION_SCHEDULE_V1.requires("segments[].open")).isTrue();
        assertThat(Contract.ROTATION_SCHEDULE_V1.requires("segments[].colour")).isFalse();
        assertThat(Contract.REFERRAL_CREATED_V1.requires("deadlineAt")).isTrue();
        assertThat(Contract.REFERRAL_CREATED_V1.requires("description")).isFalse();
        assertThat(Contract.CALL_LIFECYCLE_V1.requires("routing.action")).isTrue();
    }

    record Segment(String from, String to, String site, boolean open, String rule) {
    }

    record Reader(String line, long version, String publishedAt, List<Segment> segments) {
    }

    record MisreadingReader(String line, long revision, List<Segment> segments) {
    }

    @Test
    void aConsumerRecordReadingAFieldNoProducerIsBoundToSendIsNamed() {
        assertThat(Contract.ROTATION_SCHEDULE_V1.undescribed(Reader.class)).isEmpty();
        assertThat(Contract.ROTATION_SCHEDULE_V1.undescribed(MisreadingReader.class)).containsExactly("revision");
    }

    @Test
    void aTransferNamesItsTargetsDetail() {
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations("{\"target\":\"SITE\"}")).isNotEmpty();
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations("{\"target\":\"COLLEAGUE\"}")).isNotEmpty();
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations("{\"target\":\"COLLEAGUE\",\"endpoint\":\"a b\"}"))
                .isNotEmpty();
        assertThat(Contract.TELEPHONY_TRANSFER_V1.violations("{\"target\":\"COORDINATION\"}")).isEmpty();
    }
}
