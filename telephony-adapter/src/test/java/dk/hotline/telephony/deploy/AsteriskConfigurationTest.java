package dk.hotline.telephony.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files in deploy/asterisk/, read the way Asterisk reads them, without an Asterisk: what the real PBX taught us
 * (docs/telephony.md, "Verified on Asterisk 20.20.1").
 */
class AsteriskConfigurationTest {

    static final Path DEPLOY = Path.of("..", "deploy", "asterisk").toAbsolutePath().normalize();
    static final Path SOUNDS = DEPLOY.resolve("sounds");
    /** The channel language of our endpoints (pjsip.conf language=da): prompts live under sounds/da/. */
    static final String LANGUAGE = "da";
    private static final Pattern PLAY = Pattern.compile("\\b(Playback|Background)\\(([^)]*)\\)");
    /** Read(variable,prompt,...): its prompt is played like Playback's. */
    private static final Pattern READ = Pattern.compile("\\bRead\\([^,)]*,([^,)]*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");
    /** The values the dialplan's spoken-time variables take (STRFTIME %u, %d, %m, %H, %M). */
    private static final Map<String, List<String>> SPOKEN_TIME = Map.of(
            "HOTLINE_OPEN_WDAY", range(1, 7, "%d"),
            "HOTLINE_OPEN_MDAY", range(1, 31, "%02d"),
            "HOTLINE_OPEN_MONTH", range(1, 12, "%02d"),
            "HOTLINE_OPEN_HOUR", range(0, 23, "%02d"),
            "HOTLINE_OPEN_MINUTE", range(1, 59, "%02d"));

    private static List<String> range(int from, int to, String format) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format(format, i)).toList();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(DEPLOY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Asterisk keeps of a line: everything before the first unescaped ';'. */
    static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<String> confFiles() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf")).sorted().toList();
        }
    }

    @Test
    void noCommentCutsADialplanLineShort() throws IOException {
        List<String> cut = new ArrayList<>();
        for (String file : confFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String kept = withoutComment(lines.get(i));
                long open = kept.chars().filter(c -> c == '(').count();
                long close = kept.chars().filter(c -> c == ')').count();
                if (open != close) {
                    cut.add(file + ":" + (i + 1) + " " + lines.get(i));
                }
            }
        }
        assertThat(cut).as("lines whose ';' starts a comment inside an application's arguments (write \\;)").isEmpty();
    }

    /** Every prompt the dialplan and the queues name, with the spoken-time variables expanded. */
    static List<String> promptsNamed() {
        List<String> prompts = new ArrayList<>();
        for (String line : lines("extensions.conf")) {
            Matcher play = PLAY.matcher(withoutComment(line));
            while (play.find()) {
                String files = play.group(2).split(",", 2)[0];
                for (String prompt : files.split("&")) {
                    prompts.addAll(expand(prompt.trim()));
                }
            }
            Matcher read = READ.matcher(withoutComment(line));
            while (read.find()) {
                for (String prompt : read.group(1).split("&")) {
                    prompts.addAll(expand(prompt.trim()));
                }
            }
        }
        for (String line : lines("queues.conf")) {
            String kept = withoutComment(line).trim();
            Matcher option = Pattern.compile("^(periodic-announce|announce|queue-[a-z-]+)\\s*=\\s*(\\S+)$").matcher(kept);
            if (option.matches()) {
                for (String prompt : option.group(2).split(",")) {
                    prompts.add(prompt.trim());
                }
            }
        }
        return prompts;
    }

    private static List<String> expand(String prompt) {
        Matcher variable = VARIABLE.matcher(prompt);
        if (!variable.find()) {
            return List.of(prompt);
        }
        List<String> values = SPOKEN_TIME.get(variable.group(1));
        assertThat(values).as("a prompt name built from ${%s}, whose values this test does not know: %s",
                variable.group(1), prompt).isNotNull();
        List<String> out = new ArrayList<>();
        for (String value : values) {
            out.addAll(expand(prompt.substring(0, variable.start()) + value + prompt.substring(variable.end())));
        }
        return out;
    }

    static boolean promptExists(String prompt) {
        Path dir = SOUNDS.resolve(LANGUAGE).resolve(prompt).getParent();
        String base = Path.of(prompt).getFileName().toString();
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith(base + ".") && (n.endsWith(".wav") || n.endsWith(".sln16")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPromptTheDialplanPlaysIsShipped() {
        List<String> prompts = promptsNamed();

        assertThat(prompts).contains("custom/hotline-closed", "custom/hotline-goodbye", "custom/hotline-all-busy");
        assertThat(new TreeSet<>(prompts)).allSatisfy(prompt -> assertThat(promptExists(prompt))
                .as("deploy/asterisk/sounds/%s/%s.wav", LANGUAGE, prompt).isTrue());
    }

    @Test
    void theDialplanSaysNothingFromAsterisksOwnSounds() {
        // SayUnixTime/SayNumber/SayDigits/SayAlpha read Asterisk's core sounds (digits/…), which we do not ship;
        // SayUnixTime with a missing one ends the dialplan.
        assertThat(lines("extensions.conf")).map(AsteriskConfigurationTest::withoutComment)
                .noneMatch(l -> l.matches(".*\\bSay[A-Za-z]*\\(.*"));
    }

    @Test
    void queuedCallersHearOurMusicOnHold() throws IOException {
        List<String> moh = lines("musiconhold.conf").stream().map(l -> withoutComment(l).trim()).toList();
        assertThat(moh).contains("[default]", "mode=files");
        String directory = moh.stream().filter(l -> l.startsWith("directory=")).findFirst().orElseThrow()
                .substring("directory=".length());
        assertThat(directory).as("relative to Asterisk's data folder").doesNotStartWith("/");
        try (Stream<Path> files = Files.list(DEPLOY.resolve(directory))) {
            assertThat(files.map(Path::toString)).anyMatch(n -> n.endsWith(".wav"));
        }
        assertThat(lines("queues.conf").stream().map(l -> withoutComment(l).trim())).contains("musicclass=default");
    }

    @Test
    void asteriskKeepsNoCallRecordOfItsOwn() {
        // queue_log (ENTERQUEUE||<caller number>), CDR and CEL files hold the caller's number in clear.
        assertThat(lines("logger.conf").stream().map(l -> withoutComment(l).replace(" ", ""))).contains("queue_log=no");
        assertThat(lines("cdr.conf").stream().map(l -> withoutComment(l).replace(" ", ""))).contains("enable=no");
        assertThat(lines("cel.conf").stream().map(l -> withoutComment(l).replace(" ", ""))).contains("enable=no");
        assertThat(noloaded()).contains("cdr_csv.so", "cdr_custom.so", "cdr_manager.so", "cel_custom.so",
                "cel_manager.so", "res_cdrel_custom.so");
    }

    @Test
    void onlyOurOwnDialplanLoads() {
        // Asterisk's sample extensions.ael (or extensions.lua) must not load beside extensions.conf.
        assertThat(noloaded()).contains("pbx_ael.so", "pbx_realtime.so", "pbx_dundi.so");
        assertThat(lines("modules.conf").stream().map(l -> withoutComment(l).replace(" ", ""))).contains("autoload=yes");
    }

    @Test
    void transfersHaveAContextOfTheirOwnThatTheAdapterCanReach() {
        Map<String, List<String>> contexts = dialplanContexts();
        List<String> transfer = contexts.get("hotline-transfer");
        assertThat(transfer).as("[hotline-transfer]").isNotNull();
        // The extensions the adapter sends BlindTransfer to (TransferTarget.exten()), a colleague's endpoint by
        // pattern, and an invalid extension back to the queue rather than a dropped caller.
        assertThat(transfer).anyMatch(l -> l.startsWith("exten => SITE-AARHUS,1,"))
                .anyMatch(l -> l.startsWith("exten => SITE-COPENHAGEN,1,"))
                .anyMatch(l -> l.startsWith("exten => COORDINATION,1,"))
                .anyMatch(l -> l.startsWith("exten => _[A-Za-z0-9].,1,"))
                .anyMatch(l -> l.startsWith("exten => i,1,"))
                .anyMatch(l -> l.contains("Dial(PJSIP/${EXTEN},30)"))
                .anyMatch(l -> l.contains("Dial(${HOTLINE_COORDINATION_DIAL},"));
        // Each kind says itself on the caller's channel (the adapter follows VarSet HOTLINE_TRANSFER).
        assertThat(transfer).anyMatch(l -> l.contains("Set(HOTLINE_TRANSFER=SITE)"))
                .anyMatch(l -> l.contains("Set(HOTLINE_TRANSFER=COLLEAGUE)"))
                .anyMatch(l -> l.contains("Set(HOTLINE_TRANSFER=COORDINATION)"));
        assertThat(contexts.get("globals")).anyMatch(l -> l.matches("HOTLINE_COORDINATION_DIAL=PJSIP/\\S+"));
        // The queue after a transfer has the options of the normal path: the same queue time, the same goodbye.
        assertThat(contexts.get("hotline-transfer-queue")).anyMatch(l -> l.contains("Queue(${HOTLINE_QUEUE},,,,120)"))
                .anyMatch(l -> l.contains("Playback(custom/hotline-all-busy)"));
        assertThat(contexts.get("hotline-route")).anyMatch(l -> l.contains("Set(HOTLINE_QUEUE_LEFT=120)"));
        // BlindTransfer needs the manager write class "call".
        assertThat(lines("manager.conf").stream().map(l -> withoutComment(l).replace(" ", ""))
                .filter(l -> l.startsWith("write=")).findFirst().orElseThrow().substring(6).split(","))
                .contains("call");
    }

    /** extensions.conf by context: each context's lines without comments, trimmed, blank ones left out. */
    private static Map<String, List<String>> dialplanContexts() {
        Map<String, List<String>> contexts = new java.util.LinkedHashMap<>();
        List<String> current = null;
        for (String raw : lines("extensions.conf")) {
            String line = withoutComment(raw).trim();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                contexts.put(line.substring(1, line.length() - 1), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return contexts;
    }

    private static List<String> noloaded() {
        return lines("modules.conf").stream().map(l -> withoutComment(l).trim())
                .filter(l -> l.startsWith("noload")).map(l -> l.replaceFirst("noload\\s*=>\\s*", "")).toList();
    }
}
