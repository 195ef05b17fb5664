package dk.hotline.contracts.vocabulary;


/** The kind of concern (bekymringens art), as counted in the yearly reporting. */
public enum ConcernCategory implements Vocabulary {
    MILITANT_ISLAMISM("Militant islamisme", "Militant islamism"),
    RIGHT_WING_EXTREMISM("Højreekstremisme", "Right-wing extremism"),
    LEFT_WING_EXTREMISM("Venstreekstremisme", "Left-wing extremism"),
    ANTI_AUTHORITY_EXTREMISM("Antiautoritær ekstremisme", "Anti-authority extremism"),
    MISOGYNY_INCEL("Kvindehad/incel", "Misogyny/incel"),
    HYBRID("Blandede motiver (hybrid)", "Mixed motives (hybrid)"),
    UNCLEAR("Uklart", "Unclear"),
    NOT_EXTREMISM_RELATED("Ikke ekstremismerelateret", "Not extremism-related");

    private final String da;
    private final String en;

    ConcernCategory(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }
}
