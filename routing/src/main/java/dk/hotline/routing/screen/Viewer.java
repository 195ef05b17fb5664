package dk.hotline.routing.screen;

import dk.hotline.web.SignedInPerson;

/**
 * The person signed in to a page, as the header shows them: the name from the ID token and their organisation
 * (from the token's claim, never from the request). A supervisor has no organisation.
 */
public record Viewer(String name, String organisationLabel, String organisationId) implements SignedInPerson {

    @Override
    public String affiliationLabel() {
        return organisationLabel;
    }
}
