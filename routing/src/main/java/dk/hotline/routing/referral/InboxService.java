package dk.hotline.routing.referral;

import dk.hotline.routing.audit.RoutingAudit;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.routing.recipient.DeliverySettingsEntity;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.contracts.rules.Deadlines;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.routing.referral.domain.RecipientOutcome;
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
import java.util.ArrayList;
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
    private final RoutingAudit audit;
    private final SecurityIdentity identity;
    private final RecipientDirectory directory;
    private final WebhookPushes pushes;
    private final MailNotices mails;

    public InboxService(ReferralLifecycle lifecycle, DeadlinePolicy deadlines, StatusEvents statusEvents, RoutingAudit audit,
                        SecurityIdentity identity, RecipientDirectory directory, WebhookPushes pushes, MailNotices mails) {
        this.directory = directory;
        this.pushes = pushes;
        this.mails = mails;
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
                    .call(() -> audit.record(identity, organisation, RoutingAudit.Action.READ, "referral", referralId));
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
                    .call(() -> audit.record(identity, organisation, RoutingAudit.Action.valueOf(action.name()), "referral", referralId));
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

    /**
     * Hands the referral to another organisation: the new recipient gets its own deadline (from now, by severity),
     * sees it in its inbox (and by webhook and e-mail when configured); this organisation's entry goes, so the
     * referral is "not found" for it afterwards. Published as FORWARDED (reason sealed), then DELIVERED.
     */
    @WithTransaction
    public Uni<ReferralView> forward(String organisation, String referralId, String targetId, String reason) {
        Organisation target = directory.find(targetId)
                .orElseThrow(() -> ProblemException.badField("organisationId", "unknown organisation"));
        if (target.id().equals(organisation)) {
            throw ProblemException.badField("organisationId", "must be another organisation than your own");
        }
        return owned(organisation, referralId, RecipientAction.FORWARD).chain(own -> ReferralEntity
                .<ReferralEntity>findById(referralId, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
                    Transition t = lifecycle.forward(Progress.valueOf(r.progress));
                    Instant now = deadlines.now();
                    String from = r.recipientName;
                    r.forwardedFrom = organisation;
                    r.forwardedAt = now;
                    r.setForwardReason(reason);
                    r.recipientId = target.id();
                    r.recipientName = target.name();
                    r.explanation = "Forwarded by " + from + " to " + target.name() + "; first routed: " + firstRouting(r.explanation);
                    r.deadlineAt = Deadlines.due(Severity.valueOf(r.severity), now);
                    r.progress = t.progress().name();
                    r.deliveredAt = null;
                    r.acknowledgedAt = null;
                    r.overdueAt = null;
                    r.decidedAt = null;
                    r.decisionReason = null;
                    List<Object> rows = new ArrayList<>();
                    rows.add(statusEvents.event(r, ReferralStatus.FORWARDED, now, reason));
                    return own.delete()
                            .chain(() -> InboxEntryEntity.<InboxEntryEntity>find("referralId = ?1 and organisationId = ?2",
                                    referralId, target.id()).<InboxEntryEntity>firstResult())
                            .chain((InboxEntryEntity existing) -> {
                                InboxEntryEntity e = existing != null ? existing : new InboxEntryEntity();
                                e.referralId = referralId;
                                e.organisationId = target.id();
                                e.role = InboxEntryEntity.PRIMARY;
                                e.createdAt = now;
                                e.firstReadAt = null;
                                if (existing == null) {
                                    rows.add(e);
                                }
                                return DeliverySettingsEntity.<DeliverySettingsEntity>findById(target.id());
                            })
                            .chain(settings -> {
                                if (settings != null && settings.mailbox != null) {
                                    rows.add(mails.arrived(referralId, target.id(), now));
                                }
                                if (settings != null && DeliverySettingsEntity.WEBHOOK.equals(settings.mode)) {
                                    return pushes.pushAgain(r.referralId, target.id(), now, rows);
                                }
                                Transition delivered = lifecycle.delivered(Progress.valueOf(r.progress));
                                r.progress = delivered.progress().name();
                                r.deliveredAt = now;
                                delivered.events().forEach(st -> rows.add(statusEvents.event(r, st, now, null)));
                                return Uni.createFrom().voidItem();
                            })
                            .chain(() -> Panache.getSession().chain(s -> s.persistAll(rows.toArray())))
                            .replaceWith(() -> ReferralView.of(r, true));
                }))
                .call(() -> audit.record(identity, organisation, RoutingAudit.Action.FORWARD, "referral", referralId));
    }

    /** Records what came of an accepted referral (a code and an optional note, sealed), published as OUTCOME_RECORDED. */
    @WithTransaction
    public Uni<ReferralView> recordOutcome(String organisation, String referralId, RecipientOutcome outcome, String note) {
        return owned(organisation, referralId, RecipientAction.RECORD_OUTCOME).chain(own -> ReferralEntity
                .<ReferralEntity>findById(referralId, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
                    RecipientOutcome recorded = r.outcome == null ? null : RecipientOutcome.valueOf(r.outcome);
                    Transition t = lifecycle.recordOutcome(Progress.valueOf(r.progress), recorded, outcome);
                    if (!t.changed()) {
                        return Uni.createFrom().item(ReferralView.of(r, true));
                    }
                    Instant now = deadlines.now();
                    r.progress = t.progress().name();
                    r.outcome = outcome.name();
                    r.outcomeAt = now;
                    r.setOutcomeNote(note);
                    return statusEvents.record(r, t.events(), now, note).replaceWith(() -> ReferralView.of(r, true));
                }))
                .call(() -> audit.record(identity, organisation, RoutingAudit.Action.RECORD_OUTCOME, "referral", referralId));
    }

    /** The first routing decision's sentence, kept through later forwards. */
    private static String firstRouting(String explanation) {
        int at = explanation.lastIndexOf("; first routed: ");
        return at < 0 ? explanation : explanation.substring(at + "; first routed: ".length());
    }

    /** The organisation's own (PRIMARY) entry; a copy cannot act (409), another organisation's referral is not found. */
    private Uni<InboxEntryEntity> owned(String organisation, String referralId, RecipientAction action) {
        return entry(organisation, referralId).map(e -> {
            if (!InboxEntryEntity.PRIMARY.equals(e.role)) {
                throw ProblemException.conflict("this is a copy for information; only the recipient can "
                        + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " it");
            }
            return e;
        });
    }

    private Uni<InboxEntryEntity> entry(String organisation, String referralId) {
        return InboxEntryEntity.<InboxEntryEntity>find("referralId = ?1 and organisationId = ?2", referralId, organisation)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("referral " + referralId));
    }
}
