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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * What advisors and callers do beyond one call, on the real Asterisk 20 with SIPp phones, the packaged adapter and
 * the packaged core (set up as in {@link RealPbxIT}, with a callback offer and a follow-up pause of their own): a
 * caller who presses 1 is called back through a free advisor, a caller who hangs up is counted as abandoned without a
 * request, and an advisor's follow-up pause after a call keeps the next caller waiting until it ends by itself.
 * Skipped without an Asterisk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealCallbackAndWrapUpIT {

    private static final Logger LOG = Logger.getLogger(RealCallbackAndWrapUpIT.class);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String NATIONAL = "70102030";
    private static final String CALLER_HASH_SECRET = "pbx-callback-suite-caller-hash-secret";
    private static final String PHONE_SECRET = "pbx-callback-suite-phone-secret";
    private static final String CORE_DATABASE = "hotline_core_pbx";
    /**
     * The offer comes after 20 s in the queue: long enough that the follow-up pause scenario's caller, who waits for
     * at most the pause and a queue retry, is never offered it.
     */
    private static final String OFFER_AFTER = "20s";
    private static final String WRAP_UP = "10s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Integer> ports = new ArrayList<>();
    private final CallerHasher hasher = new CallerHasher(CALLER_HASH_SECRET);
    private final String rotationTopic = "pbx-callback-suite.rotation." + UUID.randomUUID();
    private final String callsTopic = "pbx-callback-suite.calls." + UUID.randomUUID();
    private final String coreCallsGroup = "pbx-callback-suite-core-" + UUID.randomUUID();
    private final int callerBase = new java.util.Random().nextInt(8_000_000) + 1_000_000;
    private int callerCount;

    private RealAsterisk pbx;
    private RealAsterisk.Ports pbxPorts;
    private Sipp sipp;
    private Path sippLogs;
    private PackagedService core;
    private PackagedService adapter;
    private KafkaTopics.Reader calls;
    private CorePresence presence;
    private String adapterSecret;

    @BeforeAll
    void start() throws IOException {
        Optional<Path> home = RealAsterisk.find(TARGET.resolve("asterisk"));
        if (home.isEmpty()) {
            LOG.warn("no Asterisk: skipped (set HOTLINE_ASTERISK_HOME)");
            Assumptions.abort("no Asterisk: skipped (HOTLINE_ASTERISK_HOME not set or holds no Asterisk)");
        }
        Optional<Path> sippBinary = RealAsterisk.findSipp(home.get());
        Assumptions.assumeTrue(sippBinary.isPresent(), "no SIPp beside the Asterisk: skipped");
        for (String module : List.of("hotline-core", "telephony-adapter")) {
            assertThat(PackagedService.jar(REPO, module)).as("the packaged %s (mvn package)", module).isRegularFile();
        }
        // A short name: Asterisk's control socket (run/asterisk/run/asterisk.ctl) must fit a Unix socket path.
        Path run = Files.createTempDirectory(TARGET, "pbx-cb-");
        pbxPorts = new RealAsterisk.Ports(RealAsterisk.freePort(ports), RealAsterisk.freePort(ports),
                RealAsterisk.freePort(ports), RealAsterisk.freePort(ports));
        String amiSecret = "pbx-callback-suite-ami-secret";

        // Both lines open now, national at Aarhus, whatever core's own schedule says (a version above core's).
        long version = System.currentTimeMillis();
        KafkaTopics.publishSchedule(rotationTopic, "NATIONAL", ScheduleJsonSamples.openNow("NATIONAL", version, "AARHUS"));
        KafkaTopics.publishSchedule(rotationTopic, "COPENHAGEN_LOCAL",
                ScheduleJsonSamples.openNow("COPENHAGEN_LOCAL", version, "COPENHAGEN"));
        KafkaTopics.createTopic(callsTopic, 3);
        calls = new KafkaTopics.Reader(callsTopic);
        calls.records();

        Map<String, Map<String, String>> env = SuiteEnvironment.services(REPO, ports, CORE_DATABASE);
        Map<String, String> adapterEnv = env.get(SuiteEnvironment.ADAPTER);
        adapterEnv.putAll(Map.of(
                "HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", Integer.toString(pbxPorts.ami()),
                "HOTLINE_AMI_SECRET", amiSecret, "HOTLINE_AGI_BIND", "127.0.0.1",
                "HOTLINE_AGI_PORT", Integer.toString(pbxPorts.agi()),
                "HOTLINE_CALLER_HASH_SECRET", CALLER_HASH_SECRET,
                "MP_MESSAGING_INCOMING_ROTATION_TOPIC", rotationTopic,
                "MP_MESSAGING_OUTGOING_CALLS_TOPIC", callsTopic,
                "HOTLINE_CALLBACK_OFFER_AFTER", OFFER_AFTER,
                "HOTLINE_WRAP_UP", WRAP_UP));
        adapterSecret = adapterEnv.get("HOTLINE_OIDC_CLIENT_SECRET");
        env.get(SuiteEnvironment.CORE).putAll(Map.of("HOTLINE_CALLS_TOPIC", callsTopic,
                "MP_MESSAGING_INCOMING_CALLS_GROUP_ID", coreCallsGroup));
        core = PackagedService.start(REPO, SuiteEnvironment.CORE, env.get(SuiteEnvironment.CORE), run.resolve("services"));
        adapter = PackagedService.start(REPO, SuiteEnvironment.ADAPTER, adapterEnv, run.resolve("services"));
        pbx = RealAsterisk.start(home.get(), run.resolve("asterisk"), pbxPorts, amiSecret, PHONE_SECRET);
        sippLogs = run.resolve("sipp");
        sipp = new Sipp(sippBinary.get(), pbxPorts.sip(), sippLogs);
        core.awaitUp("/q/health/ready");
        adapter.awaitUp("/q/health/well");
        awaitAdapterAnswersQueue();
        KafkaTopics.awaitAssigned(coreCallsGroup, callsTopic);
        presence = new CorePresence("http://127.0.0.1:" + env.get(SuiteEnvironment.CORE).get("QUARKUS_HTTP_PORT"),
                SuiteEnvironment.setting("HOTLINE_KEYCLOAK_URL", "http://127.0.0.1:58180"));
        // One phone in Aarhus' queue; Copenhagen's phone signed in but never registered (nobody to overflow to).
        assertThat(presence.signIn("advisor-aarhus-1", "AARHUS").path("applied").asBoolean()).isTrue();
        assertThat(presence.signIn("advisor-cph-1", "COPENHAGEN").path("applied").asBoolean()).isTrue();
        assertThat(presence.set("advisor-aarhus-2", "AARHUS", "SIGNED_OUT", null).path("applied").asBoolean()).isTrue();
        // The database is the real-PBX suites' own, kept between runs: requests an earlier run left open are given
        // up, as at a closing, so that the next callback placed is this run's.
        for (String line : List.of("NATIONAL", "COPENHAGEN_LOCAL")) {
            assertThat(presence.postAsService("telephony-adapter", adapterSecret, "/api/callbacks/close",
                    "{\"line\":\"" + line + "\"}").statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {pbx, adapter, core, calls}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warnf("stopping %s: %s", c, e.getMessage());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ scenarios

    @Test
    @Order(1)
    void aCallerWhoPresses1IsCalledBackThroughAFreeAdvisorAndTheNumberIsDropped() throws IOException {
        JsonNode before = callbacksToday();
        awaitUnregistered("advisor-aarhus-1");
        String caller = newCaller();

        // Nobody free: the caller waits past the offer, hears it, presses 1 (RFC 4733), the PBX says goodbye.
        Sipp.Run call = sipp.callPressing1(pbxPorts.telco(), NATIONAL, caller);

        assertThat(call.await(Duration.ofSeconds(120))).as("the PBX hung up on the caller; see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ABANDONED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "ABANDONED");
        String callId = first(events, "OFFERED").path("callId").asText();
        Map<String, String> request = callbackRequest(callId);
        assertThat(request).as("core's callback request of call %s", callId).containsEntry("state", "REQUESTED")
                .containsEntry("line", "NATIONAL").containsEntry("site", "AARHUS");
        assertThat(request.get("number")).as("the number, sealed at rest").isNotEmpty()
                .doesNotContain(caller.substring(3));
        // No advisor is free yet (none registered): nobody is rung, the request stays.
        assertThat(callbackRequest(callId)).containsEntry("state", "REQUESTED");

        // The caller's side of the telco answers the callback; then Aarhus' advisor registers, and is free.
        Path calleeMessages = sippLogs.resolve("telco-callee-messages.log");
        Path phoneMessages = sippLogs.resolve("advisor-aarhus-1-callback-messages.log");
        Sipp.Run callee = sipp.telcoAnswers(pbxPorts.telco(), calleeMessages);
        Sipp.Run phone = sipp.phoneTracingMessages(sipPort(), "advisor-aarhus-1", PHONE_SECRET,
                Duration.ofSeconds(40), false, phoneMessages);
        try {
            // The adapter rings the advisor first; once answered, the dialplan dials the caller and bridges the two.
            String[] legs = new String[2];
            await("the advisor and the caller bridged").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> bridgedCallback(legs));
            assertThat(callbackRequest(callId)).containsEntry("state", "DIALLING");
            assertThat(Files.readString(calleeMessages)).as("the telco was asked to call the caller's number")
                    .containsPattern("INVITE sip:" + Pattern.quote(caller) + "@127\\.0\\.0\\.1")
                    .containsPattern("From: [^\\n]*" + NATIONAL);
            String toAdvisor = Files.readString(phoneMessages);
            assertThat(toAdvisor).as("what the advisor's phone was sent: a callback, never the caller's number")
                    .contains("Tilbagekald").doesNotContain(caller.substring(3));

            // The caller hangs up.
            pbx.cli("channel request hangup " + legs[1]);

            await("the callback made").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "MADE".equals(callbackRequest(callId).get("state")));
            assertThat(callbackRequest(callId).get("number")).as("the number dropped once called back").isEmpty();
        } finally {
            callee.stop();
        }
        assertThat(phone.await(Duration.ofSeconds(60))).as("phone SIPp, see %s", phone.log()).isZero();
        awaitUnregistered("advisor-aarhus-1");
        JsonNode after = callbacksToday();
        assertThat(after.path("requested").asLong()).isEqualTo(before.path("requested").asLong() + 1);
        assertThat(after.path("made").asLong()).isEqualTo(before.path("made").asLong() + 1);
        assertThat(after.path("abandonedWithoutRequest").asLong()).as("a caller who asked to be called back")
                .isEqualTo(before.path("abandonedWithoutRequest").asLong());
    }

    @Test
    @Order(2)
    void aCallerWhoHangsUpWithoutPressing1IsCountedAsAbandonedWithoutARequest() {
        JsonNode before = callbacksToday();
        String caller = newCaller();

        Sipp.Run call = sipp.call(pbxPorts.telco(), NATIONAL, caller, Duration.ofSeconds(3), true);

        assertThat(call.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", call.log()).isZero();
        List<JsonNode> events = awaitFinal(caller, "ABANDONED");
        String callId = first(events, "OFFERED").path("callId").asText();
        awaitCoreState(callId, "ABANDONED");
        assertThat(callbackRequest(callId)).as("no callback request").isEmpty();
        JsonNode after = callbacksToday();
        assertThat(after.path("abandonedWithoutRequest").asLong())
                .isEqualTo(before.path("abandonedWithoutRequest").asLong() + 1);
        assertThat(after.path("requested").asLong()).isEqualTo(before.path("requested").asLong());
    }

    @Test
    @Order(3)
    void afterACallTheAdvisorIsPausedForFollowUpWorkAndTheNextCallerWaitsUntilItEndsByItself() throws IOException {
        assertThat(memberLine("advisor-aarhus-1")).isNotEmpty().doesNotContain("paused");
        Path phoneMessages = sippLogs.resolve("advisor-aarhus-1-wrap-up-messages.log");
        Sipp.Run phone = sipp.phoneTracingMessages(sipPort(), "advisor-aarhus-1", PHONE_SECRET,
                Duration.ofSeconds(60), true, phoneMessages);
        awaitRegistered("advisor-aarhus-1");
        String firstCaller = newCaller();

        Sipp.Run first = sipp.call(pbxPorts.telco(), NATIONAL, firstCaller, Duration.ZERO, false);

        assertThat(first.await(Duration.ofSeconds(60))).as("telco SIPp, see %s", first.log()).isZero();
        assertThat(first(awaitFinal(firstCaller, "ENDED"), "CONNECTED").path("advisorEndpoint").asText())
                .isEqualTo("advisor-aarhus-1");
        // The call ended: the adapter pauses the advisor for follow-up work, by itself.
        await("advisor-aarhus-1 paused for follow-up work").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inFollowUpWork(memberLine("advisor-aarhus-1")));
        String secondCaller = newCaller();

        Sipp.Run second = sipp.call(pbxPorts.telco(), NATIONAL, secondCaller, Duration.ZERO, false);

        // One picture of the queue: the only member in follow-up work, the second caller waiting, not offered to it.
        await("the second caller waiting while the advisor is in follow-up work").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    String queue = pbx.cli("queue show hotline-aarhus");
                    return inFollowUpWork(memberLineOf(queue, "advisor-aarhus-1")) && queue.contains("PJSIP/telco-");
                });
        // Nobody resumes the advisor: the pause ends by itself and the waiting caller is put through to them.
        assertThat(second.await(Duration.ofSeconds(90))).as("telco SIPp, see %s", second.log()).isZero();
        List<JsonNode> events = awaitFinal(secondCaller, "ENDED");
        assertThat(states(events)).containsExactly("OFFERED", "QUEUED", "CONNECTED", "ENDED");
        assertThat(first(events, "CONNECTED").path("advisorEndpoint").asText()).isEqualTo("advisor-aarhus-1");
        // And after the second call's own follow-up pause the advisor is available again.
        await("advisor-aarhus-1 available again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !memberLine("advisor-aarhus-1").contains("paused"));
        assertThat(memberLine("advisor-aarhus-1")).isNotEmpty();
        assertThat(phone.await(Duration.ofSeconds(90))).as("phone SIPp, see %s", phone.log()).isZero();
        // The phone was rung exactly twice: once per call, never during the pause.
        assertThat(Pattern.compile("^INVITE sip:", Pattern.MULTILINE).matcher(Files.readString(phoneMessages))
                .results().count()).isEqualTo(2);
        awaitUnregistered("advisor-aarhus-1");
    }

    @Test
    @Order(100)
    void noCallerNumberInClearInAnythingAsteriskWrote() throws IOException {
        // The callback's number went through Asterisk as a channel variable: none of its files may hold it.
        assertThat(callerCount).isPositive();
        List<String> found = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(pbx.runFolder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (int i = 0; i < callerCount; i++) {
                    String digits = String.format("3%07d", callerBase + i);
                    if (content.contains(digits)) {
                        found.add(file + " holds the number of caller " + i);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String newCaller() {
        return String.format("+453%07d", callerBase + callerCount++);
    }

    private int sipPort() {
        return RealAsterisk.freePort(ports);
    }

    /** Today's callback counts on the supervisor board (core's API, as the supervisor). */
    private JsonNode callbacksToday() {
        return presence.readAsSupervisor("/api/supervisor/board").path("callbacks");
    }

    /**
     * Whether a callback is bridged now: the advisor's leg up in [hotline-callback-out]'s Dial, the telco's leg up,
     * both in the same bridge ("core show channels concise": channel!context!exten!priority!state!application!...,
     * the bridge id last). Fills {@code legs} with the two channel names.
     */
    private boolean bridgedCallback(String[] legs) {
        String advisorBridge = null;
        String telcoBridge = null;
        for (String line : pbx.cli("core show channels concise").lines().toList()) {
            String[] f = line.split("!", -1);
            if (f.length < 13 || !"Up".equals(f[4]) || f[12].isBlank()) {
                continue;
            }
            if (f[0].startsWith("PJSIP/advisor-aarhus-1-") && "hotline-callback-out".equals(f[1]) && "Dial".equals(f[5])) {
                legs[0] = f[0];
                advisorBridge = f[12];
            } else if (f[0].startsWith("PJSIP/telco-")) {
                legs[1] = f[0];
                telcoBridge = f[12];
            }
        }
        return advisorBridge != null && advisorBridge.equals(telcoBridge);
    }

    /** Core's row of the call's callback request (empty when there is none); number is the sealed column. */
    private Map<String, String> callbackRequest(String callId) {
        String out = psql("select state, line, site, coalesce(caller_number,'') from callback_request where call_id = '"
                + callId.replaceAll("[^0-9.]", "") + "'");
        if (out.isEmpty()) {
            return Map.of();
        }
        String[] f = out.split("\\|", -1);
        return Map.of("state", f[0], "line", f[1], "site", f[2], "number", f[3]);
    }

    private void awaitCoreState(String callId, String state) {
        await("core records call " + callId + " as " + state).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> state.equals(
                        psql("select state from call_record where call_id = '" + callId.replaceAll("[^0-9.]", "") + "'")));
    }

    private static String psql(String query) {
        List<String> command = List.of("/usr/lib/postgresql/15/bin/psql", "-h", "127.0.0.1", "-p",
                SuiteEnvironment.setting("HOTLINE_PG_PORT", "55433"), "-U", "hotline", "-d", CORE_DATABASE, "-tA",
                "-F", "|", "-c", query);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "hotline");
        try {
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

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

    private static List<String> states(List<JsonNode> events) {
        return events.stream().map(e -> e.path("state").asText()).toList();
    }

    private List<JsonNode> awaitFinal(String caller, String finalState) {
        await("the call of " + caller + " " + finalState).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> states(eventsOf(caller)).contains(finalState));
        return eventsOf(caller);
    }

    private static JsonNode first(List<JsonNode> events, String state) {
        return events.stream().filter(e -> state.equals(e.path("state").asText())).findFirst().orElseThrow();
    }

    /** A member line of "queue show" paused with the follow-up reason: "(paused:WRAP_UP was 1 secs ago)". */
    private static boolean inFollowUpWork(String memberLine) {
        return memberLine.contains("paused") && memberLine.contains("WRAP_UP");
    }

    private String memberLine(String endpoint) {
        return memberLineOf(pbx.cli("queue show hotline-aarhus"), endpoint);
    }

    private static String memberLineOf(String queueShow, String endpoint) {
        return queueShow.lines().filter(l -> l.contains("(PJSIP/" + endpoint + ")")).findFirst().orElse("");
    }

    private void awaitRegistered(String endpoint) {
        await(endpoint + " registered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> pbx.cli("pjsip show contacts").contains(endpoint + "/sip:"));
    }

    private void awaitUnregistered(String endpoint) {
        await(endpoint + " unregistered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> !pbx.cli("pjsip show contacts").contains(endpoint + "/sip:"));
    }

    private void awaitAdapterAnswersQueue() {
        await("the adapter answers QUEUE").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    FakeAsterisk.AgiAnswer answer = FakeAsterisk.agiCall(pbxPorts.agi(),
                            FakeAsterisk.agiHeaders("1.1", NATIONAL, "<unknown>"));
                    return "QUEUE".equals(answer.variable("HOTLINE_ACTION"))
                            && "false".equals(answer.variable("HOTLINE_DEGRADED"));
                });
    }
}
