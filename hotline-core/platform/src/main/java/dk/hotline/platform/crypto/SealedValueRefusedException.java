package dk.hotline.platform.crypto;

/** A stored value that does not open where it was read: moved from another row or column, tampered, or its key is gone. */
public class SealedValueRefusedException extends IllegalStateException {

    public SealedValueRefusedException(String message) {
        super(message);
    }
}
