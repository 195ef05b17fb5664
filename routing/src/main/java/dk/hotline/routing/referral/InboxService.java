package dk.hotline.routing.referral;

import dk.hotline.routing.audit.AuditTrail;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.outbox.StatusEvents;
import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.Progress;
import dk.hotline.routing.referral.domain.RecipientAction;
import dk.hotline.routing.referral.domain.ReferralLifecycle;
import dk.hotline.routing.referral.domain.ReferralStatus;
import dk.hotline.routing.referral.domain.Transition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's inbox. Every query is scoped by the caller's organisation: a referral of another organisation
 * is "not found", exactly like one that does not exist, so nothing leaks.
 */
@ApplicationScoped
public class InboxService {

    public enum Filter { NEW, OVERDUE, ALL }

    private final ReferralLifecycle lifecycle;
    private final DeadlinePolicy deadlines;
    private final StatusEvents statusEvents;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public InboxService(ReferralLifecycle lifecycle, DeadlinePolicy deadlines, StatusEvents statusEvents, AuditTrail audit,
                        SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.deadlines = deadlines;
        this.statusEvents = statusEvents;
        this.audit = audit;
        this.identity = identity;
    }

    @WithSession
    public Uni<List<InboxItem>> list(String organisation, Filter filter, int limit) {
        String where = switch (filter) {
            // New to this organisation: the owner has not acknowledged it; a copy has not been read.
            case NEW -> " and ((e.role = 'PRIMARY' and r.acknowledgedAt is null) or (e.role = 'COPY' and e.firstReadAt is null))";
            case OVERDUE -> " and e.role = 'PRIMARY' and r.overdueAt is not null and r.acknowledgedAt is null";
            case ALL -> "";
        };
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select e, r from InboxEntryEntity e, ReferralEntity r where r.referralId = e.referralId"
                                + " and e.organisationId = :org" + where + " order by r.deadlineAt, r.referralId", Object[].class)
                .setParameter("org", organisation)
                .setMaxResults(limit)
                .getResultList())
                .map(rows -> rows.stream().map(row -> InboxItem.of((ReferralEntity) row[1], (InboxEntryEntity) row[0])).toList());
    }

    @WithTransaction
    public Uni<ReferralView> read(String organisation, String referralId) {
        return entry(organisation, referralId).chain(e -> {
            if (e.firstReadAt == null) {
                e.firstReadAt = deadlines.now();
            }
            return ReferralEntity.<ReferralEntity>findById(referralId)
                    .map(r -> ReferralView.of(r, InboxEntryEntity.PRIMARY.equals(e.role)))
                    .call(() -> audit.record(identity, organisation, AuditTrail.Action.READ, "referral", referralId));
        });
    }

    @WithTransaction
    public Uni<ReferralView> act(String organisation, String referralId, RecipientAction action, String reason) {
        return entry(organisation, referralId).chain(e -> {
            if (!InboxEntryEntity.PRIMARY.equals(e.role)) {
                throw ProblemException.conflict("this is a copy for information; only the recipient can "
                        + action.name().toLowerCase(java.util.Locale.ROOT) + " it");
            }
            return ReferralEntity.<ReferralEntity>findById(referralId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(r -> apply(r, action, reason).replaceWith(() -> ReferralView.of(r, true)))
                    .call(() -> audit.record(identity, organisation, AuditTrail.Action.valueOf(action.name()), "referral", referralId));
        });
    }

    private Uni<Void> apply(ReferralEntity r, RecipientAction action, String reason) {
        Transition t = lifecycle.apply(Progress.valueOf(r.progress), action);
        if (!t.changed()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = deadlines.now();
        r.progress = t.progress().name();
        if (r.acknowledgedAt == null && t.progress().acknowledged()) {
            r.acknowledgedAt = now;
        }
        if (t.progress().decided()) {
            r.decidedAt = now;
            r.decisionReason = reason;
        }
        List<Object> events = t.events().stream()
                .map(status -> (Object) statusEvents.event(r, status, now,
                        status == ReferralStatus.ACCEPTED || status == ReferralStatus.REJECTED ? reason : null))
                .toList();
        return Panache.getSession().chain(s -> s.persistAll(events.toArray()));
    }

    private Uni<InboxEntryEntity> entry(String organisation, String referralId) {
        return InboxEntryEntity.<InboxEntryEntity>find("referralId = ?1 and organisationId = ?2", referralId, organisation)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("referral " + referralId));
    }
}
