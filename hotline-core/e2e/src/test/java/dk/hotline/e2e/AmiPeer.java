package dk.hotline.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays Asterisk's manager interface (AMI) over real TCP on loopback for the packaged telephony adapter: the banner,
 * MD5 challenge or plain login, empty answers to its resynchronisation actions (no calls in progress), and then the
 * recorded events of one answered call (resources/ami, from a real Asterisk 20) with a fresh call id, as a call that
 * reaches an advisor's phone, or in two parts, as a call that waits in the queue and is answered later. A small copy of telephony-adapter's FakeAsterisk, AMI side only.
 */
final class AmiPeer implements AutoCloseable {

    private static final String CHALLENGE = "5577111";
    private static final String RECORDED_CALL = "1795323805.0";
    private static final String RECORDED_AGENT_CHANNEL = "1795323806.1";
    /** The recorded caller's number (without the +), as it appears in the recording's caller id fields. */
    static final String RECORDED_CALLER = "4520000001";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<String> connectedCall;
    private volatile boolean closed;

    AmiPeer(String username, String secret) {
        this.username = username;
        this.secret = secret;
        this.connectedCall = blocks("/ami/answered-call-until-connected.txt");
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "ami-peer-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean adapterLoggedIn() {
        return sessions.stream().anyMatch(s -> s.loggedIn && !s.socket.isClosed());
    }

    /**
     * A national call from the recorded caller (always the same number, so the adapter's caller hash repeats) rings
     * in Aarhus's queue and is answered on advisor-aarhus-1's phone. {@code callSuffix} makes its ids unique.
     */
    void callConnects(long callSuffix, boolean degraded) {
        callConnects(callSuffix, degraded, RECORDED_CALLER);
    }

    /** The same call from another number (digits, no +): a caller of a test's own, with a history of its own. */
    void callConnects(long callSuffix, boolean degraded, String callerNumber) {
        send(callEvents(callSuffix, degraded, callerNumber));
    }

    /**
     * The first part of the same call: it is routed and joins Aarhus's queue (QueueCallerJoin), and waits there until
     * {@link #waitingCallAnswered} plays the rest with the same ids.
     */
    void callWaitsInQueue(long callSuffix, String callerNumber) {
        List<String> events = callEvents(callSuffix, false, callerNumber);
        send(events.subList(0, queueJoined(events)));
    }

    /** The rest of a call begun by {@link #callWaitsInQueue}: an advisor's phone rings and answers, the caller leaves the queue. */
    void waitingCallAnswered(long callSuffix, String callerNumber) {
        List<String> events = callEvents(callSuffix, false, callerNumber);
        send(events.subList(queueJoined(events), events.size()));
    }

    private static int queueJoined(List<String> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith("Event: QueueCallerJoin")) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the recording has no QueueCallerJoin");
    }

    private List<String> callEvents(long callSuffix, boolean degraded, String callerNumber) {
        String callId = "1900000000." + callSuffix;
        String agentChannel = "1900000001." + callSuffix;
        List<String> events = new ArrayList<>();
        for (String block : connectedCall) {
            String b = block.replace(RECORDED_CALL, callId).replace(RECORDED_AGENT_CHANNEL, agentChannel)
                    .replace(RECORDED_CALLER, callerNumber);
            events.add(b);
            if (degraded && b.contains("Variable: HOTLINE_ACTION")) {
                events.add(b.replace("Variable: HOTLINE_ACTION", "Variable: HOTLINE_DEGRADED")
                        .replaceAll("Value: .*", "Value: true"));
            }
        }
        return events;
    }

    private void send(List<String> events) {
        for (Session s : sessions) {
            if (s.loggedIn) {
                StringBuilder out = new StringBuilder();
                events.forEach(e -> out.append(crlf(e)).append("\r\n"));
                s.write(out.toString());
            }
        }
    }

    static String callId(long callSuffix) {
        return "1900000000." + callSuffix;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Session session = new Session(socket);
                sessions.add(session);
                Thread t = new Thread(session::run, "ami-peer-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private final class Session {
        private final Socket socket;
        private volatile boolean loggedIn;

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write("Asterisk Call Manager/9.0.0\r\n");
                Map<String, String> action = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                        }
                    } else if (!action.isEmpty()) {
                        if (!answer(action)) {
                            break;
                        }
                        action = new LinkedHashMap<>();
                    }
                }
            } catch (IOException e) {
                // the adapter went away
            } finally {
                close();
            }
        }

        private boolean answer(Map<String, String> action) {
            String id = action.getOrDefault("actionid", "");
            switch (action.getOrDefault("action", "").toLowerCase(Locale.ROOT)) {
                case "challenge" -> respond(id, "Response: Success", "Challenge: " + CHALLENGE);
                case "login" -> {
                    boolean md5 = "md5".equalsIgnoreCase(action.get("authtype"));
                    boolean ok = username.equals(action.get("username"))
                            && (md5 ? md5(CHALLENGE + secret).equalsIgnoreCase(action.getOrDefault("key", ""))
                                    : secret.equals(action.get("secret")));
                    if (!ok) {
                        respond(id, "Response: Error", "Message: Authentication failed");
                        return false;
                    }
                    loggedIn = true;
                    respond(id, "Response: Success", "Message: Authentication accepted");
                    write(crlf("Event: FullyBooted\nPrivilege: system,all\nUptime: 1\nLastReload: 1\nStatus: Fully Booted\n") + "\r\n");
                }
                case "logoff" -> {
                    respond(id, "Response: Goodbye", "Message: Thanks for all the fish.");
                    return false;
                }
                case "ping" -> respond(id, "Response: Success", "Ping: Pong", "Timestamp: 1900000000.000000");
                case "coresettings" -> respond(id, "Response: Success", "AMIversion: 9.0.0", "AsteriskVersion: 20.20.1");
                case "command" -> respond(id, "Response: Success", "Message: Command output follows", "Output: Asterisk 20.20.1");
                case "coreshowchannels" -> emptyList(id, "Channels will follow", "CoreShowChannelsComplete");
                case "queuestatus" -> emptyList(id, "Queue status will follow", "QueueStatusComplete");
                case "queueadd", "queuepause", "queueremove" -> queueMember(id, action);
                default -> respond(id, "Response: Error", "Message: Invalid/unknown command");
            }
            return true;
        }

        /**
         * Membership changes as Asterisk 20 answers them (recorded T9): Success, then the member event the adapter
         * folds into what it last saw of the queue.
         */
        private void queueMember(String id, Map<String, String> action) {
            String queue = action.getOrDefault("queue", "");
            String iface = action.getOrDefault("interface", "");
            boolean paused = "true".equalsIgnoreCase(action.getOrDefault("paused", "false"));
            String reason = action.getOrDefault("reason", "");
            String member = "Queue: " + queue + "\nMemberName: " + iface.replace("PJSIP/", "") + "\nInterface: " + iface
                    + "\nStateInterface: " + iface + "\nMembership: dynamic\nPenalty: 0\nCallsTaken: 0\nLastCall: 0\n"
                    + "LastPause: 0\nLoginTime: 1900000000\nInCall: 0\nStatus: 1\nPaused: " + (paused ? 1 : 0)
                    + "\nPausedReason: " + (paused ? reason : "") + "\nRinginuse: 0\nWrapuptime: 0\n";
            switch (action.get("action").toLowerCase(Locale.ROOT)) {
                case "queueadd" -> {
                    respond(id, "Response: Success", "Message: Added interface to queue");
                    write(crlf("Event: QueueMemberAdded\nPrivilege: agent,all\n" + member) + "\r\n");
                }
                case "queuepause" -> {
                    respond(id, "Response: Success", "Message: Interface paused successfully");
                    write(crlf("Event: QueueMemberPause\nPrivilege: agent,all\n" + member) + "\r\n");
                }
                default -> {
                    respond(id, "Response: Success", "Message: Removed interface from queue");
                    write(crlf("Event: QueueMemberRemoved\nPrivilege: agent,all\n" + member) + "\r\n");
                }
            }
        }

        private void emptyList(String id, String message, String complete) {
            write("Response: Success\r\nActionID: " + id + "\r\nEventList: start\r\nMessage: " + message + "\r\n\r\n"
                    + "Event: " + complete + "\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n");
        }

        private void respond(String id, String first, String... lines) {
            StringBuilder out = new StringBuilder(first).append("\r\n");
            if (!id.isEmpty()) {
                out.append("ActionID: ").append(id).append("\r\n");
            }
            for (String l : lines) {
                out.append(l).append("\r\n");
            }
            write(out.append("\r\n").toString());
        }

        synchronized void write(String text) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static List<String> blocks(String resource) {
        try (InputStream in = AmiPeer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            List<String> blocks = new ArrayList<>();
            StringBuilder block = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (block.length() > 0) {
                        blocks.add(block.toString());
                        block.setLength(0);
                    }
                } else {
                    block.append(line).append('\n');
                }
            }
            if (block.length() > 0) {
                blocks.add(block.toString());
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String crlf(String block) {
        String normal = block.endsWith("\n") ? block : block + "\n";
        return normal.replace("\n", "\r\n");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        sessions.forEach(Session::close);
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
