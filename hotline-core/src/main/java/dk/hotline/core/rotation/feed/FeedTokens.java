package dk.hotline.core.rotation.feed;

import dk.hotline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Creates, lists, revokes and checks the per-person feed tokens of the duty calendar. */
@ApplicationScoped
public class FeedTokens {

    /** At most this many live tokens per person: enough for a few devices, not a leak factory. */
    static final int MAX_LIVE = 10;

    public record Issued(UUID id, String token, Instant createdAt) {
    }

    public record Listed(UUID id, Instant createdAt, Instant revokedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public FeedTokens(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Issued> issue(String owner) {
        return FeedToken.count("owner = ?1 and revokedAt is null", owner).flatMap(live -> {
            if (live >= MAX_LIVE) {
                throw ProblemException.conflict("too-many-feed-tokens", "Too many calendar subscriptions",
                        "Revoke one of your " + MAX_LIVE + " calendar links first", List.of());
            }
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            FeedToken row = new FeedToken();
            row.id = UUID.randomUUID();
            row.tokenHash = hash(token);
            row.owner = owner;
            row.createdAt = clock.instant();
            return row.persist().replaceWith(new Issued(row.id, token, row.createdAt));
        });
    }

    @WithSession
    public Uni<List<Listed>> list(String owner) {
        return FeedToken.<FeedToken>find("owner = ?1 order by createdAt desc", owner).list()
                .map(rows -> rows.stream().map(r -> new Listed(r.id, r.createdAt, r.revokedAt)).toList());
    }

    /** Revokes one of the owner's tokens; another person's token is "not found". Revoking twice changes nothing. */
    @WithTransaction
    public Uni<Listed> revoke(String owner, UUID id) {
        return FeedToken.<FeedToken>findById(id).map(row -> {
            if (row == null || !row.owner.equals(owner)) {
                throw ProblemException.notFound("Calendar link " + id);
            }
            if (row.revokedAt == null) {
                row.revokedAt = clock.instant();
            }
            return new Listed(row.id, row.createdAt, row.revokedAt);
        });
    }

    /** Whether the token is a live one (unknown and revoked tokens alike: false). */
    @WithSession
    public Uni<Boolean> valid(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Uni.createFrom().item(false);
        }
        return FeedToken.count("tokenHash = ?1 and revokedAt is null", hash(token)).map(n -> n > 0);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
