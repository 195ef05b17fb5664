package dk.hotline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses every manifest under deploy/k8s and holds them to what production needs: images that {@code -Pimages}
 * builds, probes, resources, disruption budgets, network policies, non-root containers, secrets only by
 * reference, and the operators' resources (Strimzi with three brokers and RF 3 / min ISR 2, CloudNativePG,
 * Keycloak). Plain JUnit: no cluster needed.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Repo.ROOT.resolve("deploy/k8s");
    private static final Pattern SECRET_NAME = Pattern.compile("(.*_)?(SECRET|PASSWORD|KEYS?|TOKEN)(_.*)?");
    private static final Set<String> SERVICES = Set.of("hotline-core", "telephony-adapter", "routing");

    /** Every document of every manifest, with the file it came from. */
    private static final List<Doc> DOCS = new ArrayList<>();

    record Doc(String file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + ": " + kind() + " " + name();
        }
    }

    @BeforeAll
    static void parseEveryManifest() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (it.hasNext()) {
                        JsonNode node = it.next();
                        if (node != null && !node.isEmpty()) {
                            DOCS.add(new Doc(file.getFileName().toString(), node));
                        }
                    }
                }
            }
        }
        assertThat(DOCS).isNotEmpty();
    }

    @Test
    void everyManifestIsInTheKustomizationExceptTheSecretTemplate() throws IOException {
        JsonNode kustomization = only("Kustomization").node();
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.list(K8S)) {
            all.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.equals("secret.template.yaml"))
                    .forEach(files::add);
        }
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void everyResourceNamesItselfAndBelongsToHotline() {
        for (Doc doc : DOCS) {
            if (doc.kind().equals("Kustomization")) {
                continue;
            }
            assertThat(doc.node().path("apiVersion").asText()).as("%s apiVersion", doc).isNotBlank();
            assertThat(doc.name()).as("%s name", doc).isNotBlank();
            assertThat(doc.node().path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as("%s part-of label", doc).isEqualTo("hotline");
        }
    }

    @Test
    void eachServiceRunsTheImageThatTheImagesProfileBuilds() throws IOException {
        String pom = Files.readString(Repo.ROOT.resolve("pom.xml"));
        String registry = tag(pom, "hotline.image.registry");
        String version = tag(pom, "version");
        Map<String, String> images = new HashMap<>();
        for (Doc d : of("Deployment")) {
            images.put(d.name(), d.node().at("/spec/template/spec/containers/0/image").asText());
        }
        assertThat(images.keySet()).isEqualTo(SERVICES);
        images.forEach((service, image) -> assertThat(image).as(service).isEqualTo(registry + "/" + service + ":" + version));
    }

    @Test
    void everyServiceRunsTwiceAsANonRootReadOnlyContainerWithProbesAndResources() {
        for (Doc d : of("Deployment")) {
            assertThat(d.node().at("/spec/replicas").asInt()).as("%s replicas", d).isGreaterThanOrEqualTo(2);
            JsonNode pod = d.node().at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("%s runAsNonRoot", d).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as("%s runAsUser", d).isPositive();
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as("%s service account token", d).isFalse();
            for (JsonNode c : pod.path("containers")) {
                String what = d + " container " + c.path("name").asText();
                assertHardened(what, c.path("securityContext"));
                assertThat(c.at("/readinessProbe/httpGet/path").asText()).as("%s readiness", what).isEqualTo("/q/health/ready");
                assertThat(c.at("/livenessProbe/httpGet/path").asText()).as("%s liveness", what).isEqualTo("/q/health/live");
                assertThat(c.at("/resources/requests/cpu").asText()).as("%s cpu request", what).isNotBlank();
                assertThat(c.at("/resources/requests/memory").asText()).as("%s memory request", what).isNotBlank();
                assertThat(c.at("/resources/limits/memory").asText()).as("%s memory limit", what).isNotBlank();
            }
        }
    }

    @Test
    void secretsReachTheContainersOnlyByReferenceToKeysTheTemplateDefines() {
        Map<String, Set<String>> templated = new HashMap<>();
        for (Doc s : of("Secret")) {
            assertThat(s.file()).as("%s: a Secret with values only in the template", s).isEqualTo("secret.template.yaml");
            Set<String> keys = new HashSet<>();
            s.node().path("stringData").properties().forEach(e -> {
                keys.add(e.getKey());
                if (!e.getKey().equals("username")) {
                    assertThat(e.getValue().asText()).as("%s %s is a placeholder", s, e.getKey()).matches("\\$\\{[A-Z_]+}");
                }
            });
            templated.put(s.name(), keys);
        }
        for (Doc d : of("Deployment")) {
            for (JsonNode c : d.node().at("/spec/template/spec/containers")) {
                for (JsonNode env : c.path("env")) {
                    String name = env.path("name").asText();
                    JsonNode ref = env.at("/valueFrom/secretKeyRef");
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(env.has("value")).as("%s %s has a literal value", d, name).isFalse();
                        assertThat(ref.isMissingNode()).as("%s %s from a secret", d, name).isFalse();
                    }
                    if (!ref.isMissingNode()) {
                        assertThat(templated.getOrDefault(ref.path("name").asText(), Set.of()))
                                .as("%s %s: secret %s", d, name, ref.path("name").asText())
                                .contains(ref.path("key").asText());
                    }
                }
            }
        }
        for (Doc cm : of("ConfigMap")) {
            cm.node().path("data").fieldNames().forEachRemaining(key ->
                    assertThat(key).as("%s holds no secret", cm).doesNotMatch(SECRET_NAME));
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetThatLeavesOneRunning() {
        for (Doc d : of("Deployment")) {
            JsonNode labels = d.node().at("/spec/template/metadata/labels");
            List<Doc> budgets = of("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.node().at("/spec/selector/matchLabels"), labels)).toList();
            assertThat(budgets).as("%s PodDisruptionBudget", d).hasSize(1);
            int minAvailable = budgets.get(0).node().at("/spec/minAvailable").asInt();
            assertThat(minAvailable).as("%s minAvailable", d).isBetween(1, d.node().at("/spec/replicas").asInt() - 1);
        }
    }

    @Test
    void ingressIsDeniedByDefaultAndOpenedPerServiceOnItsPorts() {
        assertThat(of("NetworkPolicy")).anySatisfy(p -> {
            assertThat(p.node().at("/spec/podSelector").isEmpty()).isTrue();
            assertThat(p.node().at("/spec/policyTypes").toString()).contains("Ingress");
            assertThat(p.node().at("/spec/ingress").isMissingNode()).isTrue();
        });
        for (Doc d : of("Deployment")) {
            JsonNode labels = d.node().at("/spec/template/metadata/labels");
            List<Doc> policies = of("NetworkPolicy").stream()
                    .filter(p -> !p.node().at("/spec/podSelector").isEmpty())
                    .filter(p -> selects(p.node().at("/spec/podSelector/matchLabels"), labels)).toList();
            assertThat(policies).as("%s NetworkPolicy", d).isNotEmpty();
            Set<Integer> opened = new HashSet<>();
            policies.forEach(p -> p.node().at("/spec/ingress").forEach(rule -> {
                assertThat(rule.path("from").isEmpty()).as("%s: a rule names who may connect", p).isFalse();
                rule.path("ports").forEach(port -> opened.add(port.path("port").asInt()));
            }));
            Set<Integer> declared = new HashSet<>();
            d.node().at("/spec/template/spec/containers").forEach(c ->
                    c.path("ports").forEach(port -> declared.add(port.path("containerPort").asInt())));
            assertThat(opened).as("%s ports opened", d).isEqualTo(declared);
        }
    }

    @Test
    void kafkaIsAStrimziClusterOfThreeBrokersReplicatingEveryTopicThreeTimesWithTwoInSync() {
        Doc kafka = only("Kafka");
        assertThat(kafka.node().at("/apiVersion").asText()).startsWith("kafka.strimzi.io/");
        int brokers = 0;
        for (Doc pool : of("KafkaNodePool")) {
            assertThat(pool.node().at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.name());
            if (pool.node().at("/spec/roles").toString().contains("broker")) {
                brokers += pool.node().at("/spec/replicas").asInt();
            }
            assertThat(pool.node().at("/spec/template/pod/securityContext/runAsNonRoot").asBoolean()).as("%s", pool).isTrue();
            assertHardened(pool + " kafka", pool.node().at("/spec/template/kafkaContainer/securityContext"));
            assertThat(pool.node().at("/spec/resources/limits/memory").asText()).as("%s memory limit", pool).isNotBlank();
        }
        assertThat(brokers).isEqualTo(3);
        JsonNode config = kafka.node().at("/spec/kafka/config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("transaction.state.log.min.isr").asInt()).isEqualTo(2);
        assertThat(config.path("unclean.leader.election.enable").asBoolean(true)).isFalse();

        Set<String> topics = new TreeSet<>();
        for (Doc topic : of("KafkaTopic")) {
            topics.add(topic.name());
            assertThat(topic.node().at("/spec/replicas").asInt()).as("%s replicas", topic).isEqualTo(3);
            assertThat(topic.node().at("/spec/config/min.insync.replicas").asInt()).as("%s min ISR", topic).isEqualTo(2);
        }
        assertThat(topics).containsExactlyInAnyOrder("hotline.rotation", "hotline.calls", "hotline.referrals", "hotline.deliveries",
                "hotline.calls.dlq", "hotline.deliveries.dlq", "hotline.referrals.dlq", "hotline.rotation.dlq");
    }

    @Test
    void postgresIsACloudNativePgClusterWithReplicasAndTheServicesDatabases() {
        Doc cluster = only("Cluster");
        assertThat(cluster.node().at("/apiVersion").asText()).startsWith("postgresql.cnpg.io/");
        assertThat(cluster.node().at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(cluster.node().at("/spec/resources/limits/memory").asText()).isNotBlank();
        assertThat(cluster.node().at("/spec/bootstrap/initdb/secret/name").asText()).isEqualTo("hotline-postgres-app");
        Set<String> databases = new HashSet<>();
        databases.add(cluster.node().at("/spec/bootstrap/initdb/database").asText());
        of("Database").forEach(db -> databases.add(db.node().at("/spec/name").asText()));
        assertThat(databases).contains("hotline_core", "hotline_routing", "keycloak");
        String configuredHost = only("ConfigMap").node().at("/data/HOTLINE_PG_HOST").asText();
        assertThat(configuredHost).isEqualTo(cluster.name() + "-rw");
    }

    @Test
    void keycloakIsRunByItsOperatorTwiceWithCredentialsFromSecrets() {
        Doc keycloak = only("Keycloak");
        assertThat(keycloak.node().at("/apiVersion").asText()).startsWith("k8s.keycloak.org/");
        assertThat(keycloak.node().at("/spec/instances").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(keycloak.node().at("/spec/db/passwordSecret/name").asText()).isNotBlank();
        assertThat(keycloak.node().at("/spec/db/usernameSecret/name").asText()).isNotBlank();
        assertThat(keycloak.node().at("/spec/resources/limits/memory").asText()).isNotBlank();
        JsonNode pod = keycloak.node().at("/spec/unsupported/podTemplate/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertHardened("keycloak", pod.at("/containers/0/securityContext"));
    }

    private static void assertHardened(String what, JsonNode securityContext) {
        assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).as("%s readOnlyRootFilesystem", what).isTrue();
        assertThat(securityContext.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", what).isFalse();
        assertThat(securityContext.at("/capabilities/drop").toString()).as("%s drops capabilities", what).contains("\"ALL\"");
        assertThat(securityContext.path("runAsNonRoot").asBoolean(true)).as("%s runAsNonRoot", what).isTrue();
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        for (var e : matchLabels.properties()) {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    private static List<Doc> of(String kind) {
        return DOCS.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private static Doc only(String kind) {
        List<Doc> docs = of(kind);
        assertThat(docs).as(kind).hasSize(1);
        return docs.get(0);
    }

    /** The first {@code <name>…</name>} of the root pom after its parent-less header: the project's own. */
    private static String tag(String pom, String name) {
        String body = pom.substring(pom.indexOf("<artifactId>hotline-parent</artifactId>"));
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(body);
        assertThat(m.find()).as("<%s> in pom.xml", name).isTrue();
        return m.group(1).trim();
    }
}
