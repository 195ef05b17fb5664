package dk.hotline.routing.referral;

import dk.hotline.platform.jobs.OncePerCluster;
import dk.hotline.platform.jobs.PeriodicJobs;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.recipient.DeliverySettingsEntity;
import dk.hotline.routing.referral.domain.DeadlinePolicy;
import dk.hotline.routing.referral.domain.Progress;
import dk.hotline.routing.referral.domain.ReferralStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds referrals not acknowledged by their deadline: marks them overdue once, escalates them to the supervisors of
 * the on-duty site and publishes {@code overdue} then {@code escalated}. The site is the referral's
 * {@code handledBySite}: the site that took the call is the one whose supervisors know the case (routing has no
 * rotation replica of its own). The rule itself is {@link DeadlinePolicy} (plain Java, with a Clock).
 */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);
    private static final int BATCH = 200;

    private final DeadlinePolicy deadlines;
    private final StatusEvents statusEvents;
    private final OncePerCluster once;
    private final Duration dueSoon;
    private final MailNotices mails;

    public DeadlineSweeper(DeadlinePolicy deadlines, StatusEvents statusEvents, MailNotices mails, Pool pool,
                           RoutingConfig config) {
        this.mails = mails;
        this.dueSoon = config.deadline().dueSoon();
        this.deadlines = deadlines;
        this.statusEvents = statusEvents;
        this.once = new OncePerCluster(pool);
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs, RoutingConfig config) {
        // One sweeper per cluster at a time (docs/decisions/periodic-jobs.md); SKIP LOCKED below keeps even
        // overlapping sweeps on disjoint rows.
        jobs.every("deadline sweeper", config.deadline().sweepInterval(), () -> once.run("deadline sweep", this::sweepDue));
    }

    public Uni<Void> sweepDue() {
        return sweep().chain(n -> n >= BATCH ? sweepDue() : Uni.createFrom().voidItem())
                .chain(this::noticeDueSoon)
                .onFailure().invoke(f -> LOG.warnf("Deadline sweep failed, will retry: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /** Escalates what is overdue now; returns how many referrals were escalated. */
    public Uni<Integer> sweep() {
        Instant now = deadlines.now();
        return Panache.withTransaction(() -> Panache.getSession()
                // HQL, not a native select *: the entity's converted (encrypted) columns must go through Hibernate's mapping.
                // SKIP LOCKED, so several instances sweep disjoint rows.
                .chain(s -> s.createSelectionQuery("from ReferralEntity where acknowledgedAt is null and overdueAt is null"
                                + " and deadlineAt < :now order by deadlineAt", ReferralEntity.class)
                        .setParameter("now", now)
                        .setMaxResults(BATCH)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList())
                .chain(referrals -> {
                    List<Object> rows = new ArrayList<>();
                    List<ReferralEntity> overdue = new ArrayList<>();
                    for (ReferralEntity r : referrals) {
                        if (!deadlines.overdue(r.deadlineAt, Progress.valueOf(r.progress))) {
                            continue;
                        }
                        String reason = deadlines.overdueReason(r.deadlineAt, r.handledBySite);
                        r.overdueAt = now;
                        overdue.add(r);
                        EscalationEntity e = new EscalationEntity();
                        e.referralId = r.referralId;
                        e.site = r.handledBySite;
                        e.reason = reason;
                        e.createdAt = now;
                        rows.add(e);
                        rows.add(statusEvents.event(r, ReferralStatus.OVERDUE, now, reason));
                        rows.add(statusEvents.event(r, ReferralStatus.ESCALATED, now, reason));
                    }
                    int escalated = rows.size() / 3;
                    List<String> owners = overdue.stream().map(r -> r.recipientId).distinct().toList();
                    return rows.isEmpty() ? Uni.createFrom().item(0)
                            : DeliverySettingsEntity.<DeliverySettingsEntity>list("organisationId in ?1 and mailbox is not null", owners)
                            .chain(mailed -> {
                                Set<String> withMailbox = mailed.stream().map(d -> d.organisationId).collect(Collectors.toSet());
                                overdue.stream().filter(r -> withMailbox.contains(r.recipientId))
                                        .forEach(r -> rows.add(mails.overdue(r.referralId, r.recipientId, now)));
                                return Panache.getSession().chain(s -> s.persistAll(rows.toArray()));
                            })
                            .replaceWith(escalated);
                }));
    }

    /** Tells the mailbox of each recipient, once, that a deadline is near (not acknowledged, within the window). */
    public Uni<Void> noticeDueSoon() {
        Instant now = deadlines.now();
        return Panache.withTransaction(() -> mails.deadlinesNear(now, now.plus(dueSoon), BATCH))
                .onFailure().invoke(f -> LOG.warnf("Deadline-near notices failed, will retry: %s", f.toString()))
                .onFailure().recoverWithNull();
    }
}
