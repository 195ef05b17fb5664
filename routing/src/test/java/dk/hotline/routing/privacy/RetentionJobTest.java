package dk.hotline.routing.privacy;

import dk.hotline.routing.retention.RetentionJob;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routing's retention run at a chosen instant (the controlled clock): old copies anonymised, young ones untouched. */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
class RetentionJobTest {

    private static final Instant NOW = Instant.parse("2031-06-15T01:30:00Z");

    @Inject
    RetentionJob job;

    @Test
    void aCopyPastItsPeriodLosesItsFreeTextAndContactButKeepsItsRoutingAndAYoungOneIsLeftAlone() throws Exception {
        ReferralEvents.Referral old = ReferralEvents.referral("461", "AGE_25_PLUS");
        ReferralEvents.Referral young = ReferralEvents.referral("461", "AGE_25_PLUS");
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(old);
            core.publish(young);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> exists(old.id()) && exists(young.id()));
        try (Connection c = connect()) {
            update(c, "UPDATE referral SET created_at = ? WHERE referral_id = ?", NOW.minus(Duration.ofDays(731)), old.id());
            update(c, "UPDATE referral SET created_at = ? WHERE referral_id = ?", NOW.minus(Duration.ofDays(729)), young.id());
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO webhook_delivery (referral_id, organisation_id, idempotency_key, state, attempts, next_attempt_at, created_at, delivered_at)
                    VALUES (?, 'retention-test', ?, 'DELIVERED', 1, now(), now(), ?)""")) {
                s.setString(1, old.id());
                s.setString(2, "retention-" + old.id());
                s.setTimestamp(3, Timestamp.from(NOW.minus(Duration.ofDays(91))));
                s.executeUpdate();
            }
            mail(c, old.id(), "SENT", NOW.minus(Duration.ofDays(91)));
            mail(c, old.id(), "DEAD", NOW.minus(Duration.ofDays(91)));
            mail(c, young.id(), "SENT", NOW.minus(Duration.ofDays(89)));
            mail(c, young.id(), "PENDING", NOW.minus(Duration.ofDays(91)));
        }

        Map<String, Integer> done = job.run(NOW).await().atMost(Duration.ofSeconds(30));

        assertThat(done).containsKeys("referrals anonymised", "published events deleted", "finished deliveries deleted",
                "finished e-mails deleted");
        try (Connection c = connect()) {
            try (ResultSet r = query(c, "SELECT description, caller_name, caller_phone, caller_email, recipient_id, severity, anonymised_at FROM referral WHERE referral_id = ?", old.id())) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("description")).isNull();
                assertThat(r.getString("caller_name")).isNull();
                assertThat(r.getString("caller_phone")).isNull();
                assertThat(r.getString("caller_email")).isNull();
                assertThat(r.getString("recipient_id")).as("routing kept").isEqualTo("infohus-fyn");
                assertThat(r.getTimestamp("anonymised_at")).isNotNull();
            }
            try (ResultSet r = query(c, "SELECT description FROM referral WHERE referral_id = ?", young.id())) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("description")).isNotNull();
            }
            try (ResultSet r = query(c, "SELECT count(*) FROM webhook_delivery WHERE idempotency_key = ?", "retention-" + old.id())) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
            try (ResultSet r = query(c, "SELECT count(*) FROM mail_notification WHERE referral_id = ?", old.id())) {
                r.next();
                assertThat(r.getLong(1)).as("sent and given-up e-mails past the period").isZero();
            }
            try (ResultSet r = query(c, "SELECT state FROM mail_notification WHERE referral_id = ? ORDER BY state", young.id())) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("still to send: kept").isEqualTo("PENDING");
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("sent within the period: kept").isEqualTo("SENT");
            }
            try (ResultSet r = query(c, "SELECT count(*) FROM audit_entry WHERE actor = 'system:retention' AND action = 'ANONYMISE' AND record_id = ?", old.id())) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(1);
            }
        }
    }

    /** An e-mail notification row (negative id: clear of the ids the service allocates); {@code at} is when it was
     * sent, or its last attempt when not sent. */
    private static void mail(Connection c, String referralId, String state, Instant at) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO mail_notification (id, referral_id, organisation_id, kind, state, attempts, next_attempt_at, created_at, sent_at)
                VALUES (-nextval('mail_notification_ids'), ?, 'retention-test', 'ARRIVED', ?, 1, ?, ?, ?)""")) {
            s.setString(1, referralId);
            s.setString(2, state);
            s.setTimestamp(3, Timestamp.from(at));
            s.setTimestamp(4, Timestamp.from(at));
            s.setTimestamp(5, "SENT".equals(state) ? Timestamp.from(at) : null);
            s.executeUpdate();
        }
    }

    private static boolean exists(String id) throws Exception {
        try (Connection c = connect(); ResultSet r = query(c, "SELECT 1 FROM referral WHERE referral_id = ?", id)) {
            return r.next();
        }
    }

    private static void update(Connection c, String sql, Instant at, String id) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    private static ResultSet query(Connection c, String sql, String arg) throws Exception {
        PreparedStatement s = c.prepareStatement(sql);
        s.setString(1, arg);
        s.closeOnCompletion();
        return s.executeQuery();
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }
}
