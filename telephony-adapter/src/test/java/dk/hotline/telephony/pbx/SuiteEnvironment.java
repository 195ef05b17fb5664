package dk.hotline.telephony.pbx;

import dk.hotline.telephony.testsupport.KafkaTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of the packaged core and adapter next to the real PBX, as `hotline up` gives it
 * (deploy/local/services.env) on the test stack's PostgreSQL, Kafka and Keycloak, with ports of their own.
 */
final class SuiteEnvironment {

    static final String CORE = "hotline-core";
    static final String ADAPTER = "telephony-adapter";

    private SuiteEnvironment() {
    }

    /** Per module; core on {@code coreDatabase}, the adapter asking that core for its snapshot. */
    static Map<String, Map<String, String>> services(Path repo, List<Integer> ports, String coreDatabase)
            throws IOException {
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        for (String module : List.of(CORE, ADAPTER)) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("HOTLINE_PG_HOST", "127.0.0.1");
            m.put("HOTLINE_PG_PORT", setting("HOTLINE_PG_PORT", "55433"));
            m.put("HOTLINE_KAFKA_BOOTSTRAP", KafkaTopics.bootstrap());
            m.put("HOTLINE_KEYCLOAK_URL", setting("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58180"));
            m.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            m.put("QUARKUS_HTTP_PORT", Integer.toString(RealAsterisk.freePort(ports)));
            env.put(module, m);
        }
        for (String line : Files.readAllLines(repo.resolve("deploy/local/services.env"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String key = l.substring(0, l.indexOf('='));
            String value = l.substring(l.indexOf('=') + 1);
            int colon = key.indexOf(':');
            if (colon < 0) {
                env.values().forEach(m -> m.put(key, value));
            } else if (env.containsKey(key.substring(0, colon))) {
                env.get(key.substring(0, colon)).put(key.substring(colon + 1), value);
            }
        }
        // The local stack runs without a PBX and so does not require AMI; here a PBX is the point.
        env.get(ADAPTER).put("HOTLINE_AMI_REQUIRED", "true");
        env.get(CORE).put("HOTLINE_PG_DATABASE", coreDatabase);
        env.get(ADAPTER).put("HOTLINE_CORE_URL", "http://127.0.0.1:" + env.get(CORE).get("QUARKUS_HTTP_PORT"));
        env.get(CORE).put("HOTLINE_TELEPHONY_URL", "http://127.0.0.1:" + env.get(ADAPTER).get("QUARKUS_HTTP_PORT"));
        // Calls follow each other within seconds on the same phones: no follow-up pause after each call (the
        // automatic pause is proven against FakeAsterisk, QueuePresenceOverAmiTest, and on the real PBX by
        // RealCallbackAndWrapUpIT, which sets its own).
        env.get(ADAPTER).put("HOTLINE_WRAP_UP", "0s");
        return env;
    }

    static String setting(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
