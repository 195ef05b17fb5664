package dk.hotline.core.referral;

import dk.hotline.core.outbox.OutboxEvent;
import dk.hotline.core.staff.StaffMember;
import dk.hotline.core.audit.AuditAction;
import dk.hotline.platform.audit.AuditEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a referral, its event (outbox) and its audit entry in one statement, one round trip, in the caller's
 * transaction: the referral row is inserted {@code ON CONFLICT DO NOTHING} (the log already has its referral, or the
 * Idempotency-Key was used), and the event and the audit entry are inserted only for a row that was. So the usual
 * request needs no look-up first, and a racing twin waits for the winner's commit instead of failing (issue 15).
 * The audit entry has the shape {@code AuditTrail} writes; its id comes from the table's sequence.
 */
@ApplicationScoped
public class ReferralInsert {

    private static final String SQL = """
            WITH referral_row AS (
                INSERT INTO referral (id, contact_id, idempotency_key, line, site, severity, acute, created_at, deadline_at,
                    municipality_code, age_band, concern_category, legal_basis, description, caller_name, caller_phone,
                    caller_email, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                ON CONFLICT DO NOTHING
                RETURNING id),
            event_row AS (
                INSERT INTO outbox_event (id, topic, record_key, type, subject, payload, created_at)
                SELECT CAST(?19 AS uuid), ?20, ?21, ?22, ?23, ?24, CAST(?25 AS timestamptz) FROM referral_row)
            INSERT INTO audit_entry (at, actor, actor_role, action, record_type, record_id)
            SELECT CAST(?26 AS timestamptz), ?27, ?28, ?29, ?30, CAST(id AS text) FROM referral_row""";

    private static final AffectedEntities WRITES = new AffectedEntities(Referral.class, OutboxEvent.class, AuditEntry.class);

    private final Clock clock;

    public ReferralInsert(Clock clock) {
        this.clock = clock;
    }

    /** True when the referral was inserted; false when the log already has one or the Idempotency-Key was used. */
    public Uni<Boolean> insert(Referral referral, OutboxEvent event, StaffMember staff) {
        Object[] row = referral.storedValues();
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(SQL, WRITES);
            for (int i = 0; i < row.length; i++) {
                query.setParameter(i + 1, row[i]);
            }
            int n = row.length;
            query.setParameter(n + 1, event.id)
                    .setParameter(n + 2, event.topic)
                    .setParameter(n + 3, event.recordKey)
                    .setParameter(n + 4, event.type)
                    .setParameter(n + 5, event.subject)
                    .setParameter(n + 6, event.payload)
                    .setParameter(n + 7, utc(event.createdAt))
                    .setParameter(n + 8, utc(clock.instant()))
                    .setParameter(n + 9, staff.name())
                    .setParameter(n + 10, staff.role())
                    .setParameter(n + 11, AuditAction.CREATE.name())
                    .setParameter(n + 12, ReferralService.RECORD);
            return query.executeUpdate();
        }).map(inserted -> inserted == 1);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
