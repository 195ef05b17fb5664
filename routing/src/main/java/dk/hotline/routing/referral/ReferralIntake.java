package dk.hotline.routing.referral;

import dk.hotline.platform.events.EventFieldCipher;
import dk.hotline.routing.recipient.DeliverySettingsEntity;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientResolver;
import dk.hotline.routing.recipient.domain.RoutingDecision;
import dk.hotline.routing.recipient.domain.RoutingRequest;
import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.Progress;
import dk.hotline.routing.referral.domain.ReferralStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Receives a referral once: resolves the recipient, stores it with its inbox entries, the webhook pushes to make
 * and the status events to publish, all in one transaction. A referral or CloudEvent id seen before changes nothing.
 */
@ApplicationScoped
public class ReferralIntake {

    public enum Outcome { STORED, DUPLICATE }

    /** Where core seals a referral's personal fields (with the field and the referral id): dk.hotline.referral.created.v1. */
    public static final String SEALED_IN = "referral_created";

    private final RecipientResolver resolver;
    private final DeadlinePolicy deadlines;
    private final StatusEvents statusEvents;
    private final EventFieldCipher eventFields;
    private final WebhookPushes pushes;
    private final MailNotices mails;

    public ReferralIntake(RecipientResolver resolver, DeadlinePolicy deadlines, StatusEvents statusEvents,
                          EventFieldCipher eventFields, WebhookPushes pushes, MailNotices mails) {
        this.eventFields = eventFields;
        this.pushes = pushes;
        this.mails = mails;
        this.resolver = resolver;
        this.deadlines = deadlines;
        this.statusEvents = statusEvents;
    }

    /** One referral event as read from Kafka. */
    public record Incoming(String eventId, ReferralCreatedV1 event) {
    }

    public Uni<Outcome> receive(String eventId, ReferralCreatedV1 event) {
        return receiveAll(List.of(new Incoming(eventId, event))).map(n -> n == 1 ? Outcome.STORED : Outcome.DUPLICATE);
    }

    /**
     * Stores a batch of referral events in one transaction (one round of queries for the whole batch, which is what
     * keeps up with a burst). Returns how many were new; events already seen, by referral id or event id, and repeats
     * within the batch are left out.
     */
    public Uni<Integer> receiveAll(List<Incoming> batch) {
        List<String> referralIds = batch.stream().map(i -> i.event().referralId()).distinct().toList();
        List<String> eventIds = batch.stream().map(Incoming::eventId).distinct().toList();
        return Panache.withTransaction(() -> ReferralEntity.<ReferralEntity>list(
                        "referralId in ?1 or eventId in ?2", referralIds, eventIds)
                .chain(seen -> {
                    Set<String> known = new HashSet<>();
                    seen.forEach(r -> {
                        known.add("r:" + r.referralId);
                        known.add("e:" + r.eventId);
                    });
                    List<Incoming> fresh = new ArrayList<>();
                    for (Incoming i : batch) {
                        if (known.add("r:" + i.event().referralId()) & known.add("e:" + i.eventId())) {
                            fresh.add(i);
                        }
                    }
                    return fresh.isEmpty() ? Uni.createFrom().item(0) : store(fresh).replaceWith(fresh.size());
                }));
    }

    private Uni<Void> store(List<Incoming> fresh) {
        Instant now = deadlines.now();
        List<ReferralEntity> referrals = new ArrayList<>();
        List<RoutingDecision> decisions = new ArrayList<>();
        Set<String> orgIds = new HashSet<>();
        for (Incoming i : fresh) {
            ReferralCreatedV1 e = i.event();
            RoutingDecision decision = resolver.resolve(new RoutingRequest(e.line(), e.severity(), e.municipalityCode(),
                    e.ageBand(), e.handledBySite(), e.createdAt()));
            decisions.add(decision);
            referrals.add(toEntity(i.eventId(), e, decision, now));
            orgIds.add(decision.recipient().id());
            decision.copies().forEach(c -> orgIds.add(c.id()));
        }
        return Panache.getSession()
                .chain(s -> s.persistAll(referrals.toArray()).chain(s::flush))
                .chain(() -> DeliverySettingsEntity.<DeliverySettingsEntity>list("organisationId in ?1", orgIds))
                .chain(settings -> {
                    Set<String> pushed = settings.stream().filter(w -> DeliverySettingsEntity.WEBHOOK.equals(w.mode))
                            .map(w -> w.organisationId).collect(Collectors.toSet());
                    Set<String> mailed = settings.stream().filter(w -> w.mailbox != null)
                            .map(w -> w.organisationId).collect(Collectors.toSet());
                    List<Object> rows = new ArrayList<>();
                    for (int k = 0; k < referrals.size(); k++) {
                        ReferralEntity r = referrals.get(k);
                        RoutingDecision decision = decisions.get(k);
                        List<Organisation> readers = new ArrayList<>();
                        readers.add(decision.recipient());
                        readers.addAll(decision.copies());
                        for (Organisation o : readers) {
                            rows.add(inboxEntry(r, o, o == decision.recipient(), now));
                            if (pushed.contains(o.id())) {
                                rows.add(pushes.pending(r.referralId, o.id(), now));
                            }
                            if (mailed.contains(o.id())) {
                                rows.add(mails.arrived(r.referralId, o.id(), now));
                            }
                        }
                        rows.add(statusEvents.event(r, ReferralStatus.ROUTED, now, null));
                        if (!pushed.contains(decision.recipient().id())) {
                            // Inbox only: stored and visible in the inbox is delivered.
                            r.progress = Progress.DELIVERED.name();
                            r.deliveredAt = now;
                            rows.add(statusEvents.event(r, ReferralStatus.DELIVERED, now, null));
                        }
                    }
                    return Panache.getSession().chain(s -> s.persistAll(rows.toArray()));
                });
    }

    private ReferralEntity toEntity(String eventId, ReferralCreatedV1 e, RoutingDecision d, Instant now) {
        ReferralEntity r = new ReferralEntity();
        r.referralId = e.referralId();
        r.eventId = eventId;
        r.contactId = e.contactId();
        r.line = e.line().name();
        r.handledBySite = e.handledBySite().name();
        r.severity = e.severity().name();
        r.acute = d.acute();
        r.createdAt = e.createdAt();
        r.deadlineAt = e.deadlineAt(); // computed once by core, never recomputed here
        r.municipalityCode = e.municipalityCode();
        r.ageBand = e.ageBand() == null ? "UNKNOWN" : e.ageBand().name();
        r.concernCategory = e.concernCategory();
        r.legalBasis = e.legalBasis();
        // Sealed by core with the event keys (end to end); stored under routing's own data keys.
        r.description = eventFields.open(SEALED_IN, "description", e.referralId(), e.description());
        if (e.callerContact() != null) {
            r.callerName = eventFields.open(SEALED_IN, "caller_name", e.referralId(), e.callerContact().name());
            r.callerPhone = eventFields.open(SEALED_IN, "caller_phone", e.referralId(), e.callerContact().phone());
            r.callerEmail = eventFields.open(SEALED_IN, "caller_email", e.referralId(), e.callerContact().email());
        }
        r.recipientId = d.recipient().id();
        r.recipientName = d.recipient().name();
        r.routingRule = d.rule().name();
        r.explanation = d.explanation();
        r.routingReason = RoutingReasonColumn.write(d.reason());
        r.referenceVersion = d.referenceVersion();
        r.receivedAt = now;
        r.progress = Progress.ROUTED.name();
        return r;
    }

    private static InboxEntryEntity inboxEntry(ReferralEntity r, Organisation o, boolean primary, Instant now) {
        InboxEntryEntity i = new InboxEntryEntity();
        i.referralId = r.referralId;
        i.organisationId = o.id();
        i.role = primary ? InboxEntryEntity.PRIMARY : InboxEntryEntity.COPY;
        i.createdAt = now;
        return i;
    }

}
