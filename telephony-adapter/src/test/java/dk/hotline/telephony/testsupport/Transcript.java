package dk.hotline.telephony.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded AMI stream from a real Asterisk 20 (src/test/resources/transcripts, copied from the shared capture).
 * '#' lines are the recorder's comments and its own actions; what remains is what Asterisk sent, block by block.
 */
public final class Transcript {

    /** One block Asterisk sent, with the recorder's session number and monotonic time. */
    public record Block(int session, double mono, String text, Map<String, String> fields) {

        public String get(String key) {
            return fields.get(key);
        }

        public boolean isEvent() {
            return fields.containsKey("Event");
        }

        public boolean isEvent(String name) {
            return name.equals(fields.get("Event"));
        }

        public boolean isBanner() {
            return text.startsWith("Asterisk Call Manager/");
        }
    }

    private final String name;
    private final List<Block> blocks;

    private Transcript(String name, List<Block> blocks) {
        this.name = name;
        this.blocks = List.copyOf(blocks);
    }

    public static Transcript load(String name) {
        try (InputStream in = Transcript.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript parse(String name, String content) {
        List<Block> blocks = new ArrayList<>();
        int session = 0;
        double mono = 0;
        StringBuilder text = new StringBuilder();
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("# recv ")) {
                for (String part : line.split(" ")) {
                    if (part.startsWith("mono=")) {
                        mono = Double.parseDouble(part.substring(5));
                    } else if (part.startsWith("session=")) {
                        session = Integer.parseInt(part.substring(8));
                    }
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (text.length() > 0) {
                    blocks.add(block(session, mono, text.toString()));
                    text.setLength(0);
                }
                continue;
            }
            text.append(line).append('\n');
        }
        if (text.length() > 0) {
            blocks.add(block(session, mono, text.toString()));
        }
        return new Transcript(name, blocks);
    }

    private static Block block(int session, double mono, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
            } else if (line.endsWith(":")) {
                fields.putIfAbsent(line.substring(0, line.length() - 1), "");
            }
        }
        return new Block(session, mono, text, fields);
    }

    public String name() {
        return name;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The events Asterisk pushed on its own in a session (not those answering an action). */
    public List<Block> unsolicitedEvents(int session) {
        return blocks.stream().filter(b -> b.session() == session && b.isEvent() && !b.fields().containsKey("ActionID"))
                .toList();
    }

    /** The response and the event list Asterisk sent for one action of the recorder. */
    public List<Block> answerTo(String actionId) {
        return blocks.stream().filter(b -> actionId.equals(b.get("ActionID"))).toList();
    }
}
