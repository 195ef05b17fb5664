package dk.hotline.platform.problem;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures a PostgreSQL restart produced in the chaos run, each answered 503 with Retry-After, not 500. */
class StorageOutageTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aRefusedConnectionIsAnOutage() {
        assertUnavailable(new CompletionException(new ConnectException("Connection refused: /127.0.0.1:16432")));
    }

    @Test
    void aConnectionLostUnderATransactionIsAnOutage() {
        // Hibernate Reactive reports the failed begin and the failed rollback together.
        assertUnavailable(new CompositeException(new IllegalStateException("begin failed"),
                ClosedConnectionException.INSTANCE));
    }

    @Test
    void theServerShuttingDownOrStartingUpIsAnOutage() {
        assertUnavailable(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null));
        assertUnavailable(new PgException("the database system is starting up", "FATAL", "57P03", null));
        assertUnavailable(new PgException("connection failure", "FATAL", "08006", null));
    }

    @Test
    void anotherServiceNotAnsweringInTimeIsAnOutage() {
        assertUnavailable(new CompletionException(new java.net.http.HttpTimeoutException("request timed out")));
        assertUnavailable(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out"));
    }

    @Test
    void aConstraintOrAProgrammingErrorIsNot() {
        assertThat(mapper.unexpected(new PgException("duplicate key value", "ERROR", "23505", null)).getStatus())
                .isEqualTo(500);
        assertThat(mapper.unexpected(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
    }

    private void assertUnavailable(Throwable failure) {
        Response answer = mapper.unexpected(failure);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("3");
        assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(((Problem) answer.getEntity()).type()).endsWith("unavailable");
    }
}
