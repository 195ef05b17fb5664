package dk.hotline.telephony.pbx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a pcap of RFC 4733 (RFC 2833) telephone-event RTP packets, payload type 101, for SIPp's
 * {@code play_pcap_audio}: a caller pressing one key again and again. Generated at run time rather than committed.
 *
 * <p>Each press is its own event (its own RTP timestamp): a start packet with the marker bit, one packet every 20 ms
 * as the tone goes on, then three end packets (end bit, the final duration), as a phone sends them. Asterisk takes
 * an event once per timestamp, so the presses must differ to count as presses. SIPp replaces the UDP ports (the
 * call's media ports) and the checksum, paces the packets by their pcap times, and ignores the addresses.
 */
final class DtmfPcap {

    static final int PAYLOAD_TYPE = 101;
    private static final int PACKET_MS = 20;
    private static final int SAMPLES_PER_MS = 8;
    private static final int RTP_PORT = 6000;

    private DtmfPcap() {
    }

    /**
     * {@code presses} presses of {@code digit} (0-9), the first after {@code firstAfterMs}, then one every
     * {@code everyMs}, each tone {@code toneMs} long.
     */
    static Path write(Path file, int digit, int presses, int firstAfterMs, int everyMs, int toneMs) {
        ByteBuffer out = ByteBuffer.allocate(24 + presses * (toneMs / PACKET_MS + 4) * (16 + 58))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1); // link type Ethernet
        int seq = 1;
        for (int press = 0; press < presses; press++) {
            int startMs = firstAfterMs + press * everyMs;
            int timestamp = 160_000 + startMs * SAMPLES_PER_MS;
            for (int t = 0; t < toneMs; t += PACKET_MS) {
                packet(out, startMs + t, seq++, t == 0, timestamp, digit, false, (t + PACKET_MS) * SAMPLES_PER_MS);
            }
            for (int end = 0; end < 3; end++) {
                packet(out, startMs + toneMs + end * PACKET_MS, seq++, false, timestamp, digit, true,
                        toneMs * SAMPLES_PER_MS);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void packet(ByteBuffer out, int atMs, int seq, boolean marker, int timestamp, int digit,
                               boolean end, int duration) {
        int rtp = 12 + 4;
        int udp = 8 + rtp;
        int ip = 20 + udp;
        int frame = 14 + ip;
        out.order(ByteOrder.LITTLE_ENDIAN).putInt(atMs / 1000).putInt((atMs % 1000) * 1000).putInt(frame)
                .putInt(frame);
        out.order(ByteOrder.BIG_ENDIAN);
        out.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800); // Ethernet
        byte[] loopback = {127, 0, 0, 1};
        int ipStart = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) ip).putShort((short) seq).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(loopback).put(loopback);
        out.putShort(ipStart + 10, ipChecksum(out, ipStart));
        out.putShort((short) RTP_PORT).putShort((short) RTP_PORT).putShort((short) udp).putShort((short) 0);
        out.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) seq)
                .putInt(timestamp).putInt(0x484f544c); // SSRC "HOTL"
        out.put((byte) digit).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
    }

    private static short ipChecksum(ByteBuffer out, int start) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += out.getShort(start + i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
