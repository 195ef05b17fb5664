package dk.hotline.telephony.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.telephony.call.domain.CallerHasher;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.KafkaTopics;
import dk.hotline.telephony.testsupport.ScheduleJsonSamples;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real SIP calls through the real Asterisk 20 (HOTLINE_ASTERISK_HOME) running the project's deploy/asterisk/ files,
 * the packaged adapter and the packaged core on the test stack's PostgreSQL, Kafka and Keycloak. SIPp plays the telco
 * and the advisors' softphones. Each scenario checks the life cycle the adapter published and what core recorded.
 * Without an Asterisk the suite is skipped, saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealPbxIT {

    private static final Logger LOG = Logger.getLogger(RealPbxIT.class);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String NATIONAL = "70102030";
    private static final String COPENHAGEN_LOCAL = "33669900";
    private static final String CALLER_HASH_SECRET = "pbx-suite-caller-hash-secret";
    private static final String PHONE_SECRET = "pbx-suite-phone-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every caller number this suite used: none may be found in clear in what Asterisk wrote. */
    private final List<String> callers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final CallerHasher hasher = new CallerHasher(CALLER_HASH_SECRET);

    private RealAsterisk pbx;
    private Sipp sipp;
    private PackagedService core;
    private PackagedService adapter;
    private KafkaTopics.Reader calls;
    private RealAsterisk.Ports pbxPorts;
    private AmiLinkProxy amiLink;
    private String coreDatabase;
    private long scheduleVersion = System.currentTimeMillis();
    private final String rotationTopic = "pbx-suite.rotation." + java.util.UUID.randomUUID();
    /**
     * The suite's own call topic and core's own consumer group on it: a group shared with an earlier run (or another
     * suite) of the reused test stack made core wait for the old member's session to time out before it read
     * anything, and the first scenario timed out waiting for core's record.
     */
    private final String callsTopic = "pbx-suite.calls." + java.util.UUID.randomUUID();
    private final String coreCallsGroup = "pbx-suite-core-" + java.util.UUID.randomUUID();
    private TestStackKafka kafka;
    private CorePresence presence;
    private CoreTransfers transfers;
    private Path runFolder;

    @BeforeAll
    void start() throws IOException {
        Optional<Path> home = RealAsterisk.find(TARGET.resolve("asterisk"));
        if (home.isEmpty()) {
            LOG.warn("no Asterisk: skipped (set HOTLINE_ASTERISK_HOME to the unpacked Asterisk 20 and SIPp, or to "
                    + "the folder of their tarballs)");
            Assumptions.abort("no Asterisk: skipped (HOTLINE_ASTERISK_HOME not set or holds no Asterisk)");
        }
        Optional<Path> sippBinary = RealAsterisk.findSipp(home.get());
        Assumptions.assumeTrue(sippBinary.isPresent(), "no SIPp beside the Asterisk: skipped");
        for (String module : List.of("hotline-core", "telephony-adapter")) {
            assertThat(PackagedService.jar(REPO, module)).as("the packaged %s (mvn package)", module).isRegularFile();
        }
        Path run = Files.createTempDirectory(TARGET, "real-pbx-");
        runFolder = run;
        pbxPorts = new RealAsterisk.Ports(RealAsterisk.freePort(ports), RealAsterisk.freePort(ports),
                RealAsterisk.freePort(ports), RealAsterisk.freePort(ports));
        String amiSecret = "pbx-suite-ami-secret";

        // The line is open at Aarhus now (Copenhagen for its own line), whatever core's own schedule says (a
        // version above any of core's).
        publishSchedules(false);
        KafkaTopics.createTopic(callsTopic, 3);
        calls = new KafkaTopics.Reader(callsTopic);
        calls.records();

        int amiLinkPort = RealAsterisk.freePort(ports);
        amiLink = new AmiLinkProxy(amiLinkPort, pbxPorts.ami());
        Map<String, Map<String, String>> env = environment();
        env.get("telephony-adapter").putAll(Map.of(
                "HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", Integer.toString(amiLinkPort),
                "HOTLINE_AMI_SECRET", amiSecret, "HOTLINE_AGI_BIND", "127.0.0.1",
                "HOTLINE_AGI_PORT", Integer.toString(pbxPorts.agi()),
                "HOTLINE_CALLER_HASH_SECRET", CALLER_HASH_SECRET,
                // The suite's own schedules, on a topic of its own: the shared test stack's hotline.rotation
                // stays core's.
                "MP_MESSAGING_INCOMING_ROTATION_TOPIC", rotationTopic,
                "MP_MESSAGING_OUTGOING_CALLS_TOPIC", callsTopic));
        env.get("hotline-core").putAll(Map.of("HOTLINE_CALLS_TOPIC", callsTopic,
                "MP_MESSAGING_INCOMING_CALLS_GROUP_ID", coreCallsGroup));
        core = PackagedService.start(REPO, "hotline-core", env.get("hotline-core"), run.resolve("services"));
        adapter = PackagedService.start(REPO, "telephony-adapter", env.get("telephony-adapter"),
                run.resolve("services"));
        pbx = RealAsterisk.start(home.get(), run.resolve("asterisk"), pbxPorts, amiSecret, PHONE_SECRET);
        sipp = new Sipp(sippBinary.get(), pbxPorts.sip(), run.resolve("sipp"));
        core.awaitUp("/q/health/ready");
        adapter.awaitUp("/q/health/well");
        awaitAdapterAnswers("QUEUE");
        KafkaTopics.awaitAssigned(coreCallsGroup, callsTopic);
        // The queues have no static members: each site's phone rings only once signed in, as an advisor does it.
        presence = new CorePresence("http://127.0.0.1:" + env.get("hotline-core").get("QUARKUS_HTTP_PORT"),
                setting("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58180"));
        transfers = new CoreTransfers("http://127.0.0.1:" + env.get("telephony-adapter").get("QUARKUS_HTTP_PORT"),
                setting("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58180"),
                env.get("hotline-core").get("HOTLINE_OIDC_CLIENT_SECRET"));
        assertThat(presence.signIn("advisor-aarhus-1", "AARHUS").path("applied").asBoolean()).isTrue();
        assertThat(presence.signIn("advisor-cph-1", "COPENHAGEN").path("applied").asBoolean()).isTrue();
    }

    @AfterAll
    void stop() {
        if (kafka != null && !kafka.isRunning()) {
            kafka.start();
        }
        for (AutoCloseable c : new AutoCloseable[] {pbx, adapter, core, calls, amiLink}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warnf("stopping %s: %s", c, e.getMessage());
                }
            }
        }
    }

    private Map<String, Map<String, String>> environment() throws IOException {
        coreDatabase = "hotline_core_pbx";
        return SuiteEnvironment.services(REPO, ports, coreDatabase);
    }

    private static String setting(String name, String fallback) {
        return SuiteEnvironment.setting(name, fallback);
    }

    private void publishSchedules(boolean closed) {
        scheduleVersion++;
        Instant now = Instant.now();
        KafkaTopics.publishSchedule(rotationTopic, "NATIONAL", closed
                ? ScheduleJsonSamples.closedAt(now, "NATIONAL", scheduleVersion, "AARHUS")
                : ScheduleJsonSamples.openNow("NATIONAL", scheduleVersion, "AARHUS"));
        KafkaTopics.publishSchedule(rotationTopic, "COPENHAGEN_LOCAL", closed
                ? ScheduleJsonSamples.closedAt(now, "COPENHAGEN_LOCAL", scheduleVersion, "COPENHAGEN")
                : ScheduleJsonSamples.openNow("COPENHAGEN_LOCAL", scheduleVersion, "COPENHAGEN"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Numbers of this run only (the test stack's topic may hold earlier runs' calls). */
    private final int callerBase = new java.util.Random().nextInt(8_000_000) + 1_000_000;

    private String newCaller() {
        String number = String.format("+452%07d", callerBase + callers.size());
        callers.add(number);
        return number;
    }

    private int sipPort() {
        return RealAsterisk.freePort(ports);
    }

    /** The life-cycle events the adapter published for the call from {@code caller}, in order. */
    private List<JsonNode> eventsOf(String caller) {
        String hash = hasher.hash(caller);
        List<JsonNode> out = new ArrayList<>();
        for (var record : calls.records()) {
            try {
                JsonNode event = JSON.readTree(record.value());
                if (hash.equals(event.path("callerHash").asText(null))) {
                    out.add(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private List<String> states(List<JsonNode> events) {
        return events.stream().map(e -> e.path("state").asText()).toList();
    }

    private List<JsonNode> awaitFinal(String caller, String finalState) {
        await("the call of " + caller + " " + finalState).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> states(eventsOf(caller)).contains(finalState));
        return eventsOf(caller);
    }

    /** Core's record of the call (call_record), read straight from its database. */
    private Map<String, String> coreRecordAwaited(String callId, String state) {
        Map<String, String> row = new LinkedHashMap<>();
        await("core records call " + callId + " as " + state).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    row.clear();
                    row.putAll(coreRecord(callId));
                    return state.equals(row.get("state"));
                });
        return row;
    }

    private Map<String, String> coreRecord(String callId) {
        List<String> command = List.of("/usr/lib/postgresql/15/bin/psql", "-h", "127.0.0.1", "-p",
                setting("HOTLINE_PG_PORT", "55433"), "-U", "hotline", "-d", coreDatabase, "-tA", "-F", "|", "-c",
                "select state, coalesce(site,''), coalesce(queue,''), coalesce(advisor_endpoint,''), "
                        + "coalesce(end_reason,''), coalesce(caller_hash,'') from call_record where call_id = '"
                        + callId.replaceAll("[^0-9.]", "") + "'");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "hotline");
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (out.isEmpty() || p.exitValue() != 0) {
                return Map.of();
            }
            String[] f = out.split("\\|", -1);
            return Map.of("state", f[0], "site", f[1], "queue", f[2], "advisorEndpoint", f[3], "endReason", f[4],
                    "callerHash", f[5]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRegistered(String endpoint) {
        await(endpoint + " registered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> pbx.cli("pjsip show contacts").contains(endpoint + "/sip:"));
    }

    private void awaitUnregistered(String endpoint) {
        await(endpoint + " unregistered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> !pbx.cli("pjsip show contacts").contains(endpoint + "/sip:"));
    }

    private static JsonNode first(List<JsonNode> events, String state) {
        return events.stream().filter(e -> state.equals(e.path("state").asText())).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ scenarios

    @Test
    @Order(1)
    void answeredNationalCallEndsWhenTheCallerHangsUp() {
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(14), false);
        awaitRegistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(4), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "ENDED");
        JsonNode offered = first(events, "OFFERED");
        assertThat(offered.path("routing").path("action").asText()).isEqualTo("QUEUE");
        assertThat(offered.path("site").asText()).isEqualTo("AARHUS");
        assertThat(offered.path("queue").asText()).isEqualTo("hotline-aarhus");
        assertThat(first(events, "CONNECTED").path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(first(events, "ENDED").path("endReason").asText()).isEqualTo("CALLER_HANGUP");
        Map<String, String> record = coreRecordAwaited(offered.path("callId").asText(), "ENDED");
        assertThat(record).containsEntry("site", "AARHUS").containsEntry("advisorEndpoint", "advisor-aarhus-1")
                .containsEntry("endReason", "CALLER_HANGUP").containsEntry("callerHash", hasher.hash(caller));
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
    }

    @Test
    @Order(2)
    void answeredCallEndsWhenTheAdvisorHangsUp() {
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(12), true);
        awaitRegistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ZERO, false);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        assertThat(first(events, "ENDED").path("endReason").asText()).isEqualTo("ADVISOR_HANGUP");
        coreRecordAwaited(first(events, "OFFERED").path("callId").asText(), "ENDED");
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
    }

    @Test
    @Order(3)
    void copenhagensOwnLineRingsCopenhagen() {
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-cph-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-cph-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), COPENHAGEN_LOCAL, caller, Duration.ofSeconds(3), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        JsonNode connected = first(events, "CONNECTED");
        assertThat(connected.path("line").asText()).isEqualTo("COPENHAGEN_LOCAL");
        assertThat(connected.path("site").asText()).isEqualTo("COPENHAGEN");
        assertThat(connected.path("advisorEndpoint").asText()).isEqualTo("advisor-cph-1");
        coreRecordAwaited(connected.path("callId").asText(), "ENDED");
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
        awaitUnregistered("advisor-cph-1");
    }

    @Test
    @Order(4)
    void garbageOnTheFastAgiPortLeavesRoutingWorking() throws IOException {
        for (byte[] garbage : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, (byte) 0xff, '\n', '\n'})) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), pbxPorts.agi());
                 OutputStream out = s.getOutputStream()) {
                out.write(garbage);
                out.flush();
            }
        }
        // The next call (abandoned below) is still routed by the adapter: its OFFERED carries the adapter's answer.
    }

    @Test
    @Order(5)
    void callerHangingUpInTheQueueIsAbandoned() {
        awaitUnregistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(5), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ABANDONED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "ABANDONED");
        assertThat(first(events, "OFFERED").path("routing").path("degraded").asBoolean()).isFalse();
        coreRecordAwaited(first(events, "OFFERED").path("callId").asText(), "ABANDONED");
    }

    @Test
    @Order(6)
    void noAdvisorInAarhusOverflowsToCopenhagen() {
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-cph-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-cph-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(3), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        JsonNode offered = first(events, "OFFERED");
        assertThat(offered.path("routing").path("action").asText()).isEqualTo("OVERFLOW");
        assertThat(offered.path("routing").path("overflowReason").asText()).isEqualTo("NO_ADVISOR_AVAILABLE");
        assertThat(first(events, "CONNECTED").path("advisorEndpoint").asText()).isEqualTo("advisor-cph-1");
        coreRecordAwaited(offered.path("callId").asText(), "ENDED");
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
    }

    @Test
    @Order(7)
    void amiLinkCutMidCallAndBackTheCallIsStillFollowedToItsEnd() throws IOException {
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(25), false);
        awaitRegistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(12), true);
        await("connected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> states(eventsOf(caller)).contains("CONNECTED"));
        long logLinesBefore = Files.readAllLines(adapter.log()).size();
        amiLink.down();
        try {
            await("the adapter lost AMI").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !adapter.isUp("/q/health/well"));
            // While the manager port refuses it, the adapter tries again after 0.5 s, 1 s, 2 s, ... (docs/telephony.md).
            await("the adapter backs off").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> retryWaits(logLinesBefore).size() >= 3);
            assertThat(retryWaits(logLinesBefore)).startsWith("PT0.5S", "PT1S", "PT2S");
        } finally {
            amiLink.up();
        }
        adapter.awaitUp("/q/health/well");

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "ENDED");
        coreRecordAwaited(first(events, "OFFERED").path("callId").asText(), "ENDED");
        assertThat(phone.await(Duration.ofSeconds(40))).as("phone SIPp, see %s", phone.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");
    }

    @Test
    @Order(8)
    void closedLinePlaysTheWholeClosedMessageAndHangsUp() throws IOException {
        publishSchedules(true);
        awaitAdapterAnswers("CLOSED");
        String caller = newCaller();
        long started = System.nanoTime();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ZERO, false);

        assertThat(call.await(Duration.ofSeconds(90))).as("telco SIPp, see %s", call.log()).isZero();
        Duration lasted = Duration.ofNanos(System.nanoTime() - started);
        List<JsonNode> events = awaitFinal(caller, "CLOSED");
        assertThat(first(events, "OFFERED").path("routing").path("action").asText()).isEqualTo("CLOSED");
        // Wait(1), the closed message, the next opening (5 prompts at least) and goodbye: the PBX hung up after them.
        assertThat(lasted).isGreaterThan(Duration.ofSeconds(1).plus(promptLength("custom/hotline-closed"))
                .plus(promptLength("custom/hotline-opens-again")).plus(promptLength("custom/hotline-goodbye")));
        assertThat(Files.readString(pbx.messagesLog())).doesNotContain("does not exist in any format");
        coreRecordAwaited(first(events, "OFFERED").path("callId").asText(), "CLOSED");
        publishSchedules(false);
        awaitAdapterAnswers("QUEUE");
    }

    // ---------------------------------------------------------------- transfer (issue 18)

    /**
     * A national call answered in Aarhus, handed on through the adapter's transfer API (as core asks it) to
     * {@code body}'s target, answered there by {@code receiver}: CONNECTED twice, the second numbered and transferred
     * from the first advisor, then ENDED when the caller hangs up. The AMI stream of the call is recorded to the run
     * folder as {@code transcript} (copied to src/test/resources/transcripts for CallTrackerTranscriptTest).
     */
    private List<JsonNode> transferredCall(String body, String receiver, String transcript) {
        Sipp.Run first = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(40), false);
        Sipp.Run second = sipp.phone(sipPort(), receiver, PHONE_SECRET, Duration.ofSeconds(50), false);
        awaitRegistered("advisor-aarhus-1");
        awaitRegistered(receiver);
        String caller = newCaller();
        amiLink.recorder().recordTo(runFolder.resolve(transcript), body + " answered by " + receiver);
        try {
            Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(20), true);
            await("connected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> states(eventsOf(caller)).contains("CONNECTED"));
            String callId = first(eventsOf(caller), "CONNECTED").path("callId").asText();

            var answer = transfers.transfer(callId, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

            assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
            List<JsonNode> events = awaitFinal(caller, "ENDED");
            assertThat(first.await(Duration.ofSeconds(60))).as("first phone SIPp, see %s", first.log()).isZero();
            assertThat(second.await(Duration.ofSeconds(60))).as("second phone SIPp, see %s", second.log()).isZero();
            coreRecordAwaited(callId, "ENDED");
            return events;
        } finally {
            amiLink.recorder().stop();
        }
    }

    /** The CloudEvents ids (ce_id header) the adapter published for {@code callId}, in order. */
    private List<String> eventIds(String callId) {
        return calls.recordsFor(callId).stream().map(r -> {
            var header = r.headers().lastHeader("ce_id");
            return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        }).toList();
    }

    @Test
    @Order(9)
    void aCallTransferredToTheOtherSitesQueueIsConnectedAgainThere() {
        // advisor-cph-1 is a member of Copenhagen's queue (signed in before all).
        List<JsonNode> events = transferredCall("{\"target\":\"SITE\",\"site\":\"COPENHAGEN\"}", "advisor-cph-1",
                "T10-blind-transfer-to-site.txt");

        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "CONNECTED", "ENDED");
        List<JsonNode> connected = events.stream().filter(e -> "CONNECTED".equals(e.path("state").asText())).toList();
        assertThat(connected.get(0).path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(connected.get(0).path("transferredFrom").isMissingNode()
                || connected.get(0).path("transferredFrom").isNull()).isTrue();
        assertThat(connected.get(1).path("advisorEndpoint").asText()).isEqualTo("advisor-cph-1");
        assertThat(connected.get(1).path("transferredFrom").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(connected.get(1).path("site").asText()).isEqualTo("COPENHAGEN");
        assertThat(connected.get(1).path("queue").asText()).isEqualTo("hotline-copenhagen");
        JsonNode ended = first(events, "ENDED");
        assertThat(ended.path("advisorEndpoint").asText()).isEqualTo("advisor-cph-1");
        assertThat(ended.path("endReason").asText()).isEqualTo("CALLER_HANGUP");
        String callId = ended.path("callId").asText();
        assertThat(eventIds(callId)).containsExactly(callId + "/OFFERED", callId + "/QUEUED", callId + "/CONNECTED",
                callId + "/CONNECTED/2", callId + "/ENDED");
        awaitUnregistered("advisor-aarhus-1");
        awaitUnregistered("advisor-cph-1");
    }

    @Test
    @Order(10)
    void aCallTransferredToANamedColleagueIsConnectedToTheirPhone() {
        // advisor-aarhus-2 is no queue member: the transfer dials their phone.
        List<JsonNode> events = transferredCall("{\"target\":\"COLLEAGUE\",\"endpoint\":\"advisor-aarhus-2\"}",
                "advisor-aarhus-2", "T11-blind-transfer-to-colleague.txt");

        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "CONNECTED", "ENDED");
        JsonNode again = events.get(3);
        assertThat(again.path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-2");
        assertThat(again.path("transferredFrom").asText()).isEqualTo("advisor-aarhus-1");
        JsonNode ended = first(events, "ENDED");
        assertThat(ended.path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-2");
        String callId = ended.path("callId").asText();
        assertThat(eventIds(callId)).contains(callId + "/CONNECTED/2");
        awaitUnregistered("advisor-aarhus-1");
        awaitUnregistered("advisor-aarhus-2");
    }

    /** The waits the adapter announced between its AMI login attempts after line {@code from} of its log, in order. */
    private List<String> retryWaits(long from) throws IOException {
        return Files.readAllLines(adapter.log()).stream().skip(from)
                .filter(l -> l.contains("AMI connection") && l.contains("retrying in"))
                .map(l -> l.replaceAll(".*retrying in (\\S+).*", "$1")).toList();
    }

    /** Asks the adapter over FastAGI, as Asterisk would, until it answers {@code action} for the national line. */
    private void awaitAdapterAnswers(String action) {
        await("the adapter answers " + action).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(pbxPorts.agi(),
                            FakeAsterisk.agiHeaders("1.1", NATIONAL, "<unknown>"));
                    return action.equals(answer.variable("HOTLINE_ACTION"))
                            && "false".equals(answer.variable("HOTLINE_DEGRADED"));
                });
    }

    private static Duration promptLength(String prompt) throws IOException {
        Path wav = RealAsterisk.DEPLOY.resolve("sounds/da/" + prompt + ".wav");
        // 8 kHz, 16-bit mono: 16000 bytes a second after the 44-byte header.
        return Duration.ofMillis((Files.size(wav) - 44) * 1000 / 16000);
    }

    // ---------------------------------------------------------------- queue presence (issue 18)

    /** The queue line of {@code endpoint} as Asterisk shows it ("queue show"), or empty when not a member. */
    private String memberLine(String queue, String endpoint) {
        return pbx.cli("queue show " + queue).lines().filter(l -> l.contains("(PJSIP/" + endpoint + ")")).findFirst()
                .orElse("");
    }

    @Test
    @Order(20)
    void aPausedPhoneIsNotRungAndRingsAgainOnceResumed() {
        JsonNode paused = presence.set("advisor-aarhus-1", "AARHUS", "PAUSED", "BREAK");
        assertThat(paused.path("applied").asBoolean()).isTrue();
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-1")).contains("paused").contains("BREAK");
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-aarhus-1");
        String waiting = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, waiting, Duration.ofSeconds(5), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(waiting, "ABANDONED");
        // Aarhus' phone, registered and answering any call it is offered, is on a break: the caller waits in the
        // queue (Copenhagen has nobody free to overflow to) and nobody is rung.
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "ABANDONED");
        assertThat(first(events, "OFFERED").path("site").asText()).isEqualTo("AARHUS");
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");

        assertThat(presence.signIn("advisor-aarhus-1", "AARHUS").path("applied").asBoolean()).isTrue();
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-1")).doesNotContain("paused");
        Sipp.Run again = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-aarhus-1");
        String answered = newCaller();

        Sipp.Run second = sipp.call(pbxPorts.telco(), NATIONAL, answered, Duration.ofSeconds(3), true);

        assertThat(second.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", second.log()).isZero();
        List<JsonNode> after = awaitFinal(answered, "ENDED");
        assertThat(first(after, "OFFERED").path("routing").path("action").asText()).isEqualTo("QUEUE");
        assertThat(first(after, "CONNECTED").path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        assertThat(again.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", again.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");
    }

    @Test
    @Order(21)
    void signingOutTakesThePhoneOutOfTheQueueAndSigningInPutsItBack() {
        assertThat(presence.set("advisor-aarhus-2", "AARHUS", "SIGNED_OUT", null).path("applied").asBoolean())
                .isTrue();
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-2")).isEmpty();
        assertThat(presence.signIn("advisor-aarhus-2", "AARHUS").path("applied").asBoolean()).isTrue();
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-2")).isNotEmpty().doesNotContain("paused");
        assertThat(presence.set("advisor-aarhus-2", "AARHUS", "SIGNED_OUT", null).path("applied").asBoolean())
                .isTrue();
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-2")).isEmpty();
    }

    @Test
    @Order(22)
    void asteriskRestartedWithoutItsMembersGetsThemBackFromTheAdapter() {
        assertThat(presence.set("advisor-cph-1", "COPENHAGEN", "PAUSED", "SUPERVISION").path("applied").asBoolean())
                .isTrue();

        pbx.restart(true);

        // Asterisk came back knowing no member; the adapter logs in again and re-asserts what the advisors asked for.
        await("members re-asserted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !memberLine("hotline-aarhus", "advisor-aarhus-1").isEmpty()
                        && !memberLine("hotline-copenhagen", "advisor-cph-1").isEmpty());
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-1")).doesNotContain("paused");
        assertThat(memberLine("hotline-copenhagen", "advisor-cph-1")).contains("paused").contains("SUPERVISION");
        adapter.awaitUp("/q/health/well");
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(3), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        assertThat(first(awaitFinal(caller, "ENDED"), "CONNECTED").path("advisorEndpoint").asText())
                .isEqualTo("advisor-aarhus-1");
        assertThat(phone.await(Duration.ofSeconds(30))).as("phone SIPp, see %s", phone.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");
        // Copenhagen's phone back to work for the scenarios that follow.
        assertThat(presence.signIn("advisor-cph-1", "COPENHAGEN").path("applied").asBoolean()).isTrue();
    }

    @Test
    @Order(23)
    void anAdapterRestartedWhileAsteriskLostItsMembersPutsBackWhatCoreKept() {
        assertThat(presence.set("advisor-cph-1", "COPENHAGEN", "PAUSED", "BREAK").path("applied").asBoolean())
                .isTrue();
        adapter.close();

        // Neither the new adapter's memory nor Asterisk (no AstDB) knows any member: only core does.
        pbx.restart(true);
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-1")).isEmpty();
        adapter.restart();
        adapter.awaitUp("/q/health/well");

        await("members put back from core").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !memberLine("hotline-aarhus", "advisor-aarhus-1").isEmpty()
                        && !memberLine("hotline-copenhagen", "advisor-cph-1").isEmpty());
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-1")).doesNotContain("paused");
        assertThat(memberLine("hotline-copenhagen", "advisor-cph-1")).contains("paused").contains("BREAK");
        assertThat(memberLine("hotline-aarhus", "advisor-aarhus-2")).as("signed out in scenario 21").isEmpty();
        awaitAdapterAnswers("QUEUE");
        assertThat(presence.signIn("advisor-cph-1", "COPENHAGEN").path("applied").asBoolean()).isTrue();
    }

    @Test
    @Order(90)
    void withCoreAndKafkaDownCallsAreRoutedByTheReplicaAndCoreRecordsThemOnceBack() {
        kafka = TestStackKafka.find(REPO, KafkaTopics.bootstrap()).orElse(null);
        Assumptions.assumeTrue(kafka != null, "the test stack's Kafka is not this repository's "
                + "(deploy/local/hotline infra or test): not stopped, scenario skipped");
        core.close();
        kafka.stop();
        // Routing reads only memory: the adapter still answers from its replica, not degraded.
        awaitAdapterAnswers("QUEUE");
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-aarhus-1", PHONE_SECRET, Duration.ofSeconds(14), false);
        awaitRegistered("advisor-aarhus-1");
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(4), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        assertThat(phone.await(Duration.ofSeconds(30))).as("Aarhus' phone answered; see %s", phone.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");
        kafka.start();
        core.restart();
        core.awaitUp("/q/health/ready");

        // The adapter held the call's events while Kafka was away and sends them now; core, back, records the call.
        List<JsonNode> events = awaitFinal(caller, "ENDED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "ENDED");
        JsonNode offered = first(events, "OFFERED");
        assertThat(offered.path("routing").path("action").asText()).isEqualTo("QUEUE");
        assertThat(offered.path("routing").path("degraded").asBoolean()).isFalse();
        assertThat(first(events, "CONNECTED").path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        Map<String, String> record = coreRecordAwaited(offered.path("callId").asText(), "ENDED");
        assertThat(record).containsEntry("site", "AARHUS").containsEntry("advisorEndpoint", "advisor-aarhus-1")
                .containsEntry("endReason", "CALLER_HANGUP");
    }

    @Test
    @Order(91)
    void withTheAdapterDownTheDialplanQueuesAtTheLinesFailSafeSite() {
        adapter.close();
        Sipp.Run phone = sipp.phone(sipPort(), "advisor-cph-1", PHONE_SECRET, Duration.ofSeconds(12), false);
        awaitRegistered("advisor-cph-1");
        String caller = newCaller();
        String before = pbx.cli("queue show hotline-copenhagen");

        Sipp.Run call = sipp.call(pbxPorts.telco(), COPENHAGEN_LOCAL, caller, Duration.ofSeconds(3), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        assertThat(phone.await(Duration.ofSeconds(30))).as("the Copenhagen phone answered; see %s", phone.log())
                .isZero();
        assertThat(pbx.cli("queue show hotline-copenhagen")).isNotEqualTo(before);
        assertThat(eventsOf(caller)).as("no adapter, no life cycle").isEmpty();
    }

    @Test
    @Order(100)
    void noCallerNumberInClearInAnythingAsteriskWrote() throws IOException {
        assertThat(callers).isNotEmpty();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pbx.runFolder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String caller : callers) {
                    if (content.contains(caller.substring(3))) {
                        found.add(file + " holds " + caller);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
