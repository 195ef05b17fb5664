package dk.hotline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What `deploy/local/hotline up` gives each service (deploy/local/services.env, local demo values), pointed at the
 * servers named by the environment (HOTLINE_PG_PORT, HOTLINE_KAFKA_BOOTSTRAP, HOTLINE_KEYCLOAK_URL, as the test stack
 * exports them) and at databases of the caller's choosing.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, Map<String, String>> of(Path repo, String coreDatabase, String routingDatabase) {
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        for (String module : List.of("hotline-core", "telephony-adapter", "routing")) {
            Map<String, String> common = new HashMap<>();
            common.put("HOTLINE_PG_HOST", "127.0.0.1");
            common.put("HOTLINE_PG_PORT", pgPort());
            common.put("HOTLINE_KAFKA_BOOTSTRAP", kafkaBootstrap());
            common.put("HOTLINE_KEYCLOAK_URL", keycloakUrl());
            common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            common.put("QUARKUS_HTTP_PORT", Integer.toString(ServiceProcess.freePort()));
            env.put(module, common);
        }
        readServicesEnv(repo, env);
        env.get("hotline-core").put("HOTLINE_PG_DATABASE", coreDatabase);
        env.get("routing").put("HOTLINE_PG_DATABASE", routingDatabase);
        env.get("hotline-core").put("HOTLINE_ROUTING_URL", "http://127.0.0.1:" + env.get("routing").get("QUARKUS_HTTP_PORT"));
        Map<String, String> telephony = env.get("telephony-adapter");
        env.get("hotline-core").put("HOTLINE_TELEPHONY_URL", "http://127.0.0.1:" + telephony.get("QUARKUS_HTTP_PORT"));
        telephony.put("HOTLINE_CORE_URL", "http://127.0.0.1:" + env.get("hotline-core").get("QUARKUS_HTTP_PORT"));
        telephony.put("HOTLINE_AGI_BIND", "127.0.0.1");
        telephony.put("HOTLINE_AGI_PORT", Integer.toString(ServiceProcess.freePort()));
        // No Asterisk here: the adapter keeps trying its manager port and routes calls without it.
        telephony.put("HOTLINE_AMI_PORT", Integer.toString(ServiceProcess.freePort()));
        return env;
    }

    static String pgPort() {
        return get("HOTLINE_PG_PORT", "55432");
    }

    static String kafkaBootstrap() {
        return get("HOTLINE_KAFKA_BOOTSTRAP", "127.0.0.1:59092");
    }

    static String keycloakUrl() {
        return get("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58080");
    }

    static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void readServicesEnv(Path repo, Map<String, Map<String, String>> env) {
        List<String> lines;
        try {
            lines = Files.readAllLines(repo.resolve("deploy/local/services.env"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            String key = l.substring(0, eq);
            String value = l.substring(eq + 1);
            int colon = key.indexOf(':');
            if (colon < 0) {
                env.values().forEach(m -> m.put(key, value));
            } else {
                env.get(key.substring(0, colon)).put(key.substring(colon + 1), value);
            }
        }
    }
}
