package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * Records what passes the AMI link in the format of the shared transcripts (../shared/asterisk/transcripts/README.md):
 * '# recv <UTC> mono=<s> session=<n>' then each block Asterisk sent verbatim (CRLF as LF), the client's actions as
 * '#>' lines with secrets masked. Only while {@link #recordTo} has a file open: a scenario records its own stretch.
 */
final class AmiRecorder {

    private final long start = System.nanoTime();
    private Path file;

    synchronized void recordTo(Path target, String scenario) {
        file = target;
        write("# AMI transcript recorded by RealPbxIT (AmiRecorder, the adapter's AMI link) from Asterisk 20.20.1\n"
                + "# scenario: " + scenario + "\n"
                + "# format: '# recv <UTC> mono=<s since start> session=<n>' then the block verbatim (CRLF -> LF), "
                + "blank line. '#>' = action sent by the adapter.\n\n");
    }

    synchronized void stop() {
        file = null;
    }

    /** A block Asterisk sent (without its closing blank line). */
    synchronized void received(int session, String block) {
        if (file != null) {
            write(String.format(Locale.ROOT, "# recv %s mono=%.3f session=%d%n%s%n%n", Instant.now(), mono(), session,
                    block.replace("\r\n", "\n").strip()));
        }
    }

    /** An action the adapter sent. */
    synchronized void sent(int session, String block) {
        if (file != null) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "# sent %s mono=%.3f session=%d%n",
                    Instant.now(), mono(), session));
            for (String line : block.replace("\r\n", "\n").strip().split("\n")) {
                String l = line.regionMatches(true, 0, "Secret:", 0, 7) || line.regionMatches(true, 0, "Key:", 0, 4)
                        ? line.substring(0, line.indexOf(':') + 1) + " ********" : line;
                out.append("#> ").append(l).append('\n');
            }
            write(out.append('\n').toString());
        }
    }

    private double mono() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void write(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
