package dk.hotline.routing.notification;

import dk.hotline.routing.referral.MailNotices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Writes the notices a referral's changes ask for as pending {@code mail_notification} rows; {@link MailNotifier} sends them. */
@ApplicationScoped
public class PendingMails implements MailNotices {

    @Override
    public Object arrived(String referralId, String organisationId, Instant now) {
        return MailNotificationEntity.of(referralId, organisationId, MailNotificationEntity.Kind.ARRIVED, now);
    }

    @Override
    public Object overdue(String referralId, String organisationId, Instant now) {
        return MailNotificationEntity.of(referralId, organisationId, MailNotificationEntity.Kind.OVERDUE, now);
    }

    @Override
    public Uni<Void> deadlinesNear(Instant now, Instant near, int limit) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery("select r.referralId, r.recipientId from ReferralEntity r, DeliverySettingsEntity d"
                                + " where d.organisationId = r.recipientId and d.mailbox is not null and r.acknowledgedAt is null"
                                + " and r.overdueAt is null and r.deadlineAt >= :now and r.deadlineAt <= :near and not exists"
                                + " (select 1 from MailNotificationEntity n where n.referralId = r.referralId"
                                + " and n.organisationId = r.recipientId and n.kind = 'DEADLINE_NEAR')", Object[].class)
                        .setParameter("now", now)
                        .setParameter("near", near)
                        .setMaxResults(limit)
                        .getResultList())
                .chain(due -> due.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession().chain(s -> s.persistAll(
                        due.stream().map(row -> (Object) MailNotificationEntity.of((String) row[0], (String) row[1],
                                MailNotificationEntity.Kind.DEADLINE_NEAR, now)).toArray())));
    }
}
