package dk.hotline.telephony.routing.agi;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;

/**
 * Asterisk-Java's FastAGI server is blocking: one thread per AGI conversation, reading the socket. This is the
 * bridge: a fixed, bounded pool (poolSize threads, a bounded queue of accepted connections waiting for a thread).
 * When both are full the pool rejects, Asterisk-Java closes that socket, and the dialplan takes its safe fallback
 * (queue at the fail-safe site): the adapter degrades instead of growing threads without limit. The routing work
 * itself never blocks (replica and presence are in memory), so a thread is held only for the socket round trips.
 */
public final class BoundedAgiServer extends DefaultAgiServer {

    private final int threads;
    private final int queueCapacity;
    private int readTimeoutMillis;

    public BoundedAgiServer(AgiScript script, int threads, int queueCapacity) {
        super(script);
        this.threads = threads;
        this.queueCapacity = queueCapacity;
    }

    /** Several scripts by path (agi://host/&lt;path&gt;), e.g. for a benchmark's do-nothing floor. */
    public BoundedAgiServer(MappingStrategy scripts, int threads, int queueCapacity) {
        super(scripts);
        this.threads = threads;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public void setSocketReadTimeout(int millis) {
        super.setSocketReadTimeout(millis);
        this.readTimeoutMillis = millis;
    }

    /**
     * Asterisk-Java listens with a backlog of 200; a burst of calls beyond that overflows the kernel's accept queue
     * and costs those callers a one-second SYN retransmit. The backlog here matches the pool's waiting room.
     */
    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        ServerSocketFacade socket = new ServerSocketFacadeImpl(getPort(), Math.max(200, queueCapacity), getAddress());
        socket.setSocketReadTimeout(readTimeoutMillis);
        return socket;
    }

    @Override
    protected ThreadPoolExecutor createPool() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "fastagi-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
    }
}
