package dk.hotline.routing.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.routing.common.RoutingConfig;
import dk.hotline.routing.referral.StatusEvents;
import dk.hotline.routing.recipient.DeliverySettingsEntity;
import dk.hotline.routing.referral.ReferralEntity;
import dk.hotline.routing.referral.ReferralView;
import dk.hotline.routing.referral.domain.Progress;
import dk.hotline.routing.referral.domain.ReferralLifecycle;
import dk.hotline.routing.referral.domain.Transition;
import dk.hotline.routing.webhook.domain.RetryPolicy;
import dk.hotline.routing.webhook.domain.WebhookSigner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import dk.hotline.platform.jobs.PeriodicJobs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pushes referrals to the webhooks of the organisations that configured one. State lives in
 * {@code webhook_delivery}, so retries survive a restart:
 * <ol>
 *   <li>claim due deliveries ({@code for update skip locked}, so instances share the work), count the attempt and
 *       reserve them for a lease: if this process dies mid-call, another picks the delivery up when the lease ends;</li>
 *   <li>POST outside any transaction (signed, with an idempotency key so a receiver can drop the rare repeat after a
 *       crash between its 2xx and our commit);</li>
 *   <li>record the outcome: delivered, retry later with backoff and jitter, or dead letter after N attempts.</li>
 * </ol>
 * The attempt number is the claim's fencing token: a failure is recorded only while the delivery is still on the
 * attempt this instance claimed. An instance whose attempt outlived its lease (a stalled process) must not cut
 * short the lease of the instance that claimed it next, or a third instance pushes it while the second still is.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String NOT_CONFIGURED = "webhook no longer configured";

    private final WebClient client;
    private final ObjectMapper mapper;
    private final WebhookSigner signer;
    private final RetryPolicy retry;
    private final RoutingConfig config;
    private final Clock clock;
    private final ReferralLifecycle lifecycle;
    private final StatusEvents statusEvents;

    public WebhookDispatcher(Vertx vertx, ObjectMapper mapper, WebhookSigner signer, RetryPolicy retry,
                             RoutingConfig config, Clock clock, ReferralLifecycle lifecycle, StatusEvents statusEvents) {
        // One connection per delivery of a batch: a queue for a pooled connection would eat into the timeout and
        // turn a slow pool into failed attempts (and repeated pushes).
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(config.webhook().batchSize())
                .setKeepAlive(true));
        this.mapper = mapper;
        this.signer = signer;
        this.retry = retry;
        this.config = config;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.statusEvents = statusEvents;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record Attempt(WebhookDeliveryEntity delivery, ReferralEntity referral, DeliverySettingsEntity settings) {
    }

    /** What one claimed attempt came to; {@code attempt} is the attempt number it claimed (its fencing token). */
    record Result(long deliveryId, int attempt, Integer status, String error) {
        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }
    }

    void start(@Observes StartupEvent event, PeriodicJobs jobs) {
        if (config.webhook().lease().compareTo(config.webhook().timeout()) <= 0) {
            // A live instance's attempt would outlive its lease, and another instance would push it too.
            throw new IllegalStateException("routing.webhook.lease (" + config.webhook().lease()
                    + ") must be longer than routing.webhook.timeout (" + config.webhook().timeout() + ")");
        }
        jobs.every("webhook dispatcher", config.webhook().pollInterval(), this::dispatchDue);
    }

    public Uni<Void> dispatchDue() {
        return dispatchBatch().chain(n -> n >= config.webhook().batchSize() ? dispatchDue() : Uni.createFrom().voidItem())
                .onFailure().invoke(f -> LOG.warnf("Webhook dispatch failed, will retry: %s", f.toString()))
                .onFailure().recoverWithNull();
    }

    /** One round: claim, push, record. Returns how many deliveries were attempted. */
    public Uni<Integer> dispatchBatch() {
        return claim().chain(attempts -> {
            if (attempts.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Context context = io.vertx.core.Vertx.currentContext();
            List<Uni<Result>> pushes = attempts.stream().map(this::push).toList();
            return Uni.join().all(pushes).andCollectFailures()
                    // HTTP responses arrive on the client's event loop; record outcomes back on our context.
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .chain(this::record)
                    .replaceWith(attempts.size());
        });
    }

    private Uni<List<Attempt>> claim() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select * from webhook_delivery where state = 'PENDING'"
                                + " and next_attempt_at <= :now order by next_attempt_at limit :n for update skip locked",
                        WebhookDeliveryEntity.class)
                        .setParameter("now", now)
                        .setParameter("n", config.webhook().batchSize())
                        .getResultList())
                .chain(deliveries -> {
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().item(List.<Attempt>of());
                    }
                    for (WebhookDeliveryEntity d : deliveries) {
                        d.attempts++;
                        d.nextAttemptAt = now.plus(config.webhook().lease());
                    }
                    List<String> referralIds = deliveries.stream().map(d -> d.referralId).distinct().toList();
                    List<String> orgIds = deliveries.stream().map(d -> d.organisationId).distinct().toList();
                    return ReferralEntity.<ReferralEntity>list("referralId in ?1", referralIds)
                            .chain(referrals -> DeliverySettingsEntity.<DeliverySettingsEntity>list("organisationId in ?1", orgIds)
                                    .map(settings -> {
                                        Map<String, ReferralEntity> r = referrals.stream()
                                                .collect(Collectors.toMap(x -> x.referralId, Function.identity()));
                                        Map<String, DeliverySettingsEntity> s = settings.stream()
                                                .collect(Collectors.toMap(x -> x.organisationId, Function.identity()));
                                        List<Attempt> out = new ArrayList<>();
                                        for (WebhookDeliveryEntity d : deliveries) {
                                            out.add(new Attempt(d, r.get(d.referralId), s.get(d.organisationId)));
                                        }
                                        return out;
                                    }));
                }));
    }

    private Uni<Result> push(Attempt a) {
        long id = a.delivery().id;
        int attempt = a.delivery().attempts;
        if (a.settings() == null || !DeliverySettingsEntity.WEBHOOK.equals(a.settings().mode)) {
            return Uni.createFrom().item(new Result(id, attempt, null, NOT_CONFIGURED));
        }
        String body;
        try {
            body = mapper.writeValueAsString(ReferralView.of(a.referral(), a.referral().recipientId.equals(a.delivery().organisationId)));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new Result(id, attempt, null, "body not serialisable"));
        }
        long timestamp = clock.instant().getEpochSecond();
        return client.postAbs(a.settings().webhookUrl)
                .timeout(config.webhook().timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSigner.SIGNATURE_HEADER, signer.sign(a.settings().webhookSecret, timestamp, body))
                .putHeader(WebhookSigner.IDEMPOTENCY_HEADER, a.delivery().idempotencyKey)
                .putHeader(WebhookSigner.EVENT_TYPE_HEADER, "dk.hotline.referral.delivered.v1")
                .sendBuffer(Buffer.buffer(body))
                .map(response -> new Result(id, attempt, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .onFailure().recoverWithItem(f -> new Result(id, attempt, null, f.getClass().getSimpleName()));
    }

    /** Records the outcomes of one batch's attempts in one transaction. */
    Uni<Void> record(List<Result> results) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Result result : results) {
                chain = chain.chain(() -> WebhookDeliveryEntity.<WebhookDeliveryEntity>findById(result.deliveryId())
                        .chain(d -> outcome(d, result, now)));
            }
            return chain;
        });
    }

    private Uni<Void> outcome(WebhookDeliveryEntity d, Result result, Instant now) {
        if (!WebhookDeliveryEntity.PENDING.equals(d.state)) {
            // Another instance's later claim of it was recorded first: this attempt's lease had run out.
            LOG.infof("Webhook delivery %d attempt %d answered (%s) after attempt %d had recorded it", d.id,
                    result.attempt(), result.ok() ? "HTTP " + result.status() : result.error(), d.attempts);
            return Uni.createFrom().voidItem();
        }
        boolean success = result.ok() || NOT_CONFIGURED.equals(result.error());
        if (!success && d.attempts != result.attempt()) {
            // Another instance claimed it after our lease ran out and is pushing it now: its lease stands.
            LOG.infof("Webhook delivery %d attempt %d failed after attempt %d was claimed (%s); left to that claim",
                    d.id, result.attempt(), d.attempts, result.error());
            return Uni.createFrom().voidItem();
        }
        d.lastStatus = result.status();
        d.lastError = result.error();
        if (success) {
            d.state = WebhookDeliveryEntity.DELIVERED;
            d.deliveredAt = now;
            // Lock the referral: an acknowledgement may be committing at the same moment.
            return ReferralEntity.<ReferralEntity>findById(d.referralId, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
                if (!r.recipientId.equals(d.organisationId)) {
                    return Uni.createFrom().voidItem();
                }
                Transition t = lifecycle.delivered(Progress.valueOf(r.progress));
                if (!t.changed()) {
                    return Uni.createFrom().voidItem();
                }
                r.progress = t.progress().name();
                r.deliveredAt = now;
                return statusEvents.record(r, t.events(), now, null);
            });
        }
        if (retry.exhausted(d.attempts)) {
            d.state = WebhookDeliveryEntity.DEAD;
            d.deadAt = now;
            LOG.warnf("Webhook delivery %d (referral %s to %s) dead-lettered after %d attempts: %s",
                    d.id, d.referralId, d.organisationId, d.attempts, result.error());
        } else {
            d.nextAttemptAt = retry.nextAttempt(now, d.attempts);
            // Counted by RestartMidBurstIT: a failed attempt the receiver may have got is repeated, by design.
            LOG.infof("Webhook delivery %d attempt %d failed (%s); next attempt at %s", d.id, d.attempts,
                    result.error(), d.nextAttemptAt);
        }
        return Uni.createFrom().voidItem();
    }
}
