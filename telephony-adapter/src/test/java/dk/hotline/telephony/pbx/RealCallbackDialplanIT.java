package dk.hotline.telephony.pbx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback's dialplan as the real Asterisk 20 reads it (deploy/asterisk/, overlaid as in {@link RealPbxIT}): both
 * contexts load with every priority, the Gosub from the queue step and the AGI to the adapter's callback script are
 * there as written, and Asterisk logged no warning or error loading them. Calls through them with SIPp:
 * {@link RealCallbackAndWrapUpIT}. Skipped without an Asterisk, like {@link RealPbxIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCallbackDialplanIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private final List<Integer> ports = new ArrayList<>();
    private RealAsterisk pbx;

    @BeforeAll
    void start() throws IOException {
        Optional<Path> home = RealAsterisk.find(TARGET.resolve("asterisk"));
        Assumptions.assumeTrue(home.isPresent(), "no Asterisk: skipped (HOTLINE_ASTERISK_HOME not set or holds no Asterisk)");
        Path run = Files.createTempDirectory(TARGET, "pbx-cbd-");
        RealAsterisk.Ports p = new RealAsterisk.Ports(RealAsterisk.freePort(ports), RealAsterisk.freePort(ports),
                RealAsterisk.freePort(ports), RealAsterisk.freePort(ports));
        pbx = RealAsterisk.start(home.get(), run, p, "callback-suite-ami-secret", "callback-suite-phone-secret");
    }

    @AfterAll
    void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void theOfferAndTheCallbackContextsLoadAsWritten() throws IOException {
        String route = pbx.cli("dialplan show hotline-route");
        assertThat(route).contains("GosubIf($[\"${HOTLINE_CALLBACK_OFFER_AFTER}\" != \"\"]?hotline-callback-offer,s,1)")
                .contains("Queue(${HOTLINE_QUEUE},,,,${HOTLINE_QUEUE_LEFT})");
        String offer = pbx.cli("dialplan show hotline-callback-offer");
        assertThat(offer).contains("Read(HOTLINE_CALLBACK_DIGIT,custom/hotline-callback-offer,1,,1,6)")
                .contains("AGI(${CUT(HOTLINE_AGI_URL,/,1-3)}/callback)")
                .contains("Playback(custom/hotline-callback-recorded)").contains("[back]").contains("[no-offer]")
                .contains("[not-recorded]");
        String out = pbx.cli("dialplan show hotline-callback-out");
        assertThat(out).contains("Dial(PJSIP/${HOTLINE_CALLBACK_NUMBER}@telco,45,I)")
                .contains("Set(HOTLINE_CALLBACK_RESULT=${HOTLINE_CALLBACK_ID}:${DIALSTATUS})");
        String messages = Files.exists(pbx.messagesLog()) ? Files.readString(pbx.messagesLog()) : "";
        assertThat(messages).as("Asterisk's warnings and errors after loading the dialplan")
                .doesNotContain("extensions.conf").doesNotContain("hotline-callback");
    }
}
