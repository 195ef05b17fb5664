package dk.hotline.platform.problem;

import io.smallrye.mutiny.CompositeException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a failure means the service could not reach its database (restarting, failing over, connection lost):
 * the client sent nothing wrong and may try again, so the answer is 503, never 500. Seen in the chaos run
 * (docs/RELIABILITY.md): a PostgreSQL restart turned requests into 500s before this. The same holds for a call to
 * another service it needs (Keycloak for a service token, the telephony adapter, routing) that timed out: the soak
 * saw two 500s from {@code java.net.http.HttpTimeoutException} while Keycloak was slow.
 * <p>
 * Classes are recognised by name, so that a service without the reactive SQL client (the telephony adapter) can
 * use the same mapper.
 */
final class StorageOutage {

    private static final Set<String> OUTAGE_CLASSES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",    // the connection went away under a query
            "io.vertx.core.impl.NoStackTraceTimeoutException", // no pooled connection came in time
            "java.net.http.HttpTimeoutException");              // another service did not answer in time (and connect)
    private static final String DATABASE_EXCEPTION = "io.vertx.sqlclient.DatabaseException";
    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (shut down, crash, cannot connect now). */
    private static final Pattern OUTAGE_SQL_STATE = Pattern.compile("\\((08\\w{3}|57P0[1-3])\\)$");

    private StorageOutage() {
    }

    static boolean in(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        todo.push(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            if (isOutage(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof CompositeException composite) {
                composite.getCauses().forEach(todo::push);
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof ConnectException || t instanceof ClosedChannelException) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (OUTAGE_CLASSES.contains(c.getName())) {
                return true;
            }
            if (c.getName().equals(DATABASE_EXCEPTION)) {
                return t.getMessage() != null && OUTAGE_SQL_STATE.matcher(t.getMessage().strip()).find();
            }
        }
        return false;
    }
}
