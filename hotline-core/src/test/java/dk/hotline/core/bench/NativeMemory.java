package dk.hotline.core.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's own account of its memory by area (heap, metaspace, code cache, threads, GC, arenas, NIO buffers), when the
 * app runs with {@code -XX:NativeMemoryTracking=summary}: RSS alone does not say which area to shrink.
 */
final class NativeMemory {

    private NativeMemory() {
    }

    static boolean tracked(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="));
    }

    /** Writes {@code jcmd <pid> VM.native_memory summary} to {@code out}; a failure is said on stderr, not fatal. */
    static void summary(long pid, Path out) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "VM.native_memory", "summary", "scale=MB")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                System.err.println("jcmd VM.native_memory did not answer in 30 s");
            }
        } catch (IOException e) {
            System.err.println("jcmd VM.native_memory failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
