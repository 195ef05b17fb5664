package dk.hotline.telephony.callback.domain;

/**
 * One callback to place: ring {@code memberInterface} (a free advisor's phone), then dial {@code number} through the
 * trunk presenting {@code lineNumber}. {@link #toString} leaves the number out, so it cannot reach a log line.
 */
public record CallbackCall(String callbackId, String memberInterface, String number, String lineNumber) {

    @Override
    public String toString() {
        return "CallbackCall[" + callbackId + " via " + memberInterface + "]";
    }
}
