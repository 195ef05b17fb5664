package dk.hotline.telephony.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays Asterisk over real TCP on loopback, speaking its two protocols as Asterisk 20 does.
 *
 * <ul>
 *   <li>FastAGI (Asterisk is the client): {@link #agiCall} connects to the adapter's AGI server, sends the
 *   {@code agi_*} header block, reads each command and answers {@code 200 result=1}, until the adapter hangs up.</li>
 *   <li>AMI (Asterisk is the server): banner {@code Asterisk Call Manager/9.0.0}, MD5 Challenge/Login, action
 *   responses with the caller's ActionID, event lists for CoreShowChannels and QueueStatus, and events pushed by
 *   the test (recorded transcripts, CRLF on the wire).</li>
 * </ul>
 */
public final class FakeAsterisk implements AutoCloseable {

    public static final String BANNER = "Asterisk Call Manager/9.0.0";
    private static final String CHALLENGE = "840059467";

    private final String username;
    private final String secret;
    private final ServerSocket amiServer;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger actions = new AtomicInteger();
    private final List<Map<String, String>> queueActions = new CopyOnWriteArrayList<>();
    private volatile List<String> channels = List.of();
    private volatile List<String> queueStatus = List.of();
    private volatile String banner = BANNER;
    private volatile java.util.Set<String> denied = java.util.Set.of();
    private volatile boolean closed;
    private volatile boolean refuseLogins;

    public FakeAsterisk(String username, String secret) {
        this.username = username;
        this.secret = secret;
        try {
            amiServer = new ServerSocket();
            amiServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "fake-asterisk-ami-accept");
        accept.setDaemon(true);
        accept.start();
    }

    // ---------------------------------------------------------------- AMI side

    public int amiPort() {
        return amiServer.getLocalPort();
    }

    public int logins() {
        return logins.get();
    }

    public int actionsReceived() {
        return actions.get();
    }

    /**
     * The queue membership actions received (QueueAdd, QueueRemove, QueuePause), Originates and BlindTransfers, each
     * as its header lines with lower case keys (an Originate's several Variable lines joined by ","), in order.
     * Answered Success, as Asterisk does; no events follow (a test sends those).
     */
    public List<Map<String, String>> queueActions() {
        return List.copyOf(queueActions);
    }

    public void forgetQueueActions() {
        queueActions.clear();
    }

    /** What CoreShowChannels answers: CoreShowChannel blocks (an ActionID line is put in). */
    public void channelsAre(List<String> blocks) {
        channels = List.copyOf(blocks);
    }

    /** What QueueStatus answers: QueueParams / QueueMember / QueueEntry blocks. */
    public void queueStatusIs(List<String> blocks) {
        queueStatus = List.copyOf(blocks);
    }

    /** Actions (lower case) answered "Permission denied", as for a manager.conf user lacking the class. */
    public void denyActions(java.util.Set<String> actionNames) {
        denied = java.util.Set.copyOf(actionNames);
    }

    /** While true every login fails, as if Asterisk were gone: the adapter stays disconnected, retrying. */
    public void refuseLogins(boolean refuse) {
        refuseLogins = refuse;
    }

    /** The greeting line for new connections; anything but Asterisk's makes the peer malformed. */
    public void bannerIs(String line) {
        banner = line;
    }

    public boolean hasLiveSession() {
        return sessions.stream().anyMatch(s -> s.loggedIn && !s.socket.isClosed());
    }

    /** Pushes blocks (LF-separated lines, as in the transcripts) to every logged-in session. */
    public void send(List<String> blocks) {
        for (AmiSession s : sessions) {
            if (s.loggedIn) {
                StringBuilder out = new StringBuilder();
                for (String block : blocks) {
                    out.append(crlf(block)).append("\r\n");
                }
                s.write(out.toString());
            }
        }
    }

    public void sendEvents(List<Transcript.Block> blocks) {
        send(blocks.stream().map(Transcript.Block::text).toList());
    }

    /** Writes raw bytes, unframed, to every session (for malformed input). */
    public void sendRaw(String raw) {
        sessions.forEach(s -> s.write(raw));
    }

    /** Drops every AMI connection, as a network failure or an Asterisk restart would. */
    public void dropConnections() {
        for (AmiSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = amiServer.accept();
                AmiSession session = new AmiSession(socket);
                sessions.add(session);
                Thread t = new Thread(session::run, "fake-asterisk-ami-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private final class AmiSession {
        private final Socket socket;
        private volatile boolean loggedIn;

        private AmiSession(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write(banner + "\r\n");
                Map<String, String> action = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            // Repeated headers (an Originate's Variable lines) are joined by ",".
                            action.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    line.substring(colon + 1).trim(), (a, b) -> a + "," + b);
                        }
                        continue;
                    }
                    if (!action.isEmpty()) {
                        actions.incrementAndGet();
                        if (!answer(action)) {
                            break;
                        }
                        action = new LinkedHashMap<>();
                    }
                }
            } catch (IOException e) {
                // the peer went away
            } finally {
                close();
            }
        }

        /** Answers one action; false when the session ends. */
        private boolean answer(Map<String, String> action) {
            String id = action.getOrDefault("actionid", "");
            String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            switch (name) {
                case "challenge" -> respond(id, "Response: Success", "Challenge: " + CHALLENGE);
                case "login" -> {
                    if (credentialsMatch(action) && !refuseLogins) {
                        loggedIn = true;
                        respond(id, "Response: Success", "Message: Authentication accepted");
                        write(crlf("Event: FullyBooted\nPrivilege: system,all\nUptime: 1\nLastReload: 1\n"
                                + "Status: Fully Booted\n") + "\r\n");
                        logins.incrementAndGet();
                    } else {
                        respond(id, "Response: Error", "Message: Authentication failed");
                        return false;
                    }
                }
                case "logoff" -> {
                    respond(id, "Response: Goodbye", "Message: Thanks for all the fish.");
                    return false;
                }
                default -> {
                    if (!loggedIn) {
                        respond(id, "Response: Error", "Message: Permission denied");
                    } else if ((name.startsWith("queue") && !name.equals("queuestatus") || name.equals("originate")
                            || name.equals("blindtransfer"))
                            && !denied.contains(name)) {
                        queueActions.add(Map.copyOf(action));
                        respond(id, "Response: Success", "Message: done");
                    } else {
                        answerLoggedIn(name, id);
                    }
                }
            }
            return true;
        }

        private void answerLoggedIn(String name, String id) {
            if (denied.contains(name)) {
                respond(id, "Response: Error", "Message: Permission denied");
                return;
            }
            switch (name) {
                case "coresettings" -> respond(id, "Response: Success", "AMIversion: 9.0.0",
                        "AsteriskVersion: 20.20.1", "SystemName: ", "CoreMaxCalls: 0", "CoreMaxLoadAvg: 0.000000",
                        "CoreRunUser: asterisk", "CoreRunGroup: asterisk", "CoreMaxFilehandles: 0",
                        "CoreRealTimeEnabled: No", "CoreCDRenabled: No", "CoreHTTPenabled: No");
                case "command" -> respond(id, "Response: Success", "Message: Command output follows",
                        "Output: Asterisk 20.20.1 built by hotline @ fake on a x86_64 running Linux");
                case "ping" -> respond(id, "Response: Success", "Ping: Pong", "Timestamp: 1795323805.000000");
                case "coreshowchannels" -> eventList(id, "Channels will follow", channels,
                        "CoreShowChannelsComplete");
                case "queuestatus" -> eventList(id, "Queue status will follow", queueStatus,
                        "QueueStatusComplete");
                default -> respond(id, "Response: Error", "Message: Invalid/unknown command");
            }
        }

        private void eventList(String id, String message, List<String> items, String completeEvent) {
            StringBuilder out = new StringBuilder();
            out.append("Response: Success\r\nActionID: ").append(id).append("\r\nEventList: start\r\nMessage: ")
                    .append(message).append("\r\n\r\n");
            for (String item : items) {
                out.append(crlf(withActionId(item, id))).append("\r\n");
            }
            out.append("Event: ").append(completeEvent).append("\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(items.size()).append("\r\n\r\n");
            write(out.toString());
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

        private boolean credentialsMatch(Map<String, String> action) {
            if (!username.equals(action.get("username"))) {
                return false;
            }
            if ("md5".equalsIgnoreCase(action.get("authtype"))) {
                return md5(CHALLENGE + secret).equalsIgnoreCase(action.getOrDefault("key", ""));
            }
            return secret.equals(action.get("secret"));
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

    private static String withActionId(String block, String id) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n")) {
            if (!line.startsWith("ActionID:")) {
                out.append(line).append('\n');
            }
        }
        int firstLineEnd = out.indexOf("\n");
        out.insert(firstLineEnd + 1, "ActionID: " + id + "\n");
        return out.toString();
    }

    private static String crlf(String block) {
        String normal = block.endsWith("\n") ? block : block + "\n";
        return normal.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- FastAGI side

    /** What the AGI server told one call. */
    public record AgiAnswer(List<String> commands, Map<String, String> variables) {

        public String variable(String name) {
            return variables.get(name);
        }
    }

    /** The header block Asterisk 20 sends for an inbound PJSIP call. */
    public static Map<String, String> agiHeaders(String uniqueId, String dialled, String callerNumber) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("agi_network", "yes");
        h.put("agi_network_script", "incoming");
        h.put("agi_request", "agi://127.0.0.1:4573/incoming");
        h.put("agi_channel", "PJSIP/telco-" + uniqueId.replace(".", ""));
        h.put("agi_language", "en");
        h.put("agi_type", "PJSIP");
        h.put("agi_uniqueid", uniqueId);
        h.put("agi_version", "20.20.1");
        h.put("agi_callerid", callerNumber);
        h.put("agi_calleridname", "unknown");
        h.put("agi_callingpres", "0");
        h.put("agi_callingani2", "0");
        h.put("agi_callington", "0");
        h.put("agi_callingtns", "0");
        h.put("agi_dnid", dialled);
        h.put("agi_rdnis", "unknown");
        h.put("agi_context", "hotline-in");
        h.put("agi_extension", dialled);
        h.put("agi_priority", "3");
        h.put("agi_enhanced", "0.0");
        h.put("agi_accountcode", "");
        h.put("agi_threadid", "140091234567890");
        return h;
    }

    /** Runs one FastAGI conversation against the adapter, as Asterisk does for {@code AGI(agi://...)}. */
    public static AgiAnswer agiCall(int port, Map<String, String> headers) {
        StringBuilder header = new StringBuilder();
        headers.forEach((k, v) -> header.append(k).append(": ").append(v).append('\n'));
        header.append('\n');
        return agiConversation(port, header.toString());
    }

    /** Sends arbitrary bytes as the header and then plays along; for malformed-input tests. */
    public static AgiAnswer agiConversation(int port, String opening) {
        return agiConversation(port, opening, Map.of());
    }

    /** One FastAGI conversation on a channel holding {@code channelVariables} (answered to GET VARIABLE). */
    public static AgiAnswer agiCall(int port, Map<String, String> headers, Map<String, String> channelVariables) {
        StringBuilder header = new StringBuilder();
        headers.forEach((k, v) -> header.append(k).append(": ").append(v).append('\n'));
        header.append('\n');
        return agiConversation(port, header.toString(), channelVariables);
    }

    private static AgiAnswer agiConversation(int port, String opening, Map<String, String> channelVariables) {
        List<String> commands = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(opening.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                parseSetVariable(line, variables);
                String asked = line.startsWith("GET VARIABLE ") ? line.substring(13).replace("\"", "").trim() : null;
                String answer = asked == null ? "200 result=1\n" : channelVariables.containsKey(asked)
                        ? "200 result=1 (" + channelVariables.get(asked) + ")\n" : "200 result=0\n";
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (SocketException e) {
            // the server closed the connection while we wrote: that is its answer
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AgiAnswer(commands, variables);
    }

    /** Reads {@code SET VARIABLE name value} with Asterisk's quoting rules (either part may be quoted). */
    private static void parseSetVariable(String command, Map<String, String> variables) {
        List<String> args = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < command.length()) {
                    current.append(command.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                if (current == null) {
                    current = new StringBuilder();
                }
            } else if (c == ' ') {
                if (current != null) {
                    args.add(current.toString());
                    current = null;
                }
            } else {
                if (current == null) {
                    current = new StringBuilder();
                }
                current.append(c);
            }
        }
        if (current != null) {
            args.add(current.toString());
        }
        if (args.size() >= 4 && args.get(0).equals("SET") && args.get(1).equals("VARIABLE")) {
            variables.put(args.get(2), args.get(3));
            if (args.get(2).equals("HOTLINE_ROUTE") && !args.get(3).isEmpty()) {
                splitAsTheDialplanDoes(args.get(3), variables);
            }
        }
    }

    /**
     * What deploy/asterisk/extensions.conf does with the answer: {@code Set(ARRAY(a,b,...)=${HOTLINE_ROUTE})} sets
     * each named variable in order to the matching value (empty when there is none). Read from the real dialplan,
     * so a script and a dialplan that disagree on the order fail the tests.
     */
    private static void splitAsTheDialplanDoes(String route, Map<String, String> variables) {
        String[] values = route.split(",", -1);
        List<String> fields = dialplanRouteFields();
        for (int i = 0; i < fields.size(); i++) {
            variables.remove(fields.get(i));
            variables.put(fields.get(i), i < values.length ? values[i] : "");
        }
    }

    private static final java.util.regex.Pattern ROUTE_SPLIT =
            java.util.regex.Pattern.compile("Set\\(ARRAY\\(([^)]*)\\)=\\$\\{HOTLINE_ROUTE\\}\\)");

    /** The variable names of the dialplan's ARRAY(...) for HOTLINE_ROUTE. */
    public static List<String> dialplanRouteFields() {
        try {
            String dialplan = java.nio.file.Files.readString(java.nio.file.Path.of("..", "deploy", "asterisk",
                    "extensions.conf"));
            java.util.regex.Matcher m = ROUTE_SPLIT.matcher(dialplan);
            if (!m.find()) {
                throw new IllegalStateException("extensions.conf does not split HOTLINE_ROUTE with ARRAY(...)");
            }
            return List.of(m.group(1).split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        dropConnections();
        try {
            amiServer.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
