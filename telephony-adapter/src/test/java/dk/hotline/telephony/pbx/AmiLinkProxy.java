package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the adapter and Asterisk's manager port, which the test can cut (as a switch failing would),
 * and where {@link #recorder()} taps the stream to record AMI transcripts from the real Asterisk.
 */
final class AmiLinkProxy implements AutoCloseable {

    private final int port;
    private volatile ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AmiRecorder recorder = new AmiRecorder();
    private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();

    AmiLinkProxy(int port, int target) throws IOException {
        this.port = port;
        this.target = target;
        up();
    }

    /** Listens (again): new connections are let through. */
    void up() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server = socket;
        Thread accept = new Thread(() -> accept(socket), "ami-link-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** Cuts every connection and stops listening: new connections are refused until {@link #up}. */
    void down() throws IOException {
        server.close();
        cut();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket pbx = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(pbx);
                int session = sessions.incrementAndGet();
                pump(client.getInputStream(), pbx.getOutputStream(), block -> recorder.sent(session, block));
                pump(pbx.getInputStream(), client.getOutputStream(), block -> recorder.received(session, block));
            } catch (IOException e) {
                // closed, or Asterisk not there: the adapter retries
            }
        }
    }

    AmiRecorder recorder() {
        return recorder;
    }

    /** Forwards bytes as they come, and hands each AMI block (ended by a blank line, or the banner) to {@code tap}. */
    private static void pump(InputStream in, OutputStream out, java.util.function.Consumer<String> tap) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            StringBuilder pending = new StringBuilder();
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                    pending.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    for (int end; (end = blockEnd(pending)) > 0; ) {
                        tap.accept(new String(pending.substring(0, end).getBytes(
                                java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8));
                        pending.delete(0, end);
                    }
                }
            } catch (IOException e) {
                // cut
            } finally {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "ami-link-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Where the first block in {@code s} ends (after its blank line, or after the one-line banner); 0: none yet. */
    private static int blockEnd(StringBuilder s) {
        if (s.indexOf("Asterisk Call Manager/") == 0 && s.indexOf("\r\n") > 0) {
            return s.indexOf("\r\n") + 2;
        }
        int blank = s.indexOf("\r\n\r\n");
        return blank < 0 ? 0 : blank + 4;
    }

    /** Cuts every connection now; new ones are let through again. */
    void cut() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
