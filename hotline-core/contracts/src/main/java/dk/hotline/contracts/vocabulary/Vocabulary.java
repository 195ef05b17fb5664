package dk.hotline.contracts.vocabulary;

/** A closed vocabulary value with its Danish and English labels (the code is the enum name). */
public interface Vocabulary {

    String name();

    /** Danish label, as the advisors see it. */
    String da();

    /** English label, for documentation and reporting. */
    String en();
}
