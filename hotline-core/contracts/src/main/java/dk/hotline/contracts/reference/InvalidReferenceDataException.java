package dk.hotline.contracts.reference;

/** The reference data is inconsistent (a row names a district that does not exist, a duplicate code...). */
public class InvalidReferenceDataException extends RuntimeException {
    public InvalidReferenceDataException(String message) {
        super(message);
    }
}
