package dk.hotline.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world GC pauses of a window of the app's life, read from its unified GC log
 * ({@code -Xlog:gc*:file=…:uptime,level,tags}): lines such as {@code [12.345s][info][gc] GC(7) Pause Young (Allocation
 * Failure) 60M->12M(247M) 3.456ms}.
 */
final class GcLog {

    record Pauses(int count, double totalMs, double maxMs) {
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]\\[info\\]\\[gc\\s*\\] GC\\(\\d+\\) Pause.* (\\d+\\.\\d+)ms$");

    private GcLog() {
    }

    static Pauses pauses(Path log, Duration from, Duration to) {
        int count = 0;
        double total = 0;
        double max = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (m.matches()) {
                    double at = Double.parseDouble(m.group(1)) * 1000;
                    if (at >= from.toMillis() && at < to.toMillis()) {
                        double ms = Double.parseDouble(m.group(2));
                        count++;
                        total += ms;
                        max = Math.max(max, ms);
                    }
                }
            }
        } catch (IOException e) {
            return new Pauses(-1, 0, 0);
        }
        return new Pauses(count, total, max);
    }
}
