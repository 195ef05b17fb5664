package dk.hotline.web;

/** What the shared layout's header shows of the person signed in: their name and where they belong. */
public interface SignedInPerson {

    String name();

    /** In Danish: core shows the site, routing the organisation. */
    String affiliationLabel();
}
