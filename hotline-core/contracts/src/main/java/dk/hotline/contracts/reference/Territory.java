package dk.hotline.contracts.reference;

/**
 * A place with a municipality-like code that is not a municipality (Christiansø, 411: run by the state).
 * It is served by a police district and, for children, by the SSP network of a named municipality.
 * Kept as data so that the rule is explicit and visible, not an accident of a missing row.
 */
public record Territory(String code, String name, String policeDistrictId, String sspMunicipalityCode, String note) {
}
