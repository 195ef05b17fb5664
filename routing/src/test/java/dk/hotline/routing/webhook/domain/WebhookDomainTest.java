package dk.hotline.routing.webhook.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDomainTest {

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void signatureIsHmacSha256OverTimestampDotBody() {
        // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret-of-16-chars'
        assertThat(signer.sign("secret-of-16-chars", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=6afe8e0515c786f952e78841359526cea20c88134915def7d76dd52f6b4fe08d");
    }

    @Test
    void verifyRejectsAnotherBodyTimestampOrSecret() {
        String sig = signer.sign("secret-of-16-chars", 1_700_000_000L, "{\"a\":1}");
        assertThat(signer.verify("secret-of-16-chars", 1_700_000_000L, "{\"a\":1}", sig)).isTrue();
        assertThat(signer.verify("secret-of-16-chars", 1_700_000_000L, "{\"a\":2}", sig)).isFalse();
        assertThat(signer.verify("secret-of-16-chars", 1_700_000_001L, "{\"a\":1}", sig)).isFalse();
        assertThat(signer.verify("another-secret-16", 1_700_000_000L, "{\"a\":1}", sig)).isFalse();
        assertThat(signer.verify("secret-of-16-chars", 1_700_000_000L, "{\"a\":1}", null)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterBetweenHalfAndFull() {
        RetryPolicy low = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 5, () -> 0.0);
        RetryPolicy high = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 5, () -> 0.999_999);
        assertThat(low.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(low.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delayAfter(3)).isBetween(Duration.ofMillis(7_999), Duration.ofSeconds(8));
        assertThat(low.delayAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(high.delayAfter(40)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void exhaustedAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, () -> 0.5);
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
    }
}
