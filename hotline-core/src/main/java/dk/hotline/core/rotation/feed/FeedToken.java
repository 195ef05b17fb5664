package dk.hotline.core.rotation.feed;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person's calendar subscription: only the hash of its secret is kept. */
@Entity
@Table(name = "calendar_feed_token")
public class FeedToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public String tokenHash;

    public String owner;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
