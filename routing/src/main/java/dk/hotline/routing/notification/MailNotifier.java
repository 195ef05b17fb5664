package dk.hotline.routing.notification;

import dk.hotline.platform.jobs.PeriodicJobs;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.recipient.DeliverySettingsEntity;
import dk.hotline.routing.recipient.domain.Organisation;
import dk.hotline.routing.recipient.domain.RecipientDirectory;
import dk.hotline.routing.referral.ReferralEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Sends the pending e-mails to the organisations' functional mailboxes: what happened (arrived, deadline near,
 * overdue), the deadline and a link to the referral's page, never anything of the referral's content. Rows are
 * claimed with SKIP LOCKED so instances share the work; a failed send is retried with backoff, then given up (DEAD).
 */
@ApplicationScoped
public class MailNotifier {

    private static final Logger LOG = Logger.getLogger(MailNotifier.class);
    private static final int BATCH = 20;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da")).withZone(ZoneId.of("Europe/Copenhagen"));

    private final ReactiveMailer mailer;
    private final RecipientDirectory directory;
    private final MailMsg msg;
    private final Clock clock;
    private final RoutingConfig.Mail config;

    public MailNotifier(ReactiveMailer mailer, RecipientDirectory directory, MailMsg msg, Clock clock, RoutingConfig config) {
        this.mailer = mailer;
        this.directory = directory;
        this.msg = msg;
        this.clock = clock;
        this.config = config.mail();
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        jobs.every("mail notifier", config.pollInterval(), this::sendDue);
    }

    /** Sends what is due; returns how many were sent. */
    public Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createSelectionQuery("from MailNotificationEntity where state = 'PENDING'"
                                        + " and nextAttemptAt <= :now order by id", MailNotificationEntity.class)
                                .setParameter("now", now)
                                .setMaxResults(BATCH)
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                .getResultList())
                        .chain(due -> send(due, now)))
                .onFailure().invoke(f -> LOG.warnf("Mail notifications failed, will retry: %s", f.toString()))
                .onFailure().recoverWithItem(0);
    }

    private Uni<Integer> send(List<MailNotificationEntity> due, Instant now) {
        Uni<Integer> sent = Uni.createFrom().item(0);
        for (MailNotificationEntity n : due) {
            sent = sent.chain(count -> one(n, now).map(ok -> ok ? count + 1 : count));
        }
        return sent;
    }

    private Uni<Boolean> one(MailNotificationEntity n, Instant now) {
        return DeliverySettingsEntity.<DeliverySettingsEntity>findById(n.organisationId)
                .chain(settings -> ReferralEntity.<ReferralEntity>findById(n.referralId).chain(r -> {
                    if (settings == null || settings.mailbox == null || r == null) {
                        n.state = MailNotificationEntity.DEAD;
                        return Uni.createFrom().item(false);
                    }
                    return mailer.send(compose(n, r, settings.mailbox))
                            .map(v -> {
                                n.state = MailNotificationEntity.SENT;
                                n.sentAt = now;
                                return true;
                            })
                            .onFailure().recoverWithItem(f -> {
                                n.attempts++;
                                if (n.attempts >= config.maxAttempts()) {
                                    n.state = MailNotificationEntity.DEAD;
                                    LOG.warnf("Mail notification %d (referral %s) given up after %d attempts: %s",
                                            n.id, n.referralId, n.attempts, f.getClass().getSimpleName());
                                } else {
                                    n.nextAttemptAt = now.plus(Duration.ofSeconds(30L << Math.min(n.attempts, 8)));
                                }
                                return false;
                            });
                }));
    }

    /** The whole e-mail: organisation name, deadline and link only. */
    Mail compose(MailNotificationEntity n, ReferralEntity r, String mailbox) {
        String organisation = directory.find(n.organisationId).map(Organisation::name).orElse(n.organisationId);
        MailNotificationEntity.Kind kind = MailNotificationEntity.Kind.valueOf(n.kind);
        String subject = switch (kind) {
            case ARRIVED -> msg.mail_subject_ARRIVED(organisation);
            case DEADLINE_NEAR -> msg.mail_subject_DEADLINE_NEAR(organisation);
            case OVERDUE -> msg.mail_subject_OVERDUE(organisation);
        };
        String text = switch (kind) {
            case ARRIVED -> msg.mail_text_ARRIVED(organisation);
            case DEADLINE_NEAR -> msg.mail_text_DEADLINE_NEAR(organisation);
            case OVERDUE -> msg.mail_text_OVERDUE(organisation);
        };
        String link = config.publicUrl().replaceAll("/+$", "") + "/indbakke/" + r.referralId;
        String body = text + "\n\n" + msg.mail_deadline(SHOWN.format(r.deadlineAt)) + "\n\n" + msg.mail_link(link)
                + "\n\n" + msg.mail_footer();
        return Mail.withText(mailbox, subject, body).setFrom(config.from());
    }
}
