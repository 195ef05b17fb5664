package dk.hotline.routing.recipient.domain;

/** One of the 98 municipalities: official 3-digit code (no leading zero), short name, police district id. */
public record Municipality(String code, String name, String region, String policeDistrictId) {
}
