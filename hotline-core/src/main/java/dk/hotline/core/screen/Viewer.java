package dk.hotline.core.screen;

import dk.hotline.web.SignedInPerson;

import dk.hotline.core.staff.StaffMember;

/**
 * The person signed in to a screen, as the header shows them: the name from the ID token and their site in Danish
 * (from the token's claim, never from the request); {@code staff} is what the services are called with.
 */
public record Viewer(String name, String siteLabel, StaffMember staff) implements SignedInPerson {

    @Override
    public String affiliationLabel() {
        return siteLabel;
    }
}
