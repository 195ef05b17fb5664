package dk.hotline.routing.recipient.domain;

/** The infohus run by a police district, by name. */
public record Infohus(String policeDistrictId, String name) {
}
