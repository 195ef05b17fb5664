package dk.hotline.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the start page sends a person: the screen of the first role they hold, in the order the service gives.
 * A person with none of the roles stays on the start page, which says they have no access.
 */
public final class Landing {

    /** A role and the path of its screen. */
    public record Screen(String role, String path) {
    }

    private final List<Screen> screens;

    public Landing(Screen... screens) {
        this.screens = List.of(screens);
    }

    public Optional<URI> screenFor(Predicate<String> hasRole) {
        return screens.stream().filter(s -> hasRole.test(s.role())).findFirst().map(s -> URI.create(s.path()));
    }
}
