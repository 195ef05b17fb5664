package dk.hotline.contracts.reference;

/** The infohus run by a police district, by name. */
public record Infohus(String policeDistrictId, String name) {
}
