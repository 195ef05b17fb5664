package dk.hotline.core.call;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.smallrye.mutiny.Uni;

/**
 * What a call connected to an advisor starts elsewhere (the advisor's draft log, in {@code contact}). The call
 * feature defines it and {@code contact} implements it, so the dependency runs one way: contact knows calls, calls
 * know no contacts. Not a CDI event: the work must join the transaction that records the event (a redelivered event
 * then finds its id and changes nothing), and CDI observers cannot take part in a reactive transaction.
 */
public interface CallConnected {

    /**
     * Runs inside the call event's transaction; must be idempotent by call id. Answers what to announce once that
     * transaction has committed (never before: a rolled-back draft must not be announced), or null.
     * {@code transferredFrom} is the endpoint of the advisor who handed the call on (a second CONNECTED), else null.
     * Every implementation runs, in no set order.
     */
    Uni<Runnable> connected(CallRecord call, Site site, Line line, String transferredFrom);
}
