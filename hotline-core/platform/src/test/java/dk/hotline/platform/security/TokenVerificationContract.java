package dk.hotline.platform.security;

import io.restassured.RestAssured;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The checks every service's token test makes against the {@link FakeKeycloak}: a realm
 * token is accepted, forged and unverifiable ones are 401 with no call to the realm
 * beyond (rate-limited) key fetches and at most one WARN line between them.
 */
public final class TokenVerificationContract {

    private TokenVerificationContract() {
    }

    /** Loggers whose lines have nothing to do with a request's token (a broker being away, say). */
    private static final List<String> UNRELATED = List.of("org.apache.kafka", "io.smallrye.reactive.messaging",
            "dk.hotline.core.outbox", "dk.hotline.routing.outbox", "dk.hotline.telephony.ami", "dk.hotline.telephony.routing.rotation");

    /** WARN-or-worse log records written while {@code action} runs, as "logger: message", other loggers' noise aside. */
    public static List<String> warningsDuring(Runnable action) {
        List<String> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && UNRELATED.stream().noneMatch(logger::startsWith)) {
                    synchronized (records) {
                        records.add(logger + ": " + record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            action.run();
        } finally {
            root.removeHandler(handler);
        }
        return records;
    }

    public static int status(String path, String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get(path).statusCode();
    }

    public static Map<String, Object> noClaims() {
        return Map.of();
    }
}
