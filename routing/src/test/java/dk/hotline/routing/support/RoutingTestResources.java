package dk.hotline.routing.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Gives each test run its own Kafka topics (3 partitions) and consumer group on the shared broker, so runs never
 * see each other's records. PostgreSQL: the test database is cleaned by Flyway at start.
 */
public class RoutingTestResources implements QuarkusTestResourceLifecycleManager {

    public static String bootstrap() {
        return System.getenv().getOrDefault("HOTLINE_KAFKA_BOOTSTRAP", "127.0.0.1:59092");
    }

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String referrals = "hotline.referrals.routing-test-" + run;
        String deliveries = "hotline.deliveries.routing-test-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(referrals, 3, (short) 1), new NewTopic(deliveries, 3, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test topics on " + bootstrap(), e);
        }
        return Map.of(
                "mp.messaging.incoming.referrals.topic", referrals,
                "mp.messaging.incoming.referrals.group.id", "routing-test-" + run,
                "mp.messaging.outgoing.deliveries.topic", deliveries);
    }

    @Override
    public void stop() {
        // Topics are left for the broker's retention: the broker is shared and deleting is not ours to decide.
    }
}
