package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The network between the adapter and Asterisk's manager port, which the test can cut (as a switch failing would). */
final class AmiLinkProxy implements AutoCloseable {

    private final int port;
    private volatile ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

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
                pump(client.getInputStream(), pbx.getOutputStream());
                pump(pbx.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // closed, or Asterisk not there: the adapter retries
            }
        }
    }

    private static void pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
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
