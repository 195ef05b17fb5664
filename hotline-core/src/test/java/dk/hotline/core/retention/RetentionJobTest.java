package dk.hotline.core.retention;

import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactAmendment;
import dk.hotline.core.referral.Referral;
import dk.hotline.platform.crypto.FieldCipher;
import dk.hotline.core.support.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job run at a chosen instant (the controlled clock): each kind of record just past its period is
 * deleted or anonymised, each one just inside it is left alone, and every change is in the audit trail.
 */
@QuarkusTest
class RetentionJobTest {

    private static final Instant NOW = Instant.parse("2031-06-15T01:30:00Z");

    @Inject
    RetentionJob job;

    @Inject
    Pool pool;

    @Inject
    FieldCipher cipher;

    @Test
    void recordsPastTheirPeriodAreDeletedOrAnonymisedAndTheRestIsLeftAlone() {
        UUID oldDraft = contact("DRAFT", NOW.minus(Duration.ofDays(31)), null);
        UUID youngDraft = contact("DRAFT", NOW.minus(Duration.ofDays(29)), null);
        UUID oldLog = contact("FINAL", NOW.minus(Duration.ofDays(731)), NOW.minus(Duration.ofDays(731)));
        UUID youngLog = contact("FINAL", NOW.minus(Duration.ofDays(729)), NOW.minus(Duration.ofDays(729)));
        amendment(oldLog);
        UUID oldReferral = referral(oldLog, NOW.minus(Duration.ofDays(731)));
        UUID youngReferral = referral(youngLog, NOW.minus(Duration.ofDays(729)));
        String oldHash = call(NOW.minus(Duration.ofDays(91)));
        String youngHash = call(NOW.minus(Duration.ofDays(89)));
        String oldCall = call(NOW.minus(Duration.ofDays(731)));
        UUID oldTransfer = transfer(oldLog, NOW.minus(Duration.ofDays(731)));
        UUID youngTransfer = transfer(youngLog, NOW.minus(Duration.ofDays(729)));
        UUID draftTransfer = transfer(oldDraft, NOW.minus(Duration.ofDays(31)));
        UUID oldEvent = publishedEvent(NOW.minus(Duration.ofDays(8)));
        UUID youngEvent = publishedEvent(NOW.minus(Duration.ofDays(6)));

        Map<String, Integer> done = OnVertx.await(() -> job.run(NOW));

        assertThat(done).containsKeys("drafts deleted", "advice logs anonymised", "referrals anonymised",
                "caller hashes dropped", "call records anonymised", "published events deleted", "consumed event ids deleted");
        assertThat(exists("SELECT 1 FROM contact WHERE id = $1", oldDraft)).isFalse();
        assertThat(exists("SELECT 1 FROM contact WHERE id = $1", youngDraft)).isTrue();

        Row log = row("SELECT summary, advisor_endpoint, created_by, finalised_by, anonymised_at, concern_category, municipality_code, age_band FROM contact WHERE id = $1", oldLog);
        assertThat(log.getString("summary")).isNull();
        assertThat(log.getString("advisor_endpoint")).isNull();
        assertThat(log.getString("created_by")).isNull();
        assertThat(log.getString("finalised_by")).isNull();
        assertThat(log.getOffsetDateTime("anonymised_at")).isNotNull();
        assertThat(log.getString("concern_category")).as("statistics kept").isEqualTo("MILITANT_ISLAMISM");
        assertThat(log.getString("municipality_code")).isEqualTo("461");
        assertThat(log.getString("age_band")).isEqualTo("AGE_25_PLUS");
        assertThat(exists("SELECT 1 FROM contact_amendment WHERE contact_id = $1", oldLog)).isFalse();
        // A call handed on: the first advisor's note and the advisors' phones go with the log's anonymisation.
        Row transfer = row("SELECT note, from_endpoint, requested_by, to_endpoint, target FROM call_transfer WHERE id = $1", oldTransfer);
        assertThat(transfer.getString("note")).isNull();
        assertThat(transfer.getString("from_endpoint")).isNull();
        assertThat(transfer.getString("requested_by")).isNull();
        assertThat(transfer.getString("to_endpoint")).isNull();
        assertThat(transfer.getString("target")).as("statistics kept").isEqualTo("SITE");
        assertThat(exists("SELECT 1 FROM contact_advisor WHERE contact_id = $1", oldLog)).isFalse();
        assertThat(row("SELECT note FROM call_transfer WHERE id = $1", youngTransfer).getString("note")).isNotNull();
        assertThat(exists("SELECT 1 FROM contact_advisor WHERE contact_id = $1", youngLog)).isTrue();
        assertThat(exists("SELECT 1 FROM call_transfer WHERE id = $1", draftTransfer)).as("gone with its draft").isFalse();
        assertThat(row("SELECT summary FROM contact WHERE id = $1", youngLog).getString("summary")).isNotNull();

        Row referral = row("SELECT description, caller_name, caller_phone, caller_email, severity, anonymised_at FROM referral WHERE id = $1", oldReferral);
        assertThat(referral.getString("description")).isNull();
        assertThat(referral.getString("caller_name")).isNull();
        assertThat(referral.getString("caller_phone")).isNull();
        assertThat(referral.getString("caller_email")).isNull();
        assertThat(referral.getString("severity")).isEqualTo("MEDIUM");
        assertThat(row("SELECT description FROM referral WHERE id = $1", youngReferral).getString("description")).isNotNull();

        assertThat(row("SELECT caller_hash FROM call_record WHERE call_id = $1", oldHash).getString("caller_hash")).isNull();
        assertThat(row("SELECT caller_hash FROM call_record WHERE call_id = $1", youngHash).getString("caller_hash")).isNotNull();
        Row call = row("SELECT advisor_endpoint, talk_seconds, anonymised_at FROM call_record WHERE call_id = $1", oldCall);
        assertThat(call.getString("advisor_endpoint")).isNull();
        assertThat(call.getLong("talk_seconds")).as("statistics kept").isEqualTo(120L);

        assertThat(exists("SELECT 1 FROM outbox_event WHERE id = $1", oldEvent)).isFalse();
        assertThat(exists("SELECT 1 FROM outbox_event WHERE id = $1", youngEvent)).isTrue();

        assertThat(audited("DELETE", "contact", oldDraft.toString())).isTrue();
        assertThat(audited("ANONYMISE", "contact", oldLog.toString())).isTrue();
        assertThat(audited("ANONYMISE", "referral", oldReferral.toString())).isTrue();
        assertThat(audited("ANONYMISE", "call-caller-hash", oldHash)).isTrue();
        assertThat(audited("ANONYMISE", "call", oldCall)).isTrue();

        Map<String, Integer> again = OnVertx.await(() -> job.run(NOW));
        assertThat(exists("SELECT 1 FROM contact WHERE id = $1", youngDraft)).as("a second run the same night changes no more").isTrue();
        assertThat(again.get("advice logs anonymised")).isZero();
    }

    private UUID contact(String status, Instant updated, Instant finalised) {
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO contact (id, channel, line, site, status, advisor_endpoint, created_by, caller_role, concern_category,
                                     age_band, municipality_code, summary, outcome, created_at, updated_at, updated_by, finalised_at, finalised_by)
                VALUES ($1, 'EMAIL', 'NATIONAL', 'AARHUS', $2, 'advisor-aarhus-1', 'anna', 'RELATIVE', 'MILITANT_ISLAMISM',
                        'AGE_25_PLUS', '461', $3, 'REFERRAL', $4, $4, 'anna', $5, $6)""",
                Tuple.from(new Object[] {id, status, cipher.seal(Contact.SUMMARY, id, "A worried sister."), utc(updated),
                        finalised == null ? null : utc(finalised), finalised == null ? null : "anna"}));
        return id;
    }

    /** A transfer of the contact's call with its note, and the two advisors on the log. */
    private UUID transfer(UUID contact, Instant at) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO call_transfer (id, call_id, contact_id, from_endpoint, requested_by, target, target_site, note, "
                + "requested_at, accepted_at, connected_at, to_endpoint) VALUES ($1, $2, $3, 'advisor-aarhus-1', 'anna', 'SITE', "
                + "'COPENHAGEN', 'sealed note', $4, $4, $4, 'advisor-cph-1')", Tuple.of(id, "transfer." + id, contact, at.atOffset(java.time.ZoneOffset.UTC)));
        for (String endpoint : List.of("advisor-aarhus-1", "advisor-cph-1")) {
            execute("INSERT INTO contact_advisor (id, contact_id, advisor_endpoint, site, joined_at) VALUES ($1, $2, $3, 'AARHUS', $4)",
                    Tuple.of(UUID.randomUUID(), contact, endpoint, at.atOffset(java.time.ZoneOffset.UTC)));
        }
        return id;
    }

    private void amendment(UUID contact) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO contact_amendment (id, contact_id, amended_at, amended_by, reason, before_json, after_json) VALUES ($1, $2, $3, 'anna', $4, $5, $6)",
                Tuple.from(new Object[] {id, contact, utc(NOW.minus(Duration.ofDays(800))), cipher.seal(ContactAmendment.REASON, id, "typo"),
                        cipher.seal(ContactAmendment.BEFORE, id, "{}"), cipher.seal(ContactAmendment.AFTER, id, "{}")}));
    }

    private UUID referral(UUID contact, Instant created) {
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO referral (id, contact_id, line, site, severity, acute, created_at, deadline_at, municipality_code, age_band,
                                      legal_basis, description, caller_name, caller_phone, created_by)
                VALUES ($1, $2, 'NATIONAL', 'AARHUS', 'MEDIUM', false, $3, $3, '461', 'AGE_25_PLUS', 'CONSENT', $4, $5, $6, 'anna')""",
                Tuple.from(new Object[] {id, contact, utc(created), cipher.seal(Referral.DESCRIPTION, id, "Brother withdrawn."),
                        cipher.seal(Referral.CALLER_NAME, id, "Jens"), cipher.seal(Referral.CALLER_PHONE, id, "+45 20 00 00 00")}));
        return id;
    }

    private String call(Instant offered) {
        String id = "retention-" + UUID.randomUUID();
        execute("""
                INSERT INTO call_record (call_id, state, line, site, advisor_endpoint, caller_hash, offered_at, connected_at, ended_at,
                                         last_event_at, wait_seconds, talk_seconds, updated_at)
                VALUES ($1, 'ENDED', 'NATIONAL', 'AARHUS', 'advisor-aarhus-1', 'hmac-of-a-number', $2, $2, $2, $2, 10, 120, $2)""",
                Tuple.of(id, utc(offered)));
        return id;
    }

    private UUID publishedEvent(Instant published) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO outbox_event (id, topic, record_key, type, payload, created_at, published_at) VALUES ($1, 'retention.test', 'k', 't', '{}', $2, $2)",
                Tuple.of(id, utc(published)));
        return id;
    }

    private boolean audited(String action, String recordType, String recordId) {
        return exists("SELECT 1 FROM audit_entry WHERE actor = 'system:retention' AND action = $1 AND record_type = $2 AND record_id = $3",
                Tuple.of(action, recordType, recordId));
    }

    private void execute(String sql, Tuple args) {
        OnVertx.await(() -> pool.preparedQuery(sql).execute(args));
    }

    private boolean exists(String sql, Object id) {
        return exists(sql, Tuple.of(id));
    }

    private boolean exists(String sql, Tuple args) {
        return OnVertx.await(() -> pool.preparedQuery(sql).execute(args)).size() > 0;
    }

    private Row row(String sql, Object id) {
        return OnVertx.await(() -> pool.preparedQuery(sql).execute(Tuple.of(id))).iterator().next();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
