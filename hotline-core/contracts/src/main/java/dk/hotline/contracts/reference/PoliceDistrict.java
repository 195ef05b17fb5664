package dk.hotline.contracts.reference;

/** A police district of Denmark proper; each runs one infohus. */
public record PoliceDistrict(String id, String name) {
}
