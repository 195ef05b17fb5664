package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SIPp playing the telco (one call) or an advisor's softphone (registers, answers, unregisters). */
final class Sipp {

    private static final Path SCENARIOS = Path.of("src", "test", "resources", "sipp").toAbsolutePath();

    private final Path binary;
    private final int pbxPort;
    private final Path logs;

    Sipp(Path binary, int pbxPort, Path logs) {
        this.binary = binary;
        this.pbxPort = pbxPort;
        this.logs = logs;
    }

    /** One SIPp process; {@link #await} waits for its end and answers its exit code (0: scenario passed). */
    static final class Run {
        private final Process process;
        private final Path log;

        private Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        int await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("SIPp did not finish in " + timeout + "; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return process.exitValue();
        }

        Path log() {
            return log;
        }

        /** Ends a SIPp that runs until stopped (the telco's answering side). */
        void stop() {
            process.destroy();
            await(Duration.ofSeconds(30));
        }
    }

    /** The telco calls {@code dialled} from {@code caller}: it hangs up after {@code talk}, or waits for the PBX's BYE. */
    Run call(int localPort, String dialled, String caller, Duration talk, boolean callerHangsUp) {
        return start("telco-" + dialled + "-" + localPort, localPort, List.of(
                "-sf", scenario("telco-call.xml"), "-oocsf", scenario("options.xml"), "-s", dialled,
                "-key", "caller", caller, "-key", "hangup", callerHangsUp ? "caller" : "pbx",
                "-d", Long.toString(talk.toMillis())));
    }

    /** An advisor's phone registered for {@code registered}; it answers calls (and hangs up after 3 s if asked). */
    Run phone(int localPort, String endpoint, String password, Duration registered, boolean advisorHangsUp) {
        return start("phone-" + endpoint + "-" + localPort, localPort, List.of(
                "-sf", scenario("phone-register.xml"),
                "-oocsf", scenario(advisorHangsUp ? "phone-answer-hangs-up.xml" : "phone-answer.xml"),
                "-key", "user", endpoint, "-au", endpoint, "-ap", password,
                "-d", Long.toString(registered.toMillis())));
    }

    /**
     * The telco places {@code count} calls, one every {@code every}, from {@code caller}; each caller hangs up after
     * {@code talk} (a benchmark's steady load).
     */
    Run callsAtSteadyRate(int localPort, String dialled, String caller, Duration every, int count, Duration talk) {
        return start("telco-steady-" + dialled + "-" + localPort, localPort, count, List.of(
                "-sf", scenario("telco-call.xml"), "-oocsf", scenario("options.xml"), "-s", dialled,
                "-key", "caller", caller, "-key", "hangup", "caller", "-d", Long.toString(talk.toMillis()),
                "-r", "1", "-rp", Long.toString(every.toMillis())));
    }

    /**
     * The telco calls {@code dialled} from {@code caller}, whose caller presses 1 once a second (RFC 4733 DTMF, a pcap
     * written by {@link DtmfPcap} into SIPp's working folder) until the PBX hangs up.
     */
    Run callPressing1(int localPort, String dialled, String caller) {
        DtmfPcap.write(logs.resolve("dtmf-1.pcap"), 1, 120, 500, 1000, 160);
        return start("telco-presses-1-" + dialled + "-" + localPort, localPort, List.of(
                "-sf", scenario("telco-call-presses-1.xml"), "-oocsf", scenario("options.xml"), "-s", dialled,
                "-key", "caller", caller));
    }

    /**
     * The telco's side of calls placed by the PBX (a callback to a caller's number), on the telco's port: answers
     * each call until {@link Run#stop}; every SIP message it sent and received goes to {@code messages}.
     */
    Run telcoAnswers(int localPort, Path messages) {
        return start("telco-answers-" + localPort, localPort, 1000, List.of(
                "-sf", scenario("telco-answer.xml"), "-trace_msg", "-message_file", messages.toString()));
    }

    /** {@link #phone} whose SIP messages, sent and received, go to {@code messages}. */
    Run phoneTracingMessages(int localPort, String endpoint, String password, Duration registered,
                             boolean advisorHangsUp, Path messages) {
        return start("phone-" + endpoint + "-" + localPort, localPort, List.of(
                "-sf", scenario("phone-register.xml"),
                "-oocsf", scenario(advisorHangsUp ? "phone-answer-hangs-up.xml" : "phone-answer.xml"),
                "-key", "user", endpoint, "-au", endpoint, "-ap", password,
                "-d", Long.toString(registered.toMillis()), "-trace_msg", "-message_file", messages.toString()));
    }

    private static String scenario(String name) {
        return SCENARIOS.resolve(name).toString();
    }

    private Run start(String name, int localPort, List<String> args) {
        return start(name, localPort, 1, args);
    }

    private Run start(String name, int localPort, int calls, List<String> args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "127.0.0.1:" + pbxPort,
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(localPort + 2000),
                "-m", Integer.toString(calls), "-nostdin", "-trace_err"));
        command.addAll(args);
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Run(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
