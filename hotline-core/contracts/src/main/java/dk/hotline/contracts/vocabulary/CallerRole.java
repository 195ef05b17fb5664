package dk.hotline.contracts.vocabulary;


/** Who called (opkaldets afsender). */
public enum CallerRole implements Vocabulary {
    PRIVATE_CITIZEN("Privatperson", "Private citizen"),
    RELATIVE("Pårørende", "Relative"),
    PROFESSIONAL("Fagperson", "Professional");

    private final String da;
    private final String en;

    CallerRole(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
