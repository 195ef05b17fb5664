package dk.hotline.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.hotline.core.support.KafkaTopicReader;
import dk.hotline.core.support.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken by the commit itself (the outbox trigger's NOTIFY, the publisher's LISTEN), not by its poll:
 * here the poll comes once an hour, so only the notification can publish the events.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.PollOnceAnHour.class)
class OutboxWakeUpTest {

    public static class PollOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.outbox.poll-interval", "PT1H");
        }
    }

    @Inject
    Outbox outbox;

    record Sample(String what, int n) {
    }

    @Test
    void committedEventsArePublishedWithoutWaitingForThePoll() {
        String topic = "test.outbox.wake." + UUID.randomUUID();
        try (KafkaTopicReader reader = new KafkaTopicReader(topic)) {
            for (int n = 1; n <= 3; n++) {
                int i = n;
                OnVertx.await(() -> Panache.withTransaction(() ->
                        outbox.append(topic, "key-" + i, "dk.hotline.test.sample.v1", "sample-" + i, new Sample("wake", i))));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(reader.poll()).as("event %d published, woken by its commit", i)
                                .anyMatch(r -> r.key().equals("key-" + i)));
            }
        }
    }
}
