package dk.hotline.core.http;

import io.smallrye.mutiny.Uni;

/**
 * Lets database work that a request started finish even when the client goes
 * away. Without it, a client that disconnects (a closed tab, a gateway
 * timeout) cancels the Hibernate Reactive pipeline mid-transaction, and with
 * Quarkus 3.29 that can leak the pool connection for good (quarkusio/quarkus#51576,
 * hibernate-reactive#2926): under load the pool runs dry and the outbox relay
 * stops. A memoized Uni does not pass a downstream cancellation upstream, so
 * the transaction commits or rolls back and the connection returns to the pool.
 */
public final class Shield {

    private Shield() {
    }

    public static <T> Uni<T> fromCancellation(Uni<T> work) {
        return work.memoize().indefinitely();
    }
}
