package dk.hotline.contracts.reference;

/** One of the 98 municipalities: official 3-digit code ({@link MunicipalityCode}), short name, region, police district id. */
public record Municipality(String code, String name, String region, String policeDistrictId) {
}
