package dk.hotline.core.advice.domain;

import dk.hotline.contracts.vocabulary.Vocabulary;

/** How the contact ended. The NO_CONTENT_* outcomes are calls without content: nothing else is asked for. */
public enum Outcome implements Vocabulary {
    ADVICE_ONLY("Rådgivning", "Advice only"),
    REFERRAL("Bekymringshenvendelse videregivet", "Referral"),
    ADVISED_TO_CALL_112("Opfordret til at ringe 112", "Advised to call 112"),
    NO_CONTENT_SILENT("Opkald uden indhold: tavst", "No content: silent"),
    NO_CONTENT_WRONG_NUMBER("Opkald uden indhold: forkert nummer", "No content: wrong number"),
    NO_CONTENT_HUNG_UP("Opkald uden indhold: lagt på", "No content: hung up"),
    NO_CONTENT_TEST("Opkald uden indhold: test", "No content: test call");

    private final String da;
    private final String en;

    Outcome(String da, String en) {
        this.da = da;
        this.en = en;
    }

    @Override public String da() { return da; }
    @Override public String en() { return en; }

    public boolean withoutContent() {
        return name().startsWith("NO_CONTENT_");
    }

    /** A referral can be handed on only from a log that says so (or that sent the caller to 112). */
    public boolean allowsReferral() {
        return this == REFERRAL || this == ADVISED_TO_CALL_112;
    }
}
